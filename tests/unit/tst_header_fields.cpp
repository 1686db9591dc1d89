// Header fields as the issue list shows them: unfolded, encoded words decoded.
#include "sync/HeaderFields.h"
#include "sync/HeadlineFetch.h"

#include <QTest>

using twinbox::sync::HeaderFields;
using twinbox::sync::HeadlineFetch;

class TestHeaderFields : public QObject
{
    Q_OBJECT

private slots:
    void fieldsAreUnfoldedAndFoundInAnyCase();
    void decoded_data();
    void decoded();
};

void TestHeaderFields::fieldsAreUnfoldedAndFoundInAnyCase()
{
    const QByteArray header = "subject: Quarterly\r\n report\r\nFROM: Ann <a@x.example>\r\n"
                              "Message-Id:\r\n\t<1@x>\r\n\r\n";
    QCOMPARE(HeaderFields::field(header, "Subject"), QByteArray("Quarterly report"));
    QCOMPARE(HeaderFields::field(header, "From"), QByteArray("Ann <a@x.example>"));
    QCOMPARE(HeaderFields::field(header, "Message-ID"), QByteArray("<1@x>"));
    QCOMPARE(HeaderFields::field(header, "Date"), QByteArray());
    const auto headline = HeadlineFetch::fromHeader(header);
    QCOMPARE(headline.subject, QStringLiteral("Quarterly report"));
    QCOMPARE(headline.sender, QStringLiteral("Ann <a@x.example>"));
    QVERIFY(headline.date.isEmpty());
}

void TestHeaderFields::decoded_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QByteArray("Hello world") << QStringLiteral("Hello world");
    QTest::newRow("base64 utf-8") << QByteArray("=?UTF-8?B?UsOpdW5pb24=?=")
                                  << QStringLiteral("Réunion");
    QTest::newRow("q latin-1") << QByteArray("=?iso-8859-1?q?Gr=FC=DFe_aus_K=F6ln?=")
                               << QStringLiteral("Grüße aus Köln");
    QTest::newRow("adjacent words join")
        << QByteArray("=?UTF-8?Q?a?= \r\n =?UTF-8?Q?b?=") << QStringLiteral("ab");
    QTest::newRow("text around") << QByteArray("Re: =?UTF-8?Q?caf=C3=A9?= ok")
                                 << QStringLiteral("Re: café ok");
    QTest::newRow("unknown charset kept")
        << QByteArray("=?x-nonsense?Q?a?=") << QStringLiteral("=?x-nonsense?Q?a?=");
    QTest::newRow("bad base64 kept")
        << QByteArray("=?UTF-8?B?***?=") << QStringLiteral("=?UTF-8?B?***?=");
    QTest::newRow("raw utf-8") << QByteArray("D\xc3\xa9j\xc3\xa0 vu") << QStringLiteral("Déjà vu");
    QTest::newRow("language tag") << QByteArray("=?utf-8*fr?Q?=C3=A9t=C3=A9?=")
                                  << QStringLiteral("été");
}

void TestHeaderFields::decoded()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    QCOMPARE(HeaderFields::decoded(body), text);
}

QTEST_GUILESS_MAIN(TestHeaderFields)
#include "tst_header_fields.moc"
