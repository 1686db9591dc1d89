// Step 3's transfer on real Dovecot: messages stream from UID FETCH on one server into
// (MULTI)APPEND on the other with the same bodies, flags and INTERNALDATE, and the new UIDs
// come back from APPENDUID in order.
#include "AwaitInTest.h"
#include "DovecotPair.h"
#include "MailboxSnapshot.h"
#include "TestImapClient.h"
#include "TunnelSettings.h"
#include "sync/MessageCopier.h"
#include "sync/QresyncSelect.h"

#include <QTest>

using namespace twinbox;
using twinbox::test::await;
using twinbox::test::DovecotServer;
using twinbox::test::makeSeedMessage;
using twinbox::test::tunnelTo;

namespace {

QMap<std::uint32_t, QByteArray> fingerprint(const DovecotServer &server, const QByteArray &mailbox)
{
    const auto snapshot = test::MailboxSnapshot::read(server, mailbox);
    if (!snapshot)
        qFatal("cannot read %s", mailbox.constData());
    return snapshot->prints;
}

} // namespace

class TestMessageCopier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void copiesBodiesFlagsAndDates_data();
    void copiesBodiesFlagsAndDates();

private:
    std::unique_ptr<test::DovecotPair> m_servers;
};

void TestMessageCopier::initTestCase()
{
    m_servers = std::make_unique<test::DovecotPair>();
    QString error;
    QVERIFY2(m_servers->start(&error), qPrintable(error));
    QList<test::SeedMessage> messages;
    for (int i = 0; i < 40; ++i)
        messages.append(makeSeedMessage(i));
    messages[1].flags = {QStringLiteral("\\Seen"), QStringLiteral("$Forwarded")};
    messages[2].flags = {QStringLiteral("\\Flagged"), QStringLiteral("\\Answered")};
    QByteArray big;
    for (int line = 0; line < 70000; ++line) // about 5 MB, in lines as mail has them
        big += "Line " + QByteArray::number(line) +
               " of a large message, with some text to fill it up.\r\n";
    messages.append(makeSeedMessage(99, big));
    messages.last().flags = {QStringLiteral("\\Seen")};
    QVERIFY2(m_servers->local.append(QStringLiteral("Source"), messages, &error),
             qPrintable(error));
}

void TestMessageCopier::cleanupTestCase()
{
    m_servers.reset();
}

void TestMessageCopier::copiesBodiesFlagsAndDates_data()
{
    QTest::addColumn<bool>("multiAppend");
    QTest::newRow("MULTIAPPEND") << true;
    QTest::newRow("one APPEND each") << false;
}

void TestMessageCopier::copiesBodiesFlagsAndDates()
{
    QFETCH(bool, multiAppend);
    const QByteArray targetName = multiAppend ? "Multi" : "Single";
    test::TestImapClient admin;
    QString error;
    QVERIFY2(admin.connectTunnel(m_servers->remote, &error), qPrintable(error));
    QVERIFY(admin.command("CREATE " + targetName).ok());

    QStringList remoteLog;
    auto source = await(imap::ImapSession::open(tunnelTo(m_servers->local)));
    imap::ConnectionSettings remoteSettings = tunnelTo(m_servers->remote);
    remoteSettings.debugLevel = 1;
    auto target = await(imap::ImapSession::open(remoteSettings, {},
                                                [&](const QString &l) { remoteLog.append(l); }));
    await(source->enable({"QRESYNC"}));
    const auto selected = await(
        sync::QresyncSelect::select(*source, "Source", std::nullopt, QStringLiteral("Source")));
    sync::MessageCopier::Options options;
    options.multiAppend = multiAppend;
    const auto copied = await(
        sync::MessageCopier::copy(*source, imap::SequenceSet::fromRange(1, selected.uidNext - 1),
                                  *target, targetName, QString::fromLatin1(targetName), options));
    QVERIFY2(!copied.failure, copied.failure ? copied.failure->what() : "");
    QCOMPARE(copied.copied.size(), 41);
    QCOMPARE(remoteLog.filter(QStringLiteral("C: ")).filter(QStringLiteral("APPEND")).size(),
             multiAppend ? 1 : 41);

    const auto sourcePrints = fingerprint(m_servers->local, "Source");
    const auto targetPrints = fingerprint(m_servers->remote, targetName);
    QCOMPARE(targetPrints.size(), 41);
    for (const auto &message : copied.copied) {
        QVERIFY(sourcePrints.contains(message.sourceUid));
        QCOMPARE(targetPrints.value(message.targetUid), sourcePrints.value(message.sourceUid));
    }
}

QTEST_GUILESS_MAIN(TestMessageCopier)
#include "tst_message_copier.moc"
