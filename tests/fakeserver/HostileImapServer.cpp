#include "HostileImapServer.h"

#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>

#include <limits>

namespace twinbox::test {

namespace {

constexpr quint32 uidValidity = 7;
const QByteArray internalDate = "\"02-Nov-2026 10:00:00 +0000\"";

// The UIDs a UID set names (RFC 3501 §9 sequence-set; "*" is the highest UID there is).
bool inSet(const QByteArray &set, quint32 uid, quint32 highest)
{
    for (const QByteArray &part : set.split(',')) {
        const qsizetype colon = part.indexOf(':');
        const auto value = [&](const QByteArray &text) {
            return text == "*" ? highest : quint32(text.toULongLong());
        };
        quint32 first = value(colon < 0 ? part : part.left(colon));
        quint32 last = colon < 0 ? first : value(part.mid(colon + 1));
        if (first > last)
            std::swap(first, last);
        if (uid >= first && uid <= last)
            return true;
    }
    return false;
}

QByteArray literal(const QByteArray &bytes)
{
    return '{' + QByteArray::number(bytes.size()) + "}\r\n" + bytes;
}

QByteArray messageIdHeader(const QByteArray &content)
{
    static const QRegularExpression pattern(QStringLiteral("(?im)^Message-ID:[^\\r\\n]*\\r\\n"));
    const auto match = pattern.match(QString::fromLatin1(content));
    return (match.hasMatch() ? match.captured(0).toLatin1() : QByteArray()) + "\r\n";
}

} // namespace

class HostileImapServer::Connection : public QObject
{
public:
    Connection(HostileImapServer &server, QTcpSocket *socket)
        : QObject(&server)
        , m_server(server)
        , m_socket(socket)
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
        connect(socket, &QTcpSocket::bytesWritten, this, &Connection::pump);
        connect(socket, &QTcpSocket::disconnected, this, [this] {
            m_fillerLeft = 0;
            deleteLater();
        });
        if (!playHostility(Step::Greeting, {}))
            send("* PREAUTH [CAPABILITY IMAP4rev1 ENABLE QRESYNC CONDSTORE LIST-EXTENDED "
                 "LIST-STATUS UIDPLUS LITERAL+] hostile server ready\r\n");
    }

private:
    void send(const QByteArray &bytes)
    {
        if (m_socket->state() == QAbstractSocket::ConnectedState)
            m_socket->write(bytes);
    }

    // Plays the hostility for `step`, if there is one; true when it replaced the answer.
    bool playHostility(Step step, const QByteArray &tag)
    {
        const std::optional<Hostility> hostility = m_server.hostilityFor(step);
        if (!hostility)
            return false;
        QByteArray head = hostility->head;
        head.replace("{tag}", tag);
        send(head);
        m_filler = hostility->filler;
        m_fillerLeft = hostility->filler.isEmpty() ? 0 : hostility->fillerBytes;
        m_closeAfter = hostility->close;
        pump();
        return true;
    }

    // Writes the filler as the client takes it, then closes when the hostility says so.
    void pump()
    {
        while (m_fillerLeft > 0 && m_socket->bytesToWrite() < (1 << 20) &&
               m_socket->state() == QAbstractSocket::ConnectedState) {
            const qint64 size = std::min<qint64>(m_fillerLeft, m_filler.size());
            m_socket->write(m_filler.constData(), size);
            m_fillerLeft -= size;
        }
        if (m_fillerLeft == 0 && m_closeAfter) {
            m_closeAfter = false;
            m_socket->disconnectFromHost();
        }
    }

    void onReadyRead()
    {
        m_buffer += m_socket->readAll();
        for (;;) {
            if (m_literalLeft > 0) {
                const qsizetype take = std::min<qsizetype>(m_literalLeft, m_buffer.size());
                m_literals.last() += m_buffer.left(take);
                m_buffer.remove(0, take);
                m_literalLeft -= take;
                if (m_literalLeft > 0)
                    return;
                continue;
            }
            const qsizetype end = m_buffer.indexOf("\r\n");
            if (end < 0)
                return;
            const QByteArray line = m_buffer.left(end);
            m_buffer.remove(0, end + 2);
            m_command += line;
            static const QRegularExpression literalStart(QStringLiteral("\\{(\\d+)(\\+?)\\}$"));
            const auto match = literalStart.match(QString::fromLatin1(line));
            if (match.hasMatch()) {
                m_literalLeft = match.captured(1).toLongLong();
                m_literals.append(QByteArray());
                if (match.captured(2).isEmpty())
                    send("+ go ahead\r\n");
                continue;
            }
            handle(m_command, m_literals);
            m_command.clear();
            m_literals.clear();
        }
    }

    void handle(const QByteArray &command, const QByteArrayList &literals)
    {
        QByteArrayList words = command.split(' ');
        const QByteArray tag = words.value(0);
        QByteArray verb = words.value(1).toUpper();
        if (verb == "UID")
            verb += ' ' + words.value(2).toUpper();
        const QByteArray box = m_server.mailbox();
        HostileImapServer &s = m_server;

        if (verb == "LIST" && command.contains("RETURN")) {
            if (!playHostility(Step::List, tag))
                send("* LIST (\\HasNoChildren) \"/\" " + box + "\r\n* STATUS " + box +
                     " (UIDVALIDITY " + QByteArray::number(uidValidity) + " UIDNEXT " +
                     QByteArray::number(s.m_uidNext) + " HIGHESTMODSEQ " +
                     QByteArray::number(s.m_highestModSeq) + ")\r\n" + tag + " OK listed\r\n");
        } else if (verb == "LIST") {
            send("* LIST (\\Noselect) \"/\" \"\"\r\n" + tag + " OK listed\r\n");
        } else if (verb == "ENABLE") {
            if (!playHostility(Step::Enable, tag))
                send("* ENABLED QRESYNC\r\n" + tag + " OK enabled\r\n");
        } else if (verb == "SELECT" || verb == "EXAMINE") {
            if (!playHostility(Step::Select, tag))
                send("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"
                     "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] "
                     "ok\r\n* " +
                     QByteArray::number(s.m_messages.size()) + " EXISTS\r\n* OK [UIDVALIDITY " +
                     QByteArray::number(uidValidity) + "] ok\r\n* OK [UIDNEXT " +
                     QByteArray::number(s.m_uidNext) + "] ok\r\n* OK [HIGHESTMODSEQ " +
                     QByteArray::number(s.m_highestModSeq) + "] ok\r\n" + tag +
                     " OK [READ-WRITE] selected\r\n");
        } else if (verb == "UID FETCH") {
            const Step step = command.contains("CHANGEDSINCE")  ? Step::Check
                              : command.contains("BODY.PEEK[]") ? Step::Body
                                                                : Step::Summary;
            if (!playHostility(step, tag))
                fetch(tag, words.value(3), command);
        } else if (verb == "UID STORE") {
            store(tag, words.value(3), command);
        } else if (verb == "UID EXPUNGE") {
            QByteArray gone;
            s.m_messages.removeIf([&](const Message &message) {
                const bool remove = inSet(words.value(3), message.uid, s.m_uidNext - 1) &&
                                    message.flags.contains("\\Deleted");
                if (remove)
                    gone += (gone.isEmpty() ? "" : ",") + QByteArray::number(message.uid);
                return remove;
            });
            ++s.m_highestModSeq;
            send((gone.isEmpty() ? QByteArray() : "* VANISHED " + gone + "\r\n") + tag +
                 " OK expunged\r\n");
        } else if (verb == "APPEND") {
            if (!playHostility(Step::Append, tag)) {
                const qsizetype open = command.indexOf('(');
                const QByteArray flags =
                    open < 0 ? QByteArray()
                             : command.mid(open + 1, command.indexOf(')') - open - 1);
                const quint32 uid = s.append(flags, literals.value(0));
                send(tag + " OK [APPENDUID " + QByteArray::number(uidValidity) + ' ' +
                     QByteArray::number(uid) + "] appended\r\n");
            }
        } else if (verb == "LOGOUT") {
            send("* BYE bye\r\n" + tag + " OK logged out\r\n");
            m_socket->disconnectFromHost();
        } else {
            send(tag + " OK done\r\n");
        }
    }

    void fetch(const QByteArray &tag, const QByteArray &set, const QByteArray &command)
    {
        HostileImapServer &s = m_server;
        std::optional<quint64> since;
        static const QRegularExpression changedSince(QStringLiteral("CHANGEDSINCE (\\d+)"));
        if (const auto match = changedSince.match(QString::fromLatin1(command)); match.hasMatch())
            since = match.captured(1).toULongLong();
        QByteArray out;
        for (qsizetype i = 0; i < s.m_messages.size(); ++i) {
            const Message &m = s.m_messages.at(i);
            if (!inSet(set, m.uid, s.m_uidNext - 1) || (since && m.modSeq <= *since))
                continue;
            QByteArray items = "UID " + QByteArray::number(m.uid);
            if (command.contains("RFC822.SIZE"))
                items += " RFC822.SIZE " + QByteArray::number(m.content.size());
            if (command.contains("INTERNALDATE"))
                items += " INTERNALDATE " + internalDate;
            if (command.contains("FLAGS"))
                items += " FLAGS (" + m.flags + ')';
            if (command.contains("MODSEQ") || since)
                items += " MODSEQ (" + QByteArray::number(m.modSeq) + ')';
            if (command.contains("HEADER.FIELDS"))
                items += " BODY[HEADER.FIELDS (MESSAGE-ID)] " + literal(messageIdHeader(m.content));
            if (command.contains("BODY.PEEK[]"))
                items += " BODY[] " + literal(m.content);
            out += "* " + QByteArray::number(i + 1) + " FETCH (" + items + ")\r\n";
        }
        send(out + tag + " OK fetched\r\n");
    }

    void store(const QByteArray &tag, const QByteArray &set, const QByteArray &command)
    {
        HostileImapServer &s = m_server;
        const qsizetype open = command.lastIndexOf('(');
        QByteArrayList flags =
            command.mid(open + 1, command.lastIndexOf(')') - open - 1).split(' ');
        flags.removeAll(QByteArray());
        QByteArray out;
        for (qsizetype i = 0; i < s.m_messages.size(); ++i) {
            Message &m = s.m_messages[i];
            if (!inSet(set, m.uid, s.m_uidNext - 1))
                continue;
            QByteArrayList now = m.flags.split(' ');
            now.removeAll(QByteArray());
            if (command.contains("+FLAGS")) {
                for (const QByteArray &flag : std::as_const(flags))
                    if (!now.contains(flag))
                        now.append(flag);
            } else if (command.contains("-FLAGS")) {
                for (const QByteArray &flag : std::as_const(flags))
                    now.removeAll(flag);
            } else {
                now = flags;
            }
            m.flags = now.join(' ');
            m.modSeq = ++s.m_highestModSeq;
            out += "* " + QByteArray::number(i + 1) + " FETCH (UID " + QByteArray::number(m.uid) +
                   " MODSEQ (" + QByteArray::number(m.modSeq) + "))\r\n";
        }
        send(out + tag + " OK stored\r\n");
    }

    HostileImapServer &m_server;
    QTcpSocket *m_socket;
    QByteArray m_buffer;
    QByteArray m_command;
    QByteArrayList m_literals;
    qint64 m_literalLeft = 0;
    QByteArray m_filler;
    qint64 m_fillerLeft = 0;
    bool m_closeAfter = false;
};

HostileImapServer::HostileImapServer(QByteArray mailbox, QList<QByteArray> contents,
                                     QObject *parent)
    : QObject(parent)
    , m_mailbox(std::move(mailbox))
    , m_listener(std::make_unique<QTcpServer>())
{
    for (const QByteArray &content : contents)
        append("\\Seen", content);
    m_appends = 0;
    m_listener->listen(QHostAddress::LocalHost, 0);
    connect(m_listener.get(), &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_listener->nextPendingConnection())
            new Connection(*this, socket);
    });
}

HostileImapServer::~HostileImapServer() = default;

quint16 HostileImapServer::port() const
{
    return m_listener->serverPort();
}

void HostileImapServer::setHostility(const Hostility &hostility)
{
    m_hostility = hostility;
    m_played = 0;
}

std::optional<HostileImapServer::Hostility> HostileImapServer::hostilityFor(Step step)
{
    if (!m_hostility || m_hostility->step != step || (m_played > 0 && !m_hostility->always))
        return std::nullopt;
    ++m_played;
    return m_hostility;
}

quint32 HostileImapServer::append(const QByteArray &flags, const QByteArray &content)
{
    ++m_appends;
    m_messages.append({m_uidNext, ++m_highestModSeq, flags, content});
    return m_uidNext++;
}

} // namespace twinbox::test
