// Every user-visible string has a French and a German translation, and the embedded
// catalogues are the ones the programs load.
#include "AppInfo.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void catalogueIsComplete_data();
    void catalogueIsComplete();
    void embeddedCatalogueTranslates_data();
    void embeddedCatalogueTranslates();
};

void TestTranslations::catalogueIsComplete_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("fr") << QStringLiteral("fr");
    QTest::newRow("de") << QStringLiteral("de");
}

void TestTranslations::catalogueIsComplete()
{
    QFETCH(QString, language);
    QFile ts(QStringLiteral(TWINBOX_SOURCE_DIR "/translations/twinbox_%1.ts").arg(language));
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
    QXmlStreamReader xml(&ts);
    int messages = 0;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            const auto type = xml.attributes().value(QStringLiteral("type")).toString();
            // A plural message (%n) holds one <numerusform> per form: each must be there.
            QStringList forms;
            QString text;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isEndElement() && xml.name() == u"translation")
                    break;
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == u"numerusform")
                    forms.append(xml.readElementText());
            }
            const bool complete =
                forms.isEmpty() ? !text.trimmed().isEmpty() : !forms.contains(QString());
            QVERIFY2(type != u"unfinished" && complete,
                     qPrintable(QStringLiteral("untranslated in %1: %2").arg(language, source)));
            ++messages;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(messages > 0, "the catalogue is empty: run the update_translations target");
}

void TestTranslations::embeddedCatalogueTranslates_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("expected");
    QTest::newRow("fr window") << QStringLiteral("fr_FR") << QByteArray("twinbox::MainWindow")
                               << QByteArray("No account pair yet.")
                               << QStringLiteral("Aucune paire de comptes pour l’instant.");
    QTest::newRow("de window") << QStringLiteral("de_DE") << QByteArray("twinbox::MainWindow")
                               << QByteArray("No account pair yet.")
                               << QStringLiteral("Noch kein Kontenpaar.");
    // Q_DECLARE_TR_FUNCTIONS classes in core: their context is the bare class name.
    QTest::newRow("de protocol error")
        << QStringLiteral("de_DE") << QByteArray("ResponseFramer")
        << QByteArray("line ends without CRLF") << QStringLiteral("Zeile endet ohne CRLF");
}

void TestTranslations::embeddedCatalogueTranslates()
{
    QFETCH(QString, locale);
    QFETCH(QByteArray, context);
    QFETCH(QByteArray, source);
    QFETCH(QString, expected);
    QTranslator translator;
    QVERIFY(translator.load(QLocale(locale), QStringLiteral("twinbox"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")));
    QCOMPARE(translator.translate(context.constData(), source.constData()), expected);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
