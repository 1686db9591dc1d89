#include "AppInfo.h"
#include "ProcessHardening.h"
#include "TerminationSignals.h"
#include "config/CliOptions.h"
#include "config/PairStore.h"
#include "config/SyncConfig.h"
#include "sync/DemoPair.h"
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

// One run of the pair, as the command line asked for it; returns the exit code.
QCoro::Task<int> syncOnce(const twinbox::config::SyncConfig &configIn,
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
        co_return 1;
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
    co_return outcome.exitCode;
}

// The normal run; --demo adds a second one that has nothing left to do.
QCoro::Task<void> runSync(const twinbox::config::SyncConfig &configIn,
                          const twinbox::config::CliOptions &optionsIn, const QString &pairIn)
{
    const twinbox::config::SyncConfig config = configIn; // copies before the first co_await
    const twinbox::config::CliOptions options = optionsIn;
    const QString pair = pairIn;
    int exitCode = co_await syncOnce(config, options, pair);
    if (options.demo && exitCode == 0) {
        if (!options.quiet)
            print(stderr, QCoreApplication::translate("CliMain", "Demo: the same sync again, which "
                                                                 "finds nothing left to do:") +
                              u'\n');
        exitCode = co_await syncOnce(config, options, pair);
    }
    QCoreApplication::exit(exitCode);
}

// Makes the demo's stores and loads its configuration; nullopt (with a message printed) when
// that fails.
std::optional<twinbox::config::SyncConfig>
prepareDemo(twinbox::sync::DemoPair &demo, const twinbox::config::SyncConfig::Paths &paths,
            bool quiet)
{
    if (!twinbox::sync::DemoPair::dovecotAvailable()) {
        print(stderr, QCoreApplication::translate("CliMain", "the demo needs Dovecot's IMAP "
                                                             "server: apt install dovecot-imapd") +
                          u'\n');
        return std::nullopt;
    }
    QString error;
    if (!demo.create(&error)) {
        print(stderr, error + u'\n');
        return std::nullopt;
    }
    auto config = twinbox::config::SyncConfig::load(demo.configPath(), paths, &error);
    if (!config) {
        print(stderr, error + u'\n');
        return std::nullopt;
    }
    if (!quiet)
        print(stderr,
              QCoreApplication::translate("CliMain", "Demo: two private Dovecot mail stores in %1, "
                                                     "seeded with a few messages; syncing them:")
                      .arg(demo.directory()) +
                  u'\n');
    return config;
}

} // namespace

int main(int argc, char *argv[])
{
    twinbox::hardenProcess(twinbox::ProcessKind::CommandLine);
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
    if (options->demo) {
        twinbox::sync::DemoPair demo; // removed when main returns, after the event loop
        const auto config = prepareDemo(demo, paths, options->quiet);
        if (!config)
            return 1;
        std::optional<QCoro::Task<void>> job;
        QTimer::singleShot(0, &app, [&] {
            job.emplace(
                runSync(*config, *options, QFileInfo(demo.configPath()).absoluteFilePath()));
        });
        const int exitCode = app.exec();
        if (options->keep) {
            demo.keep();
            print(stdout, QCoreApplication::translate("CliMain", "Demo kept; run it again with:") +
                              u'\n' + program + QStringLiteral(" --config=") + demo.configPath() +
                              u'\n');
        }
        return exitCode;
    }
    // The keychain entries are named after the pair, or after the configuration file.
    QString keychainPair;
    std::optional<SyncConfig> config;
    if (!options->pair.isEmpty()) {
        const PairStore store(PairStore::defaultFileName(paths));
        if (const auto profile = store.load(options->pair))
            config = profile->toSyncConfig(paths, &error);
        else
            error = QCoreApplication::translate("CliMain", "no account pair named %1 in %2")
                        .arg(options->pair, PairStore::defaultFileName(paths));
        keychainPair = options->pair;
    } else {
        const QString configPath = SyncConfig::resolveConfigPath(options->config, paths);
        config = SyncConfig::load(configPath, paths, &error);
        keychainPair = QFileInfo(configPath).absoluteFilePath();
    }
    if (!config) {
        print(stderr, error + u'\n');
        return 1;
    }
    std::optional<QCoro::Task<void>> job; // kept alive until the event loop ends
    QTimer::singleShot(0, &app, [&] { job.emplace(runSync(*config, *options, keychainPair)); });
    return app.exec();
}
