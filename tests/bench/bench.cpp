// The benchmark of issue #8: twinbox-cli against interimap (at its defaults and with COMPRESS
// off) and Dovecot's dsync, on the same Dovecot pair and the same seeded corpus, side by side
// in one run and alternating round by round:
//  - initial sync into an empty server, no-op sync, incremental sync (the anchor change set);
//  - initial and no-op again through a proxy that adds 20 ms of round trip (LoopbackProxy);
//  - peak RSS syncing one 100 MB message against one small message;
// with wall time (median of the rounds), client CPU and peak RSS (GNU time), each server's
// CPU and commands after login (ServerMeter), client turns and start-up to the first byte on
// the wire (LoopbackProxy), and whether both servers converged (read from the servers).
//   twinbox_bench [--preset small|large|tiny] [--runs N] [--no-op-repeats N]
//                 [--latency-ms N] [--out FILE] [--twinbox PATH] [--hold]
//                 [--tools NAME,...] [--no-big-message] [--compare PATH]
// (--tools and --no-big-message shorten a run while working on one phase; the figures kept
// in the README come from full runs. --compare adds a second build of twinbox-cli, the tool
// "twinbox-b", on servers of its own and in the same alternation: the A/B of a change.)
// Not part of the test suite: run-bench.sh builds and runs it (tests/bench/README.md).
#include "Corpus.h"
#include "DovecotServer.h"
#include "LoopbackProxy.h"
#include "MailboxSnapshot.h"
#include "ServerMeter.h"
#include "TestImapClient.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <array>
#include <map>
#include <memory>

using namespace twinbox::test;
using twinbox::bench::ServerMeter;
using twinbox::test::LoopbackProxy;

namespace {

enum class Kind { Twinbox, TwinboxPlain, Interimap, InterimapUncompressed, Dsync };

struct Tool
{
    QString name;
    Kind kind;
    QString program;
};

struct Measure
{
    double seconds = 0;
    double cpuSeconds = 0; // user + system
    qint64 peakKb = 0;
    bool ok = false;
    QString output;
    std::chrono::steady_clock::time_point launched;
};

// One run under GNU time, with the tool's configuration and state in `home`.
Measure timed(const QString &program, const QStringList &arguments, const QString &home)
{
    QTemporaryDir scratch;
    const QString timing = scratch.filePath(QStringLiteral("time"));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    Measure measure;
    measure.launched = std::chrono::steady_clock::now();
    process.start(QStringLiteral("/usr/bin/time"),
                  QStringList{QStringLiteral("-f"), QStringLiteral("%e %U %S %M"),
                              QStringLiteral("-o"), timing, program} +
                      arguments);
    if (!process.waitForFinished(3600 * 1000))
        process.kill();
    // Wall time from this clock (GNU time's %e has a resolution of 10 ms, too coarse for a
    // no-op); it includes starting /usr/bin/time, alike for every tool.
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - measure.launched).count();
    measure.output = QString::fromUtf8(process.readAll());
    measure.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    QFile file(timing);
    if (file.open(QIODevice::ReadOnly)) {
        const QStringList fields =
            QString::fromLatin1(file.readAll())
                .split(u'\n')
                .filter(QRegularExpression(QStringLiteral("^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$")))
                .value(0)
                .split(u' ');
        if (fields.size() == 4) {
            measure.seconds = wall;
            measure.cpuSeconds = fields[1].toDouble() + fields[2].toDouble();
            measure.peakKb = fields[3].toLongLong();
        }
    }
    return measure;
}

// Where a client reaches a server: directly, or through a latency proxy.
struct Endpoint
{
    const DovecotServer *server;
    quint16 port;
};

QString configFor(const QString &database, const Endpoint &local, const Endpoint &remote,
                  bool remoteCompress, bool plain)
{
    auto side = [plain](const char *name, const Endpoint &endpoint) -> QString {
        return QStringLiteral("[%1]\ntype = imaps\nhost = %2\nport = %3\nusername = %4\n"
                              "password = %5\nSSL_verify = NO\nSSL_fingerprint = sha256$%6\n")
                   .arg(QLatin1String(name), endpoint.server->host())
                   .arg(endpoint.port)
                   .arg(endpoint.server->user(), endpoint.server->password(),
                        endpoint.server->spkiSha256Hex()) +
               (plain ? QStringLiteral("auth = PLAIN\n") : QString());
    };
    return QStringLiteral("database = %1\n").arg(database) + side("local", local) +
           side("remote", remote) +
           (remoteCompress ? QString() : QStringLiteral("compress = NO\n"));
}

QString remoteName(const QString &name)
{
    return QString(name).replace(u'/', u'.');
}

// Same messages and flags in every mailbox of the corpus on both servers.
bool converged(const DovecotServer &local, const DovecotServer &remote,
               const QList<CorpusMailbox> &corpus, QString *why)
{
    for (const CorpusMailbox &mailbox : corpus) {
        const auto a = MailboxSnapshot::read(local, mailbox.name.toLatin1());
        const auto b = MailboxSnapshot::read(remote, remoteName(mailbox.name).toLatin1());
        if (!a || !b || a->sortedPrints() != b->sortedPrints()) {
            *why = mailbox.name;
            return false;
        }
    }
    return true;
}

// The anchor figures' incremental change set: 1 % flag changes on each side, 0.5 %
// expunged on the local side, 50 new messages on the remote, 5 conflicting flag changes.
void change(DovecotServer &local, DovecotServer &remote, const QList<CorpusMailbox> &corpus,
            quint32 seed, int round)
{
    QRandomGenerator random(seed);
    for (DovecotServer *server : {&local, &remote}) {
        TestImapClient client;
        QString error;
        client.connectTunnel(*server, &error);
        for (const CorpusMailbox &mailbox : corpus) {
            const QByteArray name =
                (server == &local ? mailbox.name : remoteName(mailbox.name)).toLatin1();
            if (!client.command("SELECT " + TestImapClient::quoted(QString::fromLatin1(name))).ok())
                continue;
            const auto snapshot = MailboxSnapshot::read(*server, name);
            const QList<std::uint32_t> uids =
                snapshot ? snapshot->prints.keys() : QList<std::uint32_t>();
            if (uids.isEmpty())
                continue;
            auto someUid = [&] {
                return QByteArray::number(uids[random.bounded(int(uids.size()))]);
            };
            for (int i = 0; i < std::max<int>(1, int(uids.size() / 100)); ++i)
                client.command("UID STORE " + someUid() + " +FLAGS ($Bench" +
                               QByteArray::number(round) + ")");
            if (server == &local) {
                for (int i = 0; i < std::max<int>(1, int(uids.size() / 200)); ++i)
                    client.command("UID STORE " + someUid() + " +FLAGS.SILENT (\\Deleted)");
                client.command("EXPUNGE");
            }
        }
        client.logout();
    }
    // Conflicts: the first five messages of INBOX, changed differently on both sides.
    for (DovecotServer *server : {&local, &remote}) {
        TestImapClient client;
        QString error;
        client.connectTunnel(*server, &error);
        client.command("SELECT INBOX");
        client.command(server == &local ? "STORE 1:5 +FLAGS (\\Flagged)"
                                        : "STORE 1:5 -FLAGS (\\Seen)");
        client.logout();
    }
    QList<SeedMessage> fresh;
    for (int i = 0; i < 50; ++i)
        fresh.append(makeSeedMessage(1000000 * round + i));
    QString error;
    remote.append(QStringLiteral("INBOX"), fresh, &error);
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Every run of one tool in one phase.
struct Phase
{
    QList<double> seconds;
    QList<double> cpu;
    QList<double> serverCpu; // both servers
    qint64 peakKb = 0;
    std::array<int, 2> commands{};   // after login, local and remote, the last run
    std::array<qint64, 2> turns{};   // client turns through the proxy, the last run
    QList<double> firstByteMs;       // start-up to the first byte on the wire
    QMap<QString, int> commandNames; // both servers, the last run
    bool converged = true;
    bool ran = false;
};

// The ratios of a's k-th run to b's k-th, for every k both have: runs seconds apart (the same
// change set, in the same turn of the alternation), which a drifting machine sways alike.
QList<double> pairedRatios(const Phase &a, const Phase &b)
{
    QList<double> ratios;
    for (qsizetype k = 0; k < std::min(a.seconds.size(), b.seconds.size()); ++k)
        if (b.seconds[k] > 0)
            ratios.append(a.seconds[k] / b.seconds[k]);
    return ratios;
}

enum PhaseIndex { Initial, NoOp, Incremental, SlowInitial, SlowNoOp, PhaseCount };
const char *const phaseNames[PhaseCount] = {"initial", "no-op", "incremental", "initial, 20 ms RTT",
                                            "no-op, 20 ms RTT"};

// A tool's servers and its home (configuration, state database).
struct Setup
{
    std::unique_ptr<DovecotServer> local;
    std::unique_ptr<DovecotServer> remote;
    std::unique_ptr<ServerMeter> localMeter;
    std::unique_ptr<ServerMeter> remoteMeter;
    std::unique_ptr<QTemporaryDir> home;
    std::unique_ptr<LoopbackProxy> localProxy;
    std::unique_ptr<LoopbackProxy> remoteProxy;
};

DovecotConfig serverConfig(const QString &name, QChar separator)
{
    DovecotConfig config = DovecotConfig::named(name, separator);
    config.extraConfig = ServerMeter::metricConfig();
    return config;
}

// The program and arguments of one run of `tool` against the setup's current configuration.
QStringList command(const Tool &tool, const Setup &setup, const QStringList &mailboxes = {})
{
    const QString config = setup.home->filePath(QStringLiteral("bench.conf"));
    switch (tool.kind) {
    case Kind::Dsync:
        // Dovecot's own two-way replication, from the local server's store straight into
        // the remote's Maildir: no IMAP at all, the servers' floor.
        return {QStringLiteral("-c"),
                setup.local->configPath(),
                QStringLiteral("sync"),
                QStringLiteral("-u"),
                setup.local->user(),
                QStringLiteral("maildir:") + setup.remote->directory() + QStringLiteral("/mail/") +
                    setup.remote->user() + QStringLiteral("/Maildir")};
    default:
        return QStringList{QStringLiteral("--quiet"), QStringLiteral("--config=") + config} +
               mailboxes;
    }
}

void writeConfig(const Tool &tool, Setup &setup, bool throughProxies)
{
    const Endpoint local{setup.local.get(),
                         throughProxies ? setup.localProxy->port() : setup.local->imapsPort()};
    const Endpoint remote{setup.remote.get(),
                          throughProxies ? setup.remoteProxy->port() : setup.remote->imapsPort()};
    const QString path = setup.home->filePath(QStringLiteral("bench.conf"));
    QFile file(path);
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.write(configFor(setup.home->filePath(QStringLiteral("state.db")), local, remote,
                         tool.kind != Kind::InterimapUncompressed, tool.kind == Kind::TwinboxPlain)
                   .toUtf8());
    file.close();
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

// A fresh, empty remote server and a fresh home (no state) for an initial sync.
void freshRemote(const Tool &tool, Setup &setup)
{
    QString error;
    setup.remoteMeter.reset();
    setup.remote.reset();
    setup.remote =
        std::make_unique<DovecotServer>(serverConfig(tool.name + QStringLiteral("-remote"), u'.'));
    if (!setup.remote->start(&error))
        qFatal("%s", qPrintable(error));
    setup.remoteMeter = std::make_unique<ServerMeter>(*setup.remote);
    setup.home =
        std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/bench-XXXXXX"));
}

// One timed run of one phase, recorded in `phase`.
void runPhase(const Tool &tool, Setup &setup, Phase &phase, const QList<CorpusMailbox> &corpus,
              bool throughProxies, QTextStream &log, const QString &label)
{
    if (throughProxies) {
        setup.localProxy->take();
        setup.remoteProxy->take();
    }
    setup.localMeter->start();
    setup.remoteMeter->start();
    const Measure measure = timed(tool.program, command(tool, setup), setup.home->path());
    setup.localMeter->stop();
    setup.remoteMeter->stop();
    QString why;
    const bool same = measure.ok && converged(*setup.local, *setup.remote, corpus, &why);
    phase.ran = true;
    phase.seconds.append(measure.seconds);
    phase.cpu.append(measure.cpuSeconds);
    phase.serverCpu.append(setup.localMeter->cpuSeconds() + setup.remoteMeter->cpuSeconds());
    phase.peakKb = std::max(phase.peakKb, measure.peakKb);
    phase.commands = {setup.localMeter->commandsAfterLogin(),
                      setup.remoteMeter->commandsAfterLogin()};
    phase.commandNames.clear();
    for (const ServerMeter *meter : {setup.localMeter.get(), setup.remoteMeter.get()})
        for (auto it = meter->commands().begin(); it != meter->commands().end(); ++it)
            phase.commandNames[it.key()] += it.value();
    if (throughProxies) {
        const LoopbackProxy::Counts local = setup.localProxy->take();
        const LoopbackProxy::Counts remote = setup.remoteProxy->take();
        phase.turns = {local.clientTurns, remote.clientTurns};
        auto first = std::min(local.firstClientByte, remote.firstClientByte);
        if (first == std::chrono::steady_clock::duration{})
            first = std::max(local.firstClientByte, remote.firstClientByte);
        phase.firstByteMs.append(
            std::chrono::duration<double, std::milli>(first - measure.launched.time_since_epoch())
                .count());
    }
    phase.converged = phase.converged && same;
    log << tool.name << ' ' << label << ": " << measure.seconds << " s, client CPU "
        << measure.cpuSeconds << " s, server CPU " << setup.localMeter->cpuSeconds() << " + "
        << setup.remoteMeter->cpuSeconds() << " s, " << measure.peakKb / 1024 << " MB, commands "
        << phase.commands[0] << '/' << phase.commands[1];
    if (throughProxies)
        log << ", turns " << phase.turns[0] << '/' << phase.turns[1] << ", first byte "
            << phase.firstByteMs.last() << " ms";
    log << (same ? QString()
                 : QStringLiteral(" NOT CONVERGED: ") + why + u' ' + measure.output.left(400))
        << '\n';
    log.flush();
}

QString seconds(double value)
{
    return QString::number(value, 'f', value < 1 ? 3 : 2);
}

QString ratio(double a, double b)
{
    return b > 0 ? QString::number(a / b, 'f', 2) : QStringLiteral("–");
}

// Peak RSS of one initial sync of a mailbox holding one message of `bytes` bytes.
qint64 peakKbSyncing(const Tool &tool, qint64 bytes, QTextStream &log)
{
    Setup setup;
    QString error;
    setup.local =
        std::make_unique<DovecotServer>(serverConfig(tool.name + QStringLiteral("-big"), u'/'));
    if (!setup.local->start(&error))
        qFatal("%s", qPrintable(error));
    QByteArray body;
    body.reserve(bytes + bytes / 38);
    QRandomGenerator random(bytes);
    while (body.size() < bytes) {
        QByteArray line(57, Qt::Uninitialized);
        for (char &c : line)
            c = char(random.bounded(256));
        body += line.toBase64() + "\r\n";
    }
    if (!setup.local->append(QStringLiteral("Big"), {makeSeedMessage(1, body)}, &error))
        qFatal("%s", qPrintable(error));
    freshRemote(tool, setup);
    writeConfig(tool, setup, false);
    const Measure measure =
        timed(tool.program, command(tool, setup, {QStringLiteral("Big")}), setup.home->path());
    const auto copied = MailboxSnapshot::read(*setup.remote, "Big");
    const bool ok = measure.ok && copied && copied->prints.size() == 1;
    log << tool.name << " one message of " << bytes / 1024 << " KB: " << measure.peakKb / 1024
        << " MB peak" << (ok ? "" : " NOT COPIED ") << (ok ? QString() : measure.output) << '\n';
    log.flush();
    return ok ? measure.peakKb : -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    auto option = [&args](const QString &name, const QString &fallback) {
        const int at = int(args.indexOf(name));
        return at >= 0 && at + 1 < args.size() ? args[at + 1] : fallback;
    };
    const QString preset = option(QStringLiteral("--preset"), QStringLiteral("small"));
    const bool large = preset == QStringLiteral("large");
    const bool tiny = preset == QStringLiteral("tiny"); // a smoke run of the benchmark itself
    const int runs = option(QStringLiteral("--runs"), QStringLiteral("3")).toInt();
    const int latencyMs = option(QStringLiteral("--latency-ms"), QStringLiteral("20")).toInt();
    const int noOpRepeats = option(QStringLiteral("--no-op-repeats"), QStringLiteral("5")).toInt();
    // One incremental run is a single sample of a few tens of milliseconds on a machine whose
    // speed drifts: several per round, each after a change set of its own.
    const int incrementalRepeats =
        option(QStringLiteral("--incremental-repeats"), QStringLiteral("3")).toInt();
    const QString out = option(QStringLiteral("--out"), QString());
    const QList<Tool> allTools = {
        {QStringLiteral("twinbox"), Kind::Twinbox,
         option(QStringLiteral("--twinbox"), QStringLiteral("twinbox-cli"))},
        // SCRAM (the default) costs two round trips more than PLAIN at each login.
        {QStringLiteral("twinbox-plain"), Kind::TwinboxPlain,
         option(QStringLiteral("--twinbox"), QStringLiteral("twinbox-cli"))},
        {QStringLiteral("interimap"), Kind::Interimap, QStringLiteral("interimap")},
        {QStringLiteral("twinbox-b"), Kind::Twinbox,
         option(QStringLiteral("--compare"), QString())},
        {QStringLiteral("interimap-nocompress"), Kind::InterimapUncompressed,
         QStringLiteral("interimap")},
        {QStringLiteral("dsync"), Kind::Dsync, QStringLiteral("doveadm")}};
    const QStringList only =
        option(QStringLiteral("--tools"), QString()).split(u',', Qt::SkipEmptyParts);
    QList<Tool> tools;
    for (const Tool &tool : allTools)
        if ((only.isEmpty() || only.contains(tool.name)) &&
            (tool.name != QStringLiteral("twinbox-b") || !tool.program.isEmpty()))
            tools.append(tool);
    QTextStream log(stderr);
    const QList<CorpusMailbox> corpus = large  ? Corpus::generate(20, 1000)
                                        : tiny ? Corpus::generate(3, 40)
                                               : Corpus::generate(10, 200);
    qint64 messages = 0;
    for (const CorpusMailbox &mailbox : corpus)
        messages += mailbox.messages.size();
    log << "corpus: " << corpus.size() << " mailboxes, " << messages << " messages, "
        << Corpus::totalBytes(corpus) << " bytes; servers under "
        << qEnvironmentVariable("TWINBOX_DOVECOT_DIR", QStringLiteral("/tmp")) << '\n';

    QString error;
    std::map<QString, Setup> setups;
    std::map<QString, std::array<Phase, PhaseCount>> results;
    for (const Tool &tool : tools) {
        Setup setup;
        setup.local = std::make_unique<DovecotServer>(
            serverConfig(tool.name + QStringLiteral("-local"), u'/'));
        if (!setup.local->start(&error))
            qFatal("%s", qPrintable(error));
        for (const CorpusMailbox &mailbox : corpus)
            if (!setup.local->append(mailbox.name, mailbox.messages, &error))
                qFatal("%s", qPrintable(error));
        setup.localMeter = std::make_unique<ServerMeter>(*setup.local);
        setups.emplace(tool.name, std::move(setup));
        log << tool.name << ": corpus loaded\n";
        log.flush();
    }
    // Alternating: each round runs every tool once per phase, so drift hits all alike. The
    // no-ops and incrementals alternate run by run: each tool's k-th run of a round goes
    // beside the other tools' k-th (the same change set, each on its own servers), so that
    // runs seconds apart, not minutes, can be compared pair by pair; the order of the tools
    // turns round at every repeat, so that going first or last favours none of them.
    const QList<Tool> reversedTools(tools.rbegin(), tools.rend());
    for (int round = 0; round < runs; ++round) {
        const QString at = QStringLiteral(" round %1 ").arg(round + 1);
        for (const Tool &tool : tools) {
            Setup &setup = setups[tool.name];
            freshRemote(tool, setup);
            writeConfig(tool, setup, false);
            runPhase(tool, setup, results[tool.name][Initial], corpus, false, log,
                     at + QLatin1String(phaseNames[Initial]));
        }
        // A no-op takes tens of milliseconds: several per round make its median steady.
        for (int repeat = 0; repeat < noOpRepeats; ++repeat)
            for (const Tool &tool : repeat % 2 ? reversedTools : tools)
                runPhase(tool, setups[tool.name], results[tool.name][NoOp], corpus, false, log,
                         at + QLatin1String(phaseNames[NoOp]));
        for (int repeat = 0; repeat < incrementalRepeats; ++repeat) {
            // Its own seed, flag name and new messages; with one repeat, as before.
            const int set = round * incrementalRepeats + repeat;
            for (const Tool &tool : repeat % 2 ? reversedTools : tools) {
                Setup &setup = setups[tool.name];
                change(*setup.local, *setup.remote, corpus, 20261130 + set, set + 1);
                runPhase(tool, setup, results[tool.name][Incremental], corpus, false, log,
                         at + QLatin1String(phaseNames[Incremental]));
            }
        }
        for (const Tool &tool : tools) {
            if (latencyMs <= 0 || tool.kind == Kind::InterimapUncompressed ||
                tool.kind == Kind::Dsync)
                continue;
            Setup &setup = setups[tool.name];
            std::array<Phase, PhaseCount> &phases = results[tool.name];
            const auto oneWay = std::chrono::milliseconds(latencyMs / 2);
            freshRemote(tool, setup);
            setup.localProxy = std::make_unique<LoopbackProxy>(setup.local->imapsPort(), oneWay);
            setup.remoteProxy = std::make_unique<LoopbackProxy>(setup.remote->imapsPort(), oneWay);
            writeConfig(tool, setup, true);
            runPhase(tool, setup, phases[SlowInitial], corpus, true, log,
                     at + QLatin1String(phaseNames[SlowInitial]));
            for (int repeat = 0; repeat < noOpRepeats; ++repeat)
                runPhase(tool, setup, phases[SlowNoOp], corpus, true, log,
                         at + QLatin1String(phaseNames[SlowNoOp]));
            setup.localProxy.reset();
            setup.remoteProxy.reset();
        }
    }
    // Memory against message size: one 100 MB message, one of 10 KB.
    std::map<QString, std::pair<qint64, qint64>> bigMessage;
    for (const Tool &tool : tools) {
        if (args.contains(QStringLiteral("--no-big-message")))
            break;
        if (tool.kind == Kind::Twinbox || tool.kind == Kind::Interimap)
            bigMessage[tool.name] = {peakKbSyncing(tool, 10 * 1024, log),
                                     peakKbSyncing(tool, 100 * 1024 * 1024, log)};
    }

    // --hold keeps the servers up for profiling a tool by hand on the same setup.
    if (args.contains(QStringLiteral("--hold"))) {
        for (const auto &[name, setup] : setups)
            log << name << ": " << setup.home->filePath(QStringLiteral("bench.conf")) << '\n';
        log << "servers up; press Enter to stop them\n";
        log.flush();
        QTextStream(stdin).readLine();
    }

    QString table;
    QTextStream md(&table);
    const auto &tw = results[QStringLiteral("twinbox")];
    const auto &im = results[QStringLiteral("interimap")];
    const auto &nc = results[QStringLiteral("interimap-nocompress")];
    const auto &ds = results[QStringLiteral("dsync")];
    const auto &tp = results[QStringLiteral("twinbox-plain")];
    md << "| " << preset.toUpper() << " | twinbox s | interimap s | **ratio** | twinbox, auth "
       << "PLAIN s | ratio | interimap "
       << "COMPRESS off s | ratio | dsync s | twinbox / dsync | client CPU s twinbox / interimap "
       << "| server CPU s twinbox / interimap | peak RSS MB twinbox / interimap | commands after "
       << "login, local / remote: twinbox; interimap | converged |\n";
    md << "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    for (int p = 0; p < PhaseCount; ++p) {
        if (!tw[p].ran)
            continue;
        const double t = median(tw[p].seconds);
        const double i = median(im[p].seconds);
        const double n = median(nc[p].seconds);
        const double d = median(ds[p].seconds);
        bool same = tw[p].converged && im[p].converged;
        if (nc[p].ran)
            same = same && nc[p].converged;
        if (ds[p].ran)
            same = same && ds[p].converged;
        const double tPlain = median(tp[p].seconds);
        same = same && tp[p].converged;
        md << "| " << phaseNames[p] << " | " << seconds(t) << " | " << seconds(i) << " | **"
           << ratio(t, i) << "** | " << seconds(tPlain) << " | " << ratio(tPlain, i) << " | "
           << (nc[p].ran ? seconds(n) : QStringLiteral("–")) << " | "
           << (nc[p].ran ? ratio(t, n) : QStringLiteral("–")) << " | "
           << (ds[p].ran ? seconds(d) : QStringLiteral("–")) << " | "
           << (ds[p].ran ? ratio(t, d) : QStringLiteral("–")) << " | " << seconds(median(tw[p].cpu))
           << " / " << seconds(median(im[p].cpu)) << " | " << seconds(median(tw[p].serverCpu))
           << " / " << seconds(median(im[p].serverCpu)) << " | " << tw[p].peakKb / 1024 << " / "
           << im[p].peakKb / 1024 << " | " << tw[p].commands[0] << " / " << tw[p].commands[1]
           << "; " << im[p].commands[0] << " / " << im[p].commands[1] << " | "
           << (same ? "yes" : "**NO**") << " |\n";
    }
    // Beside the ratio of the medians: the median of the pairs' own ratios, which a machine
    // that speeds up or slows down over minutes does not sway.
    md << "\nPaired: the median of the ratios of twinbox's k-th run of a round to interimap's "
       << "k-th (the same change set, in the same turn of the alternation, seconds apart), with "
       << "their range:\n\n| " << preset.toUpper()
       << " | pairs | median of the ratios | lowest | highest |\n"
       << "|---|---|---|---|---|\n";
    for (int p : {NoOp, Incremental}) {
        const QList<double> ratios = pairedRatios(tw[p], im[p]);
        if (ratios.isEmpty())
            continue;
        const auto [lowest, highest] = std::minmax_element(ratios.begin(), ratios.end());
        md << "| " << phaseNames[p] << " | " << ratios.size() << " | **"
           << QString::number(median(ratios), 'f', 2) << "** | " << QString::number(*lowest, 'f', 2)
           << " | " << QString::number(*highest, 'f', 2) << " |\n";
    }
    if (const auto b = results.find(QStringLiteral("twinbox-b")); b != results.end()) {
        md << "\nA/B: twinbox-b (" << option(QStringLiteral("--compare"), QString())
           << ") against twinbox, on servers of their own in the same alternation; the paired "
           << "ratio is the median of b's k-th run to twinbox's k-th:\n\n| " << preset.toUpper()
           << " | twinbox s | twinbox-b s | b / twinbox | b / interimap | b / twinbox, paired "
           << "| first byte ms, twinbox / b | converged |\n|---|---|---|---|---|---|---|---|\n";
        for (int p = 0; p < PhaseCount; ++p) {
            const Phase &phase = b->second[p];
            if (!phase.ran)
                continue;
            const QList<double> ratios = pairedRatios(phase, tw[p]);
            md << "| " << phaseNames[p] << " | " << seconds(median(tw[p].seconds)) << " | "
               << seconds(median(phase.seconds)) << " | **"
               << ratio(median(phase.seconds), median(tw[p].seconds)) << "** | "
               << ratio(median(phase.seconds), median(im[p].seconds)) << " | "
               << (ratios.isEmpty() ? QStringLiteral("–") : QString::number(median(ratios), 'f', 2))
               << " | "
               << (phase.firstByteMs.isEmpty() ? QStringLiteral("–")
                                               : QStringLiteral("%1 / %2")
                                                     .arg(median(tw[p].firstByteMs), 0, 'f', 1)
                                                     .arg(median(phase.firstByteMs), 0, 'f', 1))
               << " | " << (phase.converged ? "yes" : "**NO**") << " |\n";
        }
    }
    if (latencyMs > 0) {
        md << "\nThrough the " << latencyMs << " ms proxy: client turns (round trips for a "
           << "client that waits for each answer), local / remote, and start-up to the first "
           << "byte on the wire (median):\n\n| " << preset.toUpper()
           << " | twinbox turns | interimap turns | twinbox first byte ms | interimap first "
           << "byte ms |\n|---|---|---|---|---|\n";
        for (int p : {SlowInitial, SlowNoOp})
            md << "| " << phaseNames[p] << " | " << tw[p].turns[0] << " / " << tw[p].turns[1]
               << " | " << im[p].turns[0] << " / " << im[p].turns[1] << " | "
               << QString::number(median(tw[p].firstByteMs), 'f', 1) << " | "
               << QString::number(median(im[p].firstByteMs), 'f', 1) << " |\n";
    }
    md << "\nCommands after login (both servers, the last no-op / incremental run), twinbox: ";
    for (int p : {NoOp, Incremental}) {
        QStringList names;
        for (auto it = tw[p].commandNames.begin(); it != tw[p].commandNames.end(); ++it)
            names.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
        md << phaseNames[p] << ": " << names.join(QStringLiteral(", "))
           << (p == NoOp ? "; " : ".\n");
    }
    md << "\nPeak RSS, one initial sync of a mailbox holding one message:\n\n"
       << "| tool | 10 KB message MB | 100 MB message MB | increase MB |\n|---|---|---|---|\n";
    for (const auto &[name, kb] : bigMessage)
        md << "| " << name << " | " << kb.first / 1024 << " | " << kb.second / 1024 << " | "
           << (kb.first < 0 || kb.second < 0 ? QStringLiteral("failed")
                                             : QString::number((kb.second - kb.first) / 1024))
           << " |\n";
    md.flush();
    QTextStream(stdout) << table;
    if (!out.isEmpty()) {
        QFile file(out);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(table.toUtf8());
    }
    return 0;
}
