#pragma once

#include <QByteArray>
#include <QSqlError>
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

// SQLite's own words for a failed statement when the driver passed them on ("database or
// disk is full"), else Qt's.
inline QString sqlErrorText(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

} // namespace twinbox::state
