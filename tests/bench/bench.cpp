// The benchmark of issue #8: twinbox-cli against interimap on the same Dovecot pair and the
// same seeded corpus, side by side in one run: initial sync into an empty server, a no-op
// sync, an incremental sync (the anchor figures' change set). For each: wall time (median
// of the runs), peak RSS and client CPU (GNU time), and whether both servers converged
// (checked on the servers, not assumed). Prints a Markdown table of Twinbox / interimap.
//   twinbox_bench [--preset small|large|tiny] [--runs N] [--out FILE] [--twinbox PATH]
// Not part of the test suite: run-bench.sh builds and runs it (tests/bench/README.md).
#include "Corpus.h"
#include "DovecotServer.h"
#include "MailboxSnapshot.h"
#include "TestImapClient.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <map>
#include <memory>

using namespace twinbox::test;

namespace {

struct Measure
{
    double seconds = 0;
    double userSeconds = 0;
    double systemSeconds = 0;
    qint64 peakKb = 0;
    bool ok = false;
    QString output;
};

struct Tool
{
    QString name;    // "twinbox", "interimap"
    QString program; // path
};

// One run of a tool under GNU time; the configuration is written by the caller.
Measure timed(const Tool &tool, const QString &config, const QString &home)
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
    process.start(QStringLiteral("/usr/bin/time"),
                  {QStringLiteral("-f"), QStringLiteral("%e %U %S %M"), QStringLiteral("-o"),
                   timing, tool.program, QStringLiteral("--quiet"),
                   QStringLiteral("--config=") + config});
    Measure measure;
    if (!process.waitForFinished(3600 * 1000))
        process.kill();
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
            measure.seconds = fields[0].toDouble();
            measure.userSeconds = fields[1].toDouble();
            measure.systemSeconds = fields[2].toDouble();
            measure.peakKb = fields[3].toLongLong();
        }
    }
    return measure;
}

QString configFor(const QString &database, const DovecotServer &local, const DovecotServer &remote)
{
    auto side = [](const char *name, const DovecotServer &server) {
        return QStringLiteral("[%1]\ntype = imaps\nhost = %2\nport = %3\nusername = %4\n"
                              "password = %5\nSSL_verify = NO\nSSL_fingerprint = sha256$%6\n")
            .arg(QLatin1String(name), server.host())
            .arg(server.imapsPort())
            .arg(server.user(), server.password(), server.spkiSha256Hex());
    };
    return QStringLiteral("database = %1\n").arg(database) + side("local", local) +
           side("remote", remote);
}

// Same messages and flags in every mailbox of the corpus on both servers.
bool converged(const DovecotServer &local, const DovecotServer &remote,
               const QList<CorpusMailbox> &corpus, QString *why)
{
    for (const CorpusMailbox &mailbox : corpus) {
        const QByteArray name = mailbox.name.toLatin1();
        const QByteArray remoteName = QString(mailbox.name).replace(u'/', u'.').toLatin1();
        const auto a = MailboxSnapshot::read(local, name);
        const auto b = MailboxSnapshot::read(remote, remoteName);
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
            const QByteArray name = server == &local
                                        ? mailbox.name.toLatin1()
                                        : QString(mailbox.name).replace(u'/', u'.').toLatin1();
            const auto reply =
                client.command("SELECT " + TestImapClient::quoted(QString::fromLatin1(name)));
            if (!reply.ok())
                continue;
            const auto snapshot = MailboxSnapshot::read(*server, name);
            const QList<std::uint32_t> uids =
                snapshot ? snapshot->prints.keys() : QList<std::uint32_t>();
            if (uids.isEmpty())
                continue;
            const int flagChanges = std::max<int>(1, int(uids.size() / 100));
            for (int i = 0; i < flagChanges; ++i)
                client.command("UID STORE " +
                               QByteArray::number(uids[random.bounded(int(uids.size()))]) +
                               " +FLAGS ($Bench" + QByteArray::number(round) + ")");
            if (server == &local) {
                for (int i = 0; i < std::max<int>(1, int(uids.size() / 200)); ++i)
                    client.command("UID STORE " +
                                   QByteArray::number(uids[random.bounded(int(uids.size()))]) +
                                   " +FLAGS.SILENT (\\Deleted)");
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

struct Phase
{
    QList<double> seconds;
    QList<double> cpu;
    qint64 peakKb = 0;
    bool converged = true;
};

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
    const QString out = option(QStringLiteral("--out"), QString());
    const QList<Tool> tools = {{QStringLiteral("twinbox"),
                                option(QStringLiteral("--twinbox"), QStringLiteral("twinbox-cli"))},
                               {QStringLiteral("interimap"), QStringLiteral("interimap")}};
    QTextStream log(stderr);
    const QList<CorpusMailbox> corpus = large  ? Corpus::generate(20, 1000)
                                        : tiny ? Corpus::generate(3, 40)
                                               : Corpus::generate(10, 200);
    log << "corpus: " << corpus.size() << " mailboxes, " << Corpus::totalBytes(corpus)
        << " bytes\n";

    // [tool][phase] with phases initial, no-op, incremental.
    QHash<QString, std::array<Phase, 3>> results;
    QString error;
    // Alternating: each round runs every tool once per phase, so drift hits both alike.
    struct Setup
    {
        std::unique_ptr<DovecotServer> local;
        std::unique_ptr<DovecotServer> remote;
        std::unique_ptr<QTemporaryDir> home;
    };
    std::map<QString, Setup> setups;
    for (const Tool &tool : tools) {
        Setup setup;
        setup.local = std::make_unique<DovecotServer>(
            DovecotConfig::named(tool.name + QStringLiteral("-local"), u'/'));
        if (!setup.local->start(&error))
            qFatal("%s", qPrintable(error));
        for (const CorpusMailbox &mailbox : corpus)
            if (!setup.local->append(mailbox.name, mailbox.messages, &error))
                qFatal("%s", qPrintable(error));
        setups.emplace(tool.name, std::move(setup));
    }
    for (int round = 0; round < runs; ++round) {
        for (const Tool &tool : tools) {
            Setup &setup = setups[tool.name];
            // A fresh, empty remote and a fresh state for each initial sync.
            setup.remote.reset();
            setup.remote = std::make_unique<DovecotServer>(
                DovecotConfig::named(tool.name + QStringLiteral("-remote"), u'.'));
            if (!setup.remote->start(&error))
                qFatal("%s", qPrintable(error));
            setup.home = std::make_unique<QTemporaryDir>();
            const QString config = setup.home->filePath(QStringLiteral("bench.conf"));
            QFile file(config);
            file.open(QIODevice::WriteOnly);
            file.write(configFor(setup.home->filePath(QStringLiteral("state.db")), *setup.local,
                                 *setup.remote)
                           .toUtf8());
            file.close();
            QFile::setPermissions(config, QFile::ReadOwner | QFile::WriteOwner);
            std::array<Phase, 3> &phases = results[tool.name];
            for (int phase = 0; phase < 3; ++phase) {
                if (phase == 2)
                    change(*setup.local, *setup.remote, corpus, 20261130 + round, round + 1);
                const Measure measure = timed(tool, config, setup.home->path());
                QString why;
                const bool same =
                    measure.ok && converged(*setup.local, *setup.remote, corpus, &why);
                phases[phase].seconds.append(measure.seconds);
                phases[phase].cpu.append(measure.userSeconds + measure.systemSeconds);
                phases[phase].peakKb = std::max(phases[phase].peakKb, measure.peakKb);
                phases[phase].converged = phases[phase].converged && same;
                log << tool.name << " round " << round + 1 << " phase " << phase << ": "
                    << measure.seconds << " s, " << measure.peakKb / 1024 << " MB"
                    << (same ? "" : " NOT CONVERGED: ")
                    << (same ? QString() : why + u' ' + measure.output.left(400)) << '\n';
                log.flush();
            }
        }
    }

    QString table;
    QTextStream md(&table);
    md << "| " << preset.toUpper() << " | twinbox s | interimap s | ratio | twinbox CPU s | "
       << "interimap CPU s | twinbox peak RSS MB | interimap peak RSS MB | converged |\n";
    md << "|---|---|---|---|---|---|---|---|---|\n";
    const char *names[] = {"initial", "no-op", "incremental"};
    for (int phase = 0; phase < 3; ++phase) {
        const Phase &a = results[QStringLiteral("twinbox")][phase];
        const Phase &b = results[QStringLiteral("interimap")][phase];
        const double ta = median(a.seconds);
        const double tb = median(b.seconds);
        md << "| " << names[phase] << " | " << QString::number(ta, 'f', 2) << " | "
           << QString::number(tb, 'f', 2) << " | "
           << (tb > 0 ? QString::number(ta / tb, 'f', 2) : QStringLiteral("–")) << " | "
           << QString::number(median(a.cpu), 'f', 2) << " | "
           << QString::number(median(b.cpu), 'f', 2) << " | " << a.peakKb / 1024 << " | "
           << b.peakKb / 1024 << " | " << (a.converged && b.converged ? "yes" : "NO") << " |\n";
    }
    md.flush();
    QTextStream(stdout) << table;
    if (!out.isEmpty()) {
        QFile file(out);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(table.toUtf8());
    }
    return 0;
}
