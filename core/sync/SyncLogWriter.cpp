#include "SyncLogWriter.h"

#include "config/LogPrefix.h"

#include <QLocale>
#include <QRegularExpression>

#include <csignal>
#include <cstdio>

namespace twinbox::sync {

SyncLogWriter::SyncLogWriter(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_killAtStep(qEnvironmentVariableIntValue("TWINBOX_FAULT_KILL_AT_STEP"))
    , m_killAtLine(qEnvironmentVariable("TWINBOX_FAULT_KILL_AT_LINE"))
{}

bool SyncLogWriter::open(QString *error)
{
    if (m_options.logFile.isEmpty())
        return true;
    m_file.setFileName(m_options.logFile);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        *error = tr("Can't open %1: %2").arg(m_options.logFile, m_file.errorString());
        return false;
    }
    return true;
}

void SyncLogWriter::attach(SyncEvents &events)
{
    connect(&events, &SyncEvents::message, this, &SyncLogWriter::write);
    connect(&events, &SyncEvents::progress, this, &SyncLogWriter::writeProgress);
}

void SyncLogWriter::write(const SyncMessage &message)
{
    using Severity = SyncMessage::Severity;
    if ((message.severity == Severity::Info && m_options.quiet) ||
        (message.severity == Severity::Debug && !m_options.debug))
        return;
    QString line =
        config::LogPrefix::format(m_options.prefixFormat, message.component, message.mailbox);
    if (message.severity == Severity::Warning)
        line += QStringLiteral("WARNING: ");
    else if (message.severity == Severity::Error)
        line += QStringLiteral("ERROR: ");
    line += message.text;
    emitLine(line, message.severity == Severity::Error);
    static const QRegularExpression step(QStringLiteral("^[CS]: T\\d+ "));
    if (m_killAtStep > 0 && message.severity == Severity::Debug &&
        step.match(message.text).hasMatch() && ++m_steps == m_killAtStep)
        std::raise(SIGKILL);
    if (m_killAtLine.isValid() && !m_killAtLine.pattern().isEmpty() &&
        m_killAtLine.match(line).hasMatch())
        std::raise(SIGKILL);
}

void SyncLogWriter::writeProgress(const SyncProgress &progress)
{
    if (progress.phase != SyncProgress::Phase::Copying ||
        progress.doneMessages >= progress.totalMessages)
        return;
    const auto megabytes = [](qint64 bytes) {
        return QLocale().toString(double(bytes) / 1e6, 'f', 1);
    };
    write({SyncMessage::Severity::Info, progress.target, progress.mailbox,
           tr("copied %1 of %2 message(s), %3 of %4 MB")
               .arg(progress.doneMessages)
               .arg(progress.totalMessages)
               .arg(megabytes(progress.doneBytes), megabytes(progress.totalBytes))});
}

void SyncLogWriter::writeLine(const QString &line, bool always)
{
    if (!m_options.quiet || always)
        emitLine(line, always);
}

void SyncLogWriter::emitLine(const QString &line, bool toStderrToo)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    if (m_file.isOpen()) {
        m_file.write(bytes);
        m_file.flush();
        if (!toStderrToo)
            return;
    }
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace twinbox::sync
