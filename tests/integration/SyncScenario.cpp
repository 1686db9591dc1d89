#include "SyncScenario.h"

#include "TestImapClient.h"

#include <QRegularExpression>
#include <QTest>

namespace twinbox::test {

QList<SeedMessage> seeds(int first, int count, const QStringList &flags)
{
    QList<SeedMessage> messages;
    for (int i = first; i < first + count; ++i) {
        messages.append(makeSeedMessage(i));
        messages.last().flags = flags;
    }
    return messages;
}

QStringList seedIds(const QList<int> &indexes)
{
    QStringList ids;
    for (int index : indexes)
        ids.append(QStringLiteral("<seed-%1@twinbox.test>").arg(index));
    ids.sort();
    return ids;
}

QStringList listed(SyncHarness &harness, DovecotServer &server, const QByteArray &selection)
{
    auto client = harness.client(server);
    const auto reply = client->command("LIST " + selection + "\"\" \"*\"");
    QStringList names;
    for (const QByteArray &line : reply.untagged) {
        const QByteArray lower = line.toLower();
        if (lower.contains("\\nonexistent") || lower.contains("\\noselect"))
            continue;
        QByteArray name = line.mid(line.lastIndexOf(' ') + 1);
        if (name.startsWith('"') && name.endsWith('"'))
            name = name.mid(1, name.size() - 2);
        names.append(QString::fromLatin1(name));
    }
    names.sort();
    return names;
}

QStringList messageIds(SyncHarness &harness, DovecotServer &server, const QByteArray &mailbox)
{
    static const QRegularExpression field(QStringLiteral("Message-ID: *(<[^>]*>)"),
                                          QRegularExpression::CaseInsensitiveOption);
    auto client = harness.client(server);
    client->command("EXAMINE " + mailbox);
    const auto reply = client->command("UID FETCH 1:* (BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])");
    QStringList ids;
    for (const QByteArray &response : reply.untagged) {
        const QRegularExpressionMatch match = field.match(QString::fromLatin1(response));
        if (match.hasMatch())
            ids.append(match.captured(1));
    }
    ids.sort();
    return ids;
}

void expectConverged(SyncHarness &harness, const SyncHarness::Run &run,
                     const QList<QByteArray> &mailboxes, const QList<QByteArray> &internal)
{
    const auto log = [](const SyncHarness::Run &r) { return r.infoLines().join(u'\n'); };
    QVERIFY2(run.exitCode == 0, qPrintable(log(run)));
    for (qsizetype i = 0; i < mailboxes.size(); ++i) {
        const QString problem = harness.convergence(mailboxes[i], internal.value(i));
        QVERIFY2(problem.isEmpty(), qPrintable(problem + u'\n' + log(run)));
    }
    const SyncHarness::Run again = harness.sync();
    QVERIFY2(again.exitCode == 0, qPrintable(log(again)));
    for (const char *command : {"SELECT", "CREATE", "APPEND", "UID STORE"})
        QVERIFY2(again.count(QString::fromLatin1(command)) == 0,
                 qPrintable(again.commands().join(u'\n')));
    for (qsizetype i = 0; i < mailboxes.size(); ++i) {
        const QString problem = harness.convergence(mailboxes[i], internal.value(i));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
}

} // namespace twinbox::test
