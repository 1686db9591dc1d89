#pragma once

#include <QCoreApplication>
#include <QCoroTask>
#include <QString>

#include <optional>

namespace twinbox::config {

// Passwords in the OS keychain (QtKeychain: Secret Service, KWallet, macOS Keychain, Windows
// Credential Manager), one entry per account pair and side, under one service name shared
// by the GUI and twinbox-cli. Every call is asynchronous. When no keychain works, the
// result says so plainly (QtKeychain reports that as a generic error): callers then ask for
// the password instead; there is no plain-text fallback.
class SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(SecretStore)

public:
    enum class Status { Ok, NotFound, Unavailable };
    struct Result
    {
        Status status = Status::Ok;
        std::optional<QString> secret; // read() only
        QString message;               // for NotFound and Unavailable
    };

    explicit SecretStore(QString service = QStringLiteral("twinbox"));

    static QString keyFor(const QString &pair, const QString &side) { return pair + u'/' + side; }

    QCoro::Task<Result> read(const QString &key) const;
    QCoro::Task<Result> write(const QString &key, const QString &secret) const;
    QCoro::Task<Result> remove(const QString &key) const;

private:
    QString m_service;
};

} // namespace twinbox::config
