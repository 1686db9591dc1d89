#include "PasswordCommand.h"

#include <QCoroProcess>
#include <QProcess>
#include <QTimer>

#include <memory>

namespace twinbox::config {

QCoro::Task<PasswordCommand::Result> PasswordCommand::run(const QString &commandIn,
                                                          std::chrono::milliseconds timeout)
{
    const QString command = commandIn; // copied before the first co_await
    // Errors do not quote the command: any part of it may hold something secret
    // ("TOKEN=... cmd", an argument).
    const QString program = QStringLiteral("(password-command)");
    auto process = std::make_unique<QProcess>();
    process->setProgram(QStringLiteral("/bin/sh"));
    process->setArguments({QStringLiteral("-c"), command});
    // The command may ask its own questions (a GPG agent, a keyring prompt) on the terminal.
    process->setInputChannelMode(QProcess::ForwardedInputChannel);
    auto wrapped = qCoro(*process);
    if (!co_await wrapped.start()) {
        co_return Result{std::nullopt,
                         tr("%1: cannot start: %2").arg(program, process->errorString())};
    }
    if (!co_await wrapped.waitForFinished(timeout)) {
        process->kill();
        process->waitForFinished(1000);
        co_return Result{
            std::nullopt,
            tr("%1: no answer within %2 s")
                .arg(program)
                .arg(std::chrono::duration_cast<std::chrono::seconds>(timeout).count())};
    }
    QByteArray output = process->readAllStandardOutput();
    const QString stderrText = QString::fromLocal8Bit(process->readAllStandardError()).trimmed();
    if (process->exitStatus() != QProcess::NormalExit || process->exitCode() != 0) {
        output.fill('\0');
        co_return Result{
            std::nullopt,
            tr("%1 failed (exit status %2)%3")
                .arg(program)
                .arg(process->exitCode())
                .arg(stderrText.isEmpty() ? QString() : QStringLiteral(": ") + stderrText)};
    }
    const qsizetype end = output.indexOf('\n');
    QString password = QString::fromUtf8(end < 0 ? output : output.left(end));
    output.fill('\0');
    if (password.endsWith(u'\r'))
        password.chop(1);
    if (password.isEmpty())
        co_return Result{std::nullopt, tr("%1 printed no password").arg(program)};
    co_return Result{password, QString()};
}

} // namespace twinbox::config
