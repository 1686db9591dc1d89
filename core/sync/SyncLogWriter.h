#pragma once

#include "SyncEvents.h"

#include <QFile>
#include <QObject>
#include <QRegularExpression>

namespace twinbox::sync {

// twinbox-cli's output: the engine's messages as interimap prints them, each line started
// by log-prefix ("local(INBOX): Added 5 UID(s) 1:5", "remote: WARNING: ..."), to the log
// file when one is configured and to standard error otherwise; errors always reach
// standard error. -q keeps only warnings and errors; debug lines appear with --debug.
//
// Fault injection for the crash tests: with TWINBOX_FAULT_KILL_AT_STEP=N in the environment
// and --debug, the process SIGKILLs itself right after logging its N-th protocol step (a
// command sent or a tagged reply received), which pins a kill -9 to an exact point; with
// TWINBOX_FAULT_KILL_AT_LINE=regex, right after the first line it logs that matches (a
// point named by what happens there, when the number of steps before it varies).
class SyncLogWriter : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString prefixFormat;
        bool quiet = false;
        bool debug = false;
        QString logFile; // empty: standard error
    };

    explicit SyncLogWriter(Options options, QObject *parent = nullptr);

    // False with *error when the log file cannot be opened.
    bool open(QString *error);
    void attach(SyncEvents &events);
    void write(const SyncMessage &message);
    // A long copy shows how far it got after each batch but the last (whose "Added" line
    // says it is done).
    void writeProgress(const SyncProgress &progress);
    // A line without prefix (the summary).
    void writeLine(const QString &line, bool always = false);

private:
    void emitLine(const QString &line, bool toStderrToo);

    Options m_options;
    QFile m_file;
    int m_killAtStep = 0;
    int m_steps = 0;
    QRegularExpression m_killAtLine;
};

} // namespace twinbox::sync
