#pragma once

#include <QByteArrayList>
#include <QLocalSocket>
#include <QObject>
#include <QTcpServer>
#include <QTimer>

#include <memory>

namespace twinbox::imap {
class DeflateStream;
}

namespace twinbox::test {

// A scripted IMAP peer for protocol tests (after KIMAP's FakeServer), in process: the client
// gets one end of a socketpair, the script plays the other. Script lines:
//   "S: text"  the server sends text + CRLF
//   "C: text"  the next line the client sends must be exactly text (CRLF removed)
//   "C^ text"  the next line the client sends must start with text (a random SASL nonce)
//   "Z"        from here on both directions are raw deflate (COMPRESS, RFC 4978)
//   "X"        the server closes the connection
//   "E"        the client must close the connection next (awaited like a "C:" line)
//   "P: ms"    the server waits ms milliseconds; a client line that arrives meanwhile fails
//              the script (the client pipelined what it must not)
// Server lines that follow each other are sent together, before the next "C:" line is
// awaited, so a test states exactly what is pipelined and what waits.
class FakeImapServer : public QObject
{
    Q_OBJECT

public:
    enum class Mode {
        InProcess,   // over a socketpair: takeClientDevice() gives the client's end
        LoopbackTcp, // listening on 127.0.0.1, port(): for code that opens its own socket
    };

    explicit FakeImapServer(QByteArrayList script, Mode mode = Mode::InProcess,
                            QObject *parent = nullptr);
    ~FakeImapServer() override;

    // The client's end, to hand to ImapConnection (InProcess). Call once.
    std::unique_ptr<QIODevice> takeClientDevice();
    // The port to connect to (LoopbackTcp).
    quint16 port() const;

    // Sends bytes now, outside the script (for data that must arrive in a read of its own).
    void sendNow(const QByteArray &bytes) { send(bytes); }

    bool isDone() const { return m_next >= m_script.size(); }
    // Empty while the client did what the script says; the first difference otherwise.
    QString failure() const { return m_failure; }
    QByteArrayList receivedLines() const { return m_received; }

private:
    void attach(std::unique_ptr<QIODevice> peer);
    void play();
    void onReadyRead();
    void onClientClosed();
    void send(const QByteArray &bytes);

    QByteArrayList m_script;
    qsizetype m_next = 0;
    bool m_pausing = false;            // inside a "P:" step
    std::unique_ptr<QIODevice> m_peer; // the server's end
    std::unique_ptr<QLocalSocket> m_client;
    std::unique_ptr<QTcpServer> m_listener;
    std::unique_ptr<imap::DeflateStream> m_deflate;
    QByteArray m_buffer;
    QByteArrayList m_received;
    QString m_failure;
};

} // namespace twinbox::test
