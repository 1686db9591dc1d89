#pragma once

#include <QByteArray>
#include <QString>

#include <exception>

namespace twinbox::state {

// A failed database operation: "database: <path>: <cause>".
class StateError : public std::exception
{
public:
    explicit StateError(QString message)
        : m_message(std::move(message))
        , m_what(m_message.toUtf8())
    {}
    const QString &message() const { return m_message; }
    const char *what() const noexcept override { return m_what.constData(); }

private:
    QString m_message;
    QByteArray m_what;
};

} // namespace twinbox::state
