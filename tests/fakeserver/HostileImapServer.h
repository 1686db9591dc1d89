#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>

#include <memory>

class QTcpServer;
class QTcpSocket;

namespace twinbox::test {

// An IMAP server on loopback that serves one mailbox by rules rather than by script (unlike
// FakeImapServer), so that the whole of twinbox-cli can run against it whatever the order of
// its commands, and the answer to one step can be replaced by something hostile: garbage,
// an endless line, a literal claiming 4 GB, a number that overflows, a wrong tag...
// It speaks just enough IMAP4rev1 with QRESYNC (RFC 3501, RFC 7162) for a sync: greeting
// (PREAUTH), LIST-STATUS, ENABLE, SELECT, UID FETCH (CHANGEDSINCE), UID STORE, UID EXPUNGE,
// APPEND with LITERAL+ (APPENDUID), LOGOUT.
class HostileImapServer : public QObject
{
    Q_OBJECT

public:
    // The steps whose answer a test may replace.
    enum class Step {
        Greeting,
        List,
        Enable,
        Select,
        Summary, // UID FETCH ... BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]
        Body,    // UID FETCH ... BODY.PEEK[]
        Check,   // UID FETCH ... (CHANGEDSINCE n VANISHED)
        Append,
    };
    // What replaces the answer: `head` (where "{tag}" becomes the command's tag), then
    // `filler` over and over until `fillerBytes` went or the client closed; then, unless
    // `close`, the server goes on by its rules. An empty head and filler: no answer at all.
    struct Hostility
    {
        Step step = Step::Greeting;
        QByteArray head;
        QByteArray filler;
        qint64 fillerBytes = 0;
        bool close = true;
        bool always = false; // every time the step comes, not only the first
    };
    struct Message
    {
        quint32 uid = 0;
        quint64 modSeq = 0;
        QByteArray flags; // "\\Seen $Label"
        QByteArray content;
    };

    explicit HostileImapServer(QByteArray mailbox, QList<QByteArray> contents,
                               QObject *parent = nullptr);
    ~HostileImapServer() override;

    quint16 port() const;
    void setHostility(const Hostility &hostility);
    void clearHostility() { m_hostility.reset(); }
    bool hostilityPlayed() const { return m_played > 0; }

    const QList<Message> &messages() const { return m_messages; }
    int appendsReceived() const { return m_appends; }

    class Connection; // one client, in this server's thread

private:
    friend class Connection;
    QByteArray mailbox() const { return m_mailbox; }
    std::optional<Hostility> hostilityFor(Step step);
    quint32 append(const QByteArray &flags, const QByteArray &content);

    QByteArray m_mailbox;
    QList<Message> m_messages;
    quint32 m_uidNext = 1;
    quint64 m_highestModSeq = 1;
    int m_appends = 0;
    int m_played = 0;
    std::optional<Hostility> m_hostility;
    std::unique_ptr<QTcpServer> m_listener;
};

} // namespace twinbox::test
