#pragma once

#include <QCoreApplication>
#include <QCoroTask>
#include <QString>

#include <chrono>
#include <optional>

namespace twinbox::config {

// password-command: a command (run by /bin/sh -c) whose first output line is the password,
// e.g. `pass show mail/remote` or `secret-tool lookup ...`, so no password sits in a file.
// Its output is never logged or echoed: an error names the command and its exit status, and
// quotes its standard error, not its standard output.
class PasswordCommand
{
    Q_DECLARE_TR_FUNCTIONS(PasswordCommand)

public:
    struct Result
    {
        std::optional<QString> password;
        QString error; // set when password is empty
    };

    static QCoro::Task<Result> run(const QString &command,
                                   std::chrono::milliseconds timeout = std::chrono::seconds(60));
};

} // namespace twinbox::config
