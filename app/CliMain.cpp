#include "AppInfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    twinbox::AppInfo::configure(app, QStringLiteral("twinbox-cli"));
    twinbox::AppInfo::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CliMain", "Keeps two IMAP accounts identical in both directions (QRESYNC, RFC 7162)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    return 0;
}
