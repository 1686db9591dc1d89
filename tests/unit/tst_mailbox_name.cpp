// Internal mailbox names: the same mailbox on servers with different delimiters and
// references, INBOX in any case, and names that cannot cross.
#include "sync/MailboxName.h"

#include <QTest>

using twinbox::sync::MailboxName;

class TestMailboxName : public QObject
{
    Q_OBJECT

private slots:
    void sameMailboxAcrossDelimiters();
    void inboxIsCaseInsensitive();
    void referenceIsStripped();
    void namesThatCannotCross();
    void displayDecodesUtf7();
};

void TestMailboxName::sameMailboxAcrossDelimiters()
{
    const auto slash = MailboxName::toInternal("Archive/2026", '/');
    const auto dot = MailboxName::toInternal("Archive.2026", '.');
    QVERIFY(slash);
    QCOMPARE(*slash, QByteArray("Archive\0"
                                "2026",
                                12));
    QCOMPARE(slash, dot);
    QCOMPARE(MailboxName::toWire(*slash, '.'), std::optional<QByteArray>("Archive.2026"));
    QCOMPARE(MailboxName::toWire(*slash, '/'), std::optional<QByteArray>("Archive/2026"));
}

void TestMailboxName::inboxIsCaseInsensitive()
{
    QCOMPARE(MailboxName::toInternal("inbox", '/'), std::optional<QByteArray>("INBOX"));
    QCOMPARE(MailboxName::toInternal("Inbox/Sub", '/'),
             std::optional<QByteArray>(QByteArray("INBOX\0Sub", 9)));
    QCOMPARE(MailboxName::toInternal("Inboxes", '/'), std::optional<QByteArray>("Inboxes"));
}

void TestMailboxName::referenceIsStripped()
{
    QCOMPARE(MailboxName::toInternal("Shared/team/Sent", '/', "Shared/team/"),
             std::optional<QByteArray>("Sent"));
    QVERIFY(!MailboxName::toInternal("Other/Sent", '/', "Shared/team/"));
    QCOMPARE(MailboxName::toWire("Sent", '/', "Shared/team/"),
             std::optional<QByteArray>("Shared/team/Sent"));
}

void TestMailboxName::namesThatCannotCross()
{
    // "a.b" is one mailbox on a "/" server; a "." server would read it as "a" > "b".
    const auto internal = MailboxName::toInternal("a.b", '/');
    QVERIFY(internal);
    QVERIFY(!MailboxName::toWire(*internal, '.'));
    QVERIFY(!MailboxName::toWire(QByteArray("a\0b", 3), std::nullopt)); // flat server
    QCOMPARE(MailboxName::toWire("flat", std::nullopt), std::optional<QByteArray>("flat"));
    QVERIFY(!MailboxName::toInternal("", '/'));
}

void TestMailboxName::displayDecodesUtf7()
{
    QCOMPARE(MailboxName::display(QByteArray("Envoy&AOk-s\0"
                                             "2026",
                                             16)),
             QStringLiteral("Envoyés/2026"));
    QCOMPARE(MailboxName::display("bad&utf7", u'.'), QStringLiteral("bad&utf7"));
}

QTEST_GUILESS_MAIN(TestMailboxName)
#include "tst_mailbox_name.moc"
