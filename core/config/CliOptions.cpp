#include "CliOptions.h"

#include "imap/ModifiedUtf7.h"

#include <QRegularExpression>

namespace twinbox::config {

namespace {

QByteArray mailboxArgument(const QString &argument)
{
    if (argument.compare(QStringLiteral("INBOX"), Qt::CaseInsensitive) == 0)
        return "INBOX";
    bool ascii = true;
    for (const QChar c : argument)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii && imap::ModifiedUtf7::decode(argument.toLatin1()))
        return argument.toLatin1(); // already the wire form, as interimap expects
    return imap::ModifiedUtf7::encode(argument);
}

} // namespace

QString CliOptions::usage(const QString &program)
{
    return tr("Usage: %1 [OPTIONS] [MAILBOX ...]\n"
              "       %1 [OPTIONS] --repair [MAILBOX ...]\n"
              "       %1 [OPTIONS] --delete MAILBOX [...]\n"
              "       %1 [OPTIONS] --rename SOURCE DEST\n"
              "       %1 --demo [--keep]\n"
              "Options:\n"
              "  --config=FILE        configuration file (default: config in the configuration "
              "directory)\n"
              "  --pair=NAME          sync the account pair NAME made in the Twinbox window\n"
              "  --watch[=SECONDS]    keep running, syncing every SECONDS (default 60)\n"
              "  --notify             wait for server notifications (NOTIFY) instead of polling\n"
              "  --target={local,remote,database}\n"
              "                       limit --delete and --rename to these targets\n"
              "  --demo               sync two private Dovecot mail stores made for the demo\n"
              "  --keep               with --demo: keep them and print the configuration path\n"
              "  -q, --quiet          only warnings and errors\n"
              "  --debug              log the IMAP traffic; twice: credentials too\n"
              "  -h, --help           show this help\n"
              "  --version            show the version")
        .arg(program);
}

std::optional<CliOptions> CliOptions::parse(const QStringList &arguments, QString *error)
{
    CliOptions options;
    int commands = 0;
    bool watch = false;
    std::optional<int> watchValue;
    bool optionsEnded = false;
    QStringList positional;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (optionsEnded || !argument.startsWith(u'-') || argument == QStringLiteral("-")) {
            positional.append(argument);
            continue;
        }
        if (argument == QStringLiteral("--")) {
            optionsEnded = true;
            continue;
        }
        const qsizetype equals = argument.indexOf(u'=');
        const QString name = equals < 0 ? argument : argument.left(equals);
        const std::optional<QString> inlineValue =
            equals < 0 ? std::nullopt : std::optional<QString>(argument.mid(equals + 1));
        auto requiredValue = [&]() -> std::optional<QString> {
            if (inlineValue)
                return inlineValue;
            if (i + 1 < arguments.size())
                return arguments.at(++i);
            *error = tr("option %1 needs a value").arg(name);
            return std::nullopt;
        };
        if (name == QStringLiteral("--config")) {
            const auto value = requiredValue();
            if (!value)
                return std::nullopt;
            options.config = *value;
        } else if (name == QStringLiteral("--pair")) {
            const auto value = requiredValue();
            if (!value)
                return std::nullopt;
            options.pair = *value;
        } else if (name == QStringLiteral("--target")) {
            const auto value = requiredValue();
            if (!value)
                return std::nullopt;
            for (const QString &target : value->split(u',', Qt::SkipEmptyParts)) {
                if (target != QStringLiteral("local") && target != QStringLiteral("remote") &&
                    target != QStringLiteral("database")) {
                    *error = tr("invalid target %1").arg(target);
                    return std::nullopt;
                }
                if (!options.targets.contains(target))
                    options.targets.append(target);
            }
        } else if (name == QStringLiteral("--watch")) {
            watch = true;
            // Getopt::Long's "watch:i" also takes the value as the next argument when it is a
            // number ("--watch 30"); a mailbox named "30" must then come after "--".
            static const QRegularExpression number(QStringLiteral("^[0-9]+$"));
            if (!inlineValue && i + 1 < arguments.size() &&
                number.match(arguments.at(i + 1)).hasMatch())
                watchValue = arguments.at(++i).toInt();
            if (inlineValue) {
                bool ok = false;
                watchValue = inlineValue->toInt(&ok);
                if (!ok || *watchValue < 0) {
                    *error = tr("invalid value for --watch: %1").arg(*inlineValue);
                    return std::nullopt;
                }
            }
        } else if (inlineValue) {
            *error = tr("option %1 takes no value").arg(name);
            return std::nullopt;
        } else if (name == QStringLiteral("-q") || name == QStringLiteral("--quiet")) {
            options.quiet = true;
        } else if (name == QStringLiteral("--debug")) {
            ++options.debug;
        } else if (name == QStringLiteral("-h") || name == QStringLiteral("--help")) {
            options.help = true;
        } else if (name == QStringLiteral("--version")) {
            options.version = true;
        } else if (name == QStringLiteral("--notify")) {
            options.notify = true;
        } else if (name == QStringLiteral("--demo")) {
            options.demo = true;
        } else if (name == QStringLiteral("--keep")) {
            options.keep = true;
        } else if (name == QStringLiteral("--repair")) {
            options.command = Command::Repair;
            ++commands;
        } else if (name == QStringLiteral("--delete")) {
            options.command = Command::Delete;
            ++commands;
        } else if (name == QStringLiteral("--rename")) {
            options.command = Command::Rename;
            ++commands;
        } else {
            *error = tr("unknown option %1").arg(name);
            return std::nullopt;
        }
    }
    if (options.help || options.version)
        return options;

    // The checks of interimap (im:62-72), in its order.
    if (commands > 1) {
        *error = tr("only one of --repair, --delete and --rename may be given");
        return std::nullopt;
    }
    if (options.command == Command::Delete && positional.isEmpty()) {
        *error = tr("--delete needs at least one mailbox");
        return std::nullopt;
    }
    if (options.command == Command::Rename && positional.size() != 2) {
        *error = tr("--rename needs exactly two mailboxes: SOURCE DEST");
        return std::nullopt;
    }
    if (commands > 0 && (watch || options.notify)) {
        *error = tr("--watch and --notify cannot be combined with --repair, --delete or --rename");
        return std::nullopt;
    }
    if (!options.targets.isEmpty() && options.command != Command::Delete &&
        options.command != Command::Rename) {
        *error = tr("--target goes with --delete or --rename only");
        return std::nullopt;
    }
    if (!options.pair.isEmpty() && !options.config.isEmpty()) {
        *error = tr("--pair and --config cannot be combined");
        return std::nullopt;
    }
    if (options.keep && !options.demo) {
        *error = tr("--keep goes with --demo only");
        return std::nullopt;
    }
    // The demo writes its own configuration and picks its own mailboxes: anything else on
    // the command line would be silently ignored, so it is refused instead.
    if (options.demo &&
        (commands > 0 || watch || options.notify || !options.targets.isEmpty() ||
         !options.config.isEmpty() || !options.pair.isEmpty() || !positional.isEmpty())) {
        *error = tr("--demo cannot be combined with other commands, --watch, --notify, "
                    "--target, --config, --pair or mailboxes");
        return std::nullopt;
    }
    if (watch || options.notify) {
        const int fallback = options.notify ? 900 : 60;
        options.watchSeconds = watchValue.value_or(0) > 0 ? *watchValue : fallback;
    }
    for (const QString &mailbox : positional)
        options.mailboxes.append(mailboxArgument(mailbox));
    return options;
}

} // namespace twinbox::config
