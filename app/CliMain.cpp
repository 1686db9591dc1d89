#include "AppInfo.h"
#include "TerminationSignals.h"
#include "config/CliOptions.h"
#include "config/SyncConfig.h"
#include "sync/SyncJob.h"
#include "sync/SyncLogWriter.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QFileInfo>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <optional>

namespace {

void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stream);
    std::fflush(stream);
}

QCoro::Task<void> runSync(const twinbox::config::SyncConfig &configIn,
                          const twinbox::config::CliOptions &optionsIn, const QString &pairIn)
{
    using namespace twinbox;
    const config::SyncConfig config = configIn; // copies before the first co_await
    const config::CliOptions options = optionsIn;
    const QString pair = pairIn;
    sync::SyncLogWriter log({config.logPrefix, options.quiet, options.debug > 0, config.logFile});
    QString error;
    if (!log.open(&error)) {
        print(stderr, error + u'\n');
        QCoreApplication::exit(1);
        co_return;
    }
    sync::SyncEvents events;
    log.attach(events);
    sync::BatchLimits limits;
    limits.messages = config.appendBatch;
    sync::SyncJob job(config, options, pair, events, limits);
    TerminationSignals terminations;
    QObject::connect(
        &terminations, &TerminationSignals::received, &job, [&job, &events](int number) {
            events.info(QString(), QString(),
                        QCoreApplication::translate("CliMain", "signal %1: finishing the current "
                                                               "mailbox, then stopping")
                            .arg(number));
            job.requestStop(number == SIGINT ? sync::SyncJob::StopReason::Interrupt
                                             : sync::SyncJob::StopReason::Terminate);
        });
    const sync::SyncJob::Outcome outcome = co_await job.run();
    if (options.command == config::CliOptions::Command::Sync)
        log.writeLine(sync::SyncJob::summary(outcome.totals));
    QCoreApplication::exit(outcome.exitCode);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    twinbox::AppInfo::configure(app, QStringLiteral("twinbox-cli"));
    twinbox::AppInfo::installTranslations(app);
    using namespace twinbox::config;

    QString error;
    const QString program = QStringLiteral("twinbox-cli");
    const auto options = CliOptions::parse(app.arguments().mid(1), &error);
    if (!options) {
        print(stderr, error + u'\n' + CliOptions::usage(program) + u'\n');
        return 1;
    }
    if (options->version) {
        print(stdout, program + u' ' + QCoreApplication::applicationVersion() + u'\n');
        return 0;
    }
    if (options->help) {
        print(stdout, QCoreApplication::translate("CliMain", "Keeps two IMAP accounts identical "
                                                             "in both directions (QRESYNC, RFC "
                                                             "7162).") +
                          u'\n' + CliOptions::usage(program) + u'\n');
        return 0;
    }
    const SyncConfig::Paths paths = SyncConfig::Paths::standard();
    const QString configPath = SyncConfig::resolveConfigPath(options->config, paths);
    const auto config = SyncConfig::load(configPath, paths, &error);
    if (!config) {
        print(stderr, error + u'\n');
        return 1;
    }
    std::optional<QCoro::Task<void>> job; // kept alive until the event loop ends
    QTimer::singleShot(0, &app, [&] {
        job.emplace(runSync(*config, *options, QFileInfo(configPath).absoluteFilePath()));
    });
    return app.exec();
}
