#include "SyncConfig.h"

#include "IniFile.h"
#include "ListMailboxPatterns.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QStandardPaths>

#include <arpa/inet.h>
#include <map>
#include <netdb.h>
#include <string_view>

namespace twinbox::config {

namespace {

enum class Scope { Program, Side };

struct KeyRule
{
    const char *key;
    Scope scope;
    const char *pattern; // the whole value must match
};

// interimap's validation table (pm:53-75, im:78-87), with Twinbox's keys at the end.
// Passwords may be any UTF-8 without control characters (interimap: ASCII only).
const KeyRule rules[] = {
    {"database", Scope::Program, "[^\\x00-\\x1f\\x7f]+"},
    {"list-mailbox", Scope::Program, "[\\x01-\\x09\\x0b\\x0c\\x0e-\\x7f]+"},
    {"list-select-opts", Scope::Program, "[\\x21\\x23-\\x27\\x2a-\\x5b\\x5d-\\x7a\\x7c-\\x7e ]*"},
    {"ignore-mailbox", Scope::Program, "[\\x01-\\x09\\x0b\\x0c\\x0e-\\x7f]+"},
    {"logfile", Scope::Program, "/[^\\x00-\\x1f\\x7f]*"},
    {"log-prefix", Scope::Program, "[^\\x00-\\x1f\\x7f]*"},
    {"append-batch", Scope::Program, "[1-9][0-9]{0,4}"},
    {"parallel-mailboxes", Scope::Program, "[1-9]|1[0-6]"},
    {"on-mailbox-deleted", Scope::Program, "(?i:ask|delete|recreate)"},
    {"interimap-database", Scope::Program, "[^\\x00-\\x1f\\x7f]+"},
    {"type", Scope::Side, "imaps?|tunnel"},
    {"host", Scope::Side, "[^\\x00-\\x1f\\x7f]+"},
    {"port", Scope::Side, "[0-9]{1,5}|[A-Za-z][A-Za-z0-9-]*"},
    {"proxy", Scope::Side, "[^\\x00-\\x1f\\x7f]+"},
    {"command", Scope::Side, "[^\\x00-\\x1f\\x7f]+"},
    {"null-stderr", Scope::Side, "(?i:yes|no)"},
    {"STARTTLS", Scope::Side, "(?i:yes|no)"},
    {"auth", Scope::Side, "[A-Za-z0-9_-]+( +[A-Za-z0-9_-]+)*"},
    {"username", Scope::Side, "[^\\x00-\\x1f\\x7f]+"},
    {"password", Scope::Side, "[^\\x00-\\x1f\\x7f]+"},
    {"compress", Scope::Side, "(?i:yes|no)"},
    {"list-reference", Scope::Side, "[^\\x00-\\x1f\\x7f]*"},
    {"SSL_protocol_min", Scope::Side, "[^\\x00-\\x1f\\x7f]+"},
    {"SSL_protocol_max", Scope::Side, "[^\\x00-\\x1f\\x7f]+"},
    {"SSL_protocols", Scope::Side, "!?[A-Za-z0-9.]+( +!?[A-Za-z0-9.]+)*"},
    {"SSL_cipherlist", Scope::Side, "[^\\x00-\\x1f\\x7f]+"},
    {"SSL_ciphersuites", Scope::Side, "[^\\x00-\\x1f\\x7f]*"},
    {"SSL_fingerprint", Scope::Side,
     "([A-Za-z0-9]+\\$)?[0-9A-Fa-f:]+( +([A-Za-z0-9]+\\$)?[0-9A-Fa-f:]+)*"},
    {"SSL_verify", Scope::Side, "(?i:yes|no)"},
    {"SSL_CAfile", Scope::Side, "[^\\x00-\\x1f\\x7f]+"},
    {"SSL_CApath", Scope::Side, "[^\\x00-\\x1f\\x7f]+"},
    {"SSL_hostname", Scope::Side, "[^\\x00-\\x1f\\x7f]*"},
    {"password-command", Scope::Side, "[^\\x00-\\x1f\\x7f]+"},
    {"plaintext-auth", Scope::Side, "(?i:yes|no)"},
    {"timeout", Scope::Side, "[0-9]{1,6}"},
};

const KeyRule *ruleFor(const QString &key)
{
    for (const KeyRule &rule : rules) {
        if (key == QLatin1String(rule.key))
            return &rule;
    }
    return nullptr;
}

// A rule's pattern, compiled once per process and shared by the rules that spell it alike:
// compiling a pattern costs a hundred times more than matching a value with it, and every
// run of twinbox-cli reads a file of a dozen keys, most of them with the same pattern.
const QRegularExpression &patternOf(const KeyRule &rule)
{
    static const auto compiled = [] {
        std::map<std::string_view, QRegularExpression> byText;
        for (const KeyRule &each : rules)
            byText.try_emplace(each.pattern, QRegularExpression::anchoredPattern(
                                                 QString::fromLatin1(each.pattern)));
        return byText;
    }();
    return compiled.at(rule.pattern);
}

bool yes(const QString &value)
{
    return value.compare(QStringLiteral("yes"), Qt::CaseInsensitive) == 0;
}

bool isLoopback(const QString &host)
{
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// A side's effective keys: the default section's, overlaid with the side's own (pm:128-133).
// With an empty side: the default section alone.
QMap<QString, QString> sideValues(const IniFile &file, const QString &side)
{
    QMap<QString, QString> values;
    for (const QString &name :
         side.isEmpty() ? QStringList{QString()} : QStringList{QString(), side}) {
        if (const auto *section = file.section(name)) {
            for (const auto &entry : section->entries)
                values.insert(entry.key, entry.value);
        }
    }
    return values;
}

} // namespace

SyncConfig::Paths SyncConfig::Paths::standard()
{
    // Returns QString, not the QStringBuilder expression: that would refer to temporaries.
    auto base = [](const char *variable, const QString &fallback) -> QString {
        const QString value = qEnvironmentVariable(variable);
        const QString root = value.isEmpty() ? QDir::homePath() + fallback : value;
        return root + u'/';
    };
    const QString config = base("XDG_CONFIG_HOME", QStringLiteral("/.config"));
    const QString data = base("XDG_DATA_HOME", QStringLiteral("/.local/share"));
    return {config + QStringLiteral("twinbox"), data + QStringLiteral("twinbox"),
            config + QStringLiteral("interimap"), data + QStringLiteral("interimap")};
}

QString SyncConfig::resolveConfigPath(const QString &argument, const Paths &paths)
{
    const QString name = argument.isEmpty() ? QStringLiteral("config") : argument;
    if (QDir::isAbsolutePath(name))
        return name;
    const QString own = paths.configDirectory + u'/' + name;
    if (!QFile::exists(own) && !paths.interimapConfigDirectory.isEmpty()) {
        const QString theirs = paths.interimapConfigDirectory + u'/' + name;
        if (QFile::exists(theirs))
            return theirs;
    }
    return own;
}

std::optional<SyncConfig> SyncConfig::load(const QString &configPath, const Paths &paths,
                                           QString *error)
{
    QFile file(configPath);
    if (!file.exists()) {
        *error = tr("no such config file %1").arg(configPath);
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(configPath, file.errorString());
        return std::nullopt;
    }
    auto config = parse(QString::fromUtf8(file.readAll()), paths, error);
    if (!config) {
        *error = configPath + QStringLiteral(": ") + *error;
        return std::nullopt;
    }
    // A password written in the file is honoured, as interimap does; a file others can read
    // deserves a warning.
    if ((config->localPasswordInFile || config->remotePasswordInFile) &&
        (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)))
        config->warnings.append(
            tr("%1 holds a password and can be read by other users; chmod 600 it, or use "
               "password-command or the keychain")
                .arg(configPath));
    return config;
}

std::optional<SyncConfig> SyncConfig::parse(const QString &text, const Paths &paths, QString *error)
{
    const auto file = IniFile::parse(text, error);
    if (!file)
        return std::nullopt;
    for (const char *required : {"local", "remote"}) {
        if (!file->section(QString::fromLatin1(required))) {
            *error = tr("no section [%1]").arg(QString::fromLatin1(required));
            return std::nullopt;
        }
    }
    SyncConfig config;
    for (const IniFile::Section &section : file->sections()) {
        for (const IniFile::Entry &entry : section.entries) {
            const KeyRule *rule = ruleFor(entry.key);
            if (!rule) {
                *error = tr("line %1: unknown option %2").arg(entry.line).arg(entry.key);
                return std::nullopt;
            }
            if (!patternOf(*rule).match(entry.value).hasMatch()) {
                // The value is not shown for a password: it may be the real one, mistyped.
                const bool secret = entry.key == QStringLiteral("password") ||
                                    entry.key == QStringLiteral("password-command") ||
                                    entry.key == QStringLiteral("proxy"); // may hold user:password
                *error =
                    tr("line %1: invalid value for %2%3")
                        .arg(entry.line)
                        .arg(entry.key, secret ? QString() : QStringLiteral(": ") + entry.value);
                return std::nullopt;
            }
            if (rule->scope == Scope::Program && !section.name.isEmpty())
                config.warnings.append(
                    tr("line %1: %2 is read from the top of the file only; ignored in [%3]")
                        .arg(entry.line)
                        .arg(entry.key, section.name));
            if (!section.name.isEmpty() && section.name != QStringLiteral("local") &&
                section.name != QStringLiteral("remote")) {
                *error = tr("line %1: unknown section [%2]").arg(entry.line).arg(section.name);
                return std::nullopt;
            }
        }
    }

    const QMap<QString, QString> program = sideValues(*file, QString());
    config.listMailbox = program.value(QStringLiteral("list-mailbox"));
    if (!config.listMailbox.isEmpty() && !ListMailboxPatterns::parse(config.listMailbox)) {
        *error = tr("invalid value for list-mailbox: %1").arg(config.listMailbox);
        return std::nullopt;
    }
    config.listSelectOptions = program.value(QStringLiteral("list-select-opts")).toUpper();
    config.ignoreMailbox = program.value(QStringLiteral("ignore-mailbox"));
    config.logFile = program.value(QStringLiteral("logfile"));
    if (program.contains(QStringLiteral("log-prefix")))
        config.logPrefix = program.value(QStringLiteral("log-prefix"));
    config.onMailboxDeleted =
        program.value(QStringLiteral("on-mailbox-deleted"), QStringLiteral("ask")).toLower();
    if (program.contains(QStringLiteral("append-batch")))
        config.appendBatch = program.value(QStringLiteral("append-batch")).toInt();
    if (program.contains(QStringLiteral("parallel-mailboxes")))
        config.parallelMailboxes = program.value(QStringLiteral("parallel-mailboxes")).toInt();

    for (const QString &side : {QStringLiteral("local"), QStringLiteral("remote")}) {
        const QMap<QString, QString> values = sideValues(*file, side);
        imap::ConnectionSettings &settings =
            side == QStringLiteral("local") ? config.local : config.remote;
        settings.name = side;
        const QString type = values.value(QStringLiteral("type"), QStringLiteral("imaps"));
        settings.type = type == QStringLiteral("imap")     ? imap::ConnectionSettings::Type::Imap
                        : type == QStringLiteral("tunnel") ? imap::ConnectionSettings::Type::Tunnel
                                                           : imap::ConnectionSettings::Type::Imaps;
        settings.host = values.value(QStringLiteral("host"), QStringLiteral("localhost"));
        if (values.contains(QStringLiteral("port"))) {
            // A number, or a service name as /etc/services knows it ("imaps"), as
            // interimap's getaddrinfo accepts.
            const QString value = values.value(QStringLiteral("port"));
            uint port = value.toUInt();
            if (port == 0 && !value.isEmpty() && value.at(0).isLetter()) {
                const QByteArray name = value.toLatin1();
                if (const servent *service = ::getservbyname(name.constData(), "tcp"))
                    port = ntohs(quint16(service->s_port));
            }
            if (port == 0 || port > 65535) {
                *error = tr("invalid value for port: %1").arg(values.value(QStringLiteral("port")));
                return std::nullopt;
            }
            settings.port = quint16(port);
        }
        settings.command = values.value(QStringLiteral("command"));
        if (settings.type == imap::ConnectionSettings::Type::Tunnel && settings.command.isEmpty()) {
            *error = tr("[%1]: type = tunnel needs a command").arg(side);
            return std::nullopt;
        }
        settings.nullStderr = yes(values.value(QStringLiteral("null-stderr")));
        settings.proxy = values.value(QStringLiteral("proxy"));
        settings.startTls = !values.contains(QStringLiteral("STARTTLS")) ||
                            yes(values.value(QStringLiteral("STARTTLS")));
        settings.allowPlaintextAuth = yes(values.value(QStringLiteral("plaintext-auth")));
        if (values.contains(QStringLiteral("auth"))) {
            settings.auth.clear();
            for (const QString &mechanism :
                 values.value(QStringLiteral("auth")).split(u' ', Qt::SkipEmptyParts))
                settings.auth.append(mechanism.toUpper().toLatin1());
        }
        settings.username = values.value(QStringLiteral("username"));
        settings.password = values.value(QStringLiteral("password"));
        // interimap compresses the remote side by default; on loopback or through a tunnel
        // compression only costs CPU, so Twinbox's default leaves it off there.
        const bool compressByDefault = side == QStringLiteral("remote") &&
                                       settings.type != imap::ConnectionSettings::Type::Tunnel &&
                                       !isLoopback(settings.host);
        settings.compress = values.contains(QStringLiteral("compress"))
                                ? yes(values.value(QStringLiteral("compress")))
                                : compressByDefault;
        settings.sslVerify = !values.contains(QStringLiteral("SSL_verify")) ||
                             yes(values.value(QStringLiteral("SSL_verify")));
        settings.sslCaFile = values.value(QStringLiteral("SSL_CAfile"));
        settings.sslCaPath = values.value(QStringLiteral("SSL_CApath"));
        if (values.contains(QStringLiteral("SSL_hostname")))
            settings.sslHostname = values.value(QStringLiteral("SSL_hostname"));
        settings.sslProtocolMin = values.value(QStringLiteral("SSL_protocol_min"));
        settings.sslProtocolMax = values.value(QStringLiteral("SSL_protocol_max"));
        if (values.contains(QStringLiteral("SSL_protocols")))
            config.warnings.append(
                tr("[%1]: SSL_protocols is deprecated and ignored; use SSL_protocol_min/max")
                    .arg(side));
        settings.sslCipherList = values.value(QStringLiteral("SSL_cipherlist"));
        settings.sslCipherSuites = values.value(QStringLiteral("SSL_ciphersuites"));
        settings.sslFingerprints =
            values.value(QStringLiteral("SSL_fingerprint")).split(u' ', Qt::SkipEmptyParts);
        if (values.contains(QStringLiteral("timeout")))
            settings.timeout =
                std::chrono::seconds(values.value(QStringLiteral("timeout")).toInt());
        const QString reference = values.value(QStringLiteral("list-reference"));
        const QString passwordCommand = values.value(QStringLiteral("password-command"));
        if (side == QStringLiteral("local")) {
            config.localListReference = reference;
            config.localPasswordCommand = passwordCommand;
            config.localPasswordInFile = !settings.password.isEmpty();
        } else {
            config.remoteListReference = reference;
            config.remotePasswordCommand = passwordCommand;
            config.remotePasswordInFile = !settings.password.isEmpty();
        }
    }

    // database: relative to the data directory; by default named after the remote host.
    QString database = program.value(QStringLiteral("database"));
    if (database.isEmpty())
        database = config.remote.host + QStringLiteral(".db");
    config.database =
        QDir::isAbsolutePath(database) ? database : paths.dataDirectory + u'/' + database;
    // interimap's state for the same pair, where interimap keeps it.
    const QString theirs = program.value(QStringLiteral("interimap-database"),
                                         QDir::isAbsolutePath(database) ? QString() : database);
    if (!theirs.isEmpty())
        config.interimapDatabase =
            QDir::isAbsolutePath(theirs) || paths.interimapDataDirectory.isEmpty()
                ? theirs
                : paths.interimapDataDirectory + u'/' + theirs;
    return config;
}

} // namespace twinbox::config
