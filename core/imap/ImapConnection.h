#pragma once

#include "Command.h"
#include "Completion.h"
#include "DeflateStream.h"
#include "ImapError.h"
#include "ResponseFramer.h"
#include "Responses.h"

#include <QCoroTask>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <variant>

class QIODevice;

namespace twinbox::imap {

// One IMAP connection over an open byte stream (TCP, TLS, a tunnel's pipes): tags, sends
// and pipelines commands, frames and parses what comes back, and routes each tagged
// completion to its command together with the untagged data that arrived while it ran.
//
// Pipelining rules (after isync's cmd_sendable): at most pipelineDepth commands in flight;
// nothing is sent past a command that waits for a continuation ("+"), so a synchronising
// literal or a SASL exchange is never interleaved; an exclusive command (STARTTLS,
// COMPRESS, AUTHENTICATE, LOGIN) is sent alone and nothing follows it until it completes.
//
// All of it runs on the thread that owns the object; nothing blocks.
class ImapConnection : public QObject
{
    Q_OBJECT

public:
    struct Pending; // a command on its way
    struct Result
    {
        StatusResponse status;
        QList<Response> untagged;
        bool ok() const { return status.status == StatusResponse::Status::Ok; }
    };
    // Answers a "+" continuation request of a command (a SASL step): the line to send back.
    using ContinuationHandler = std::function<QByteArray(const QByteArray &challenge)>;
    // A protocol log line ("C: a1 SELECT INBOX", "S: * 3 EXISTS").
    using LogSink = std::function<void(const QString &line)>;

    ImapConnection(QString serverName, std::unique_ptr<QIODevice> device,
                   QObject *parent = nullptr);
    ~ImapConnection() override;

    const QString &serverName() const { return m_serverName; }
    QIODevice *device() const { return m_device.get(); }

    void setLiteralMode(LiteralMode mode) { m_literalMode = mode; }
    void setPipelineDepth(int depth) { m_pipelineDepth = std::max(1, depth); }
    // How long the server may stay silent while a command waits; 0 disables. A transfer
    // that keeps moving is alive, however long it takes.
    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const { return m_timeout; }
    // debugLevel 1 logs every command and response with literals elided and secrets
    // redacted; 2 also shows the secrets.
    void setProtocolLog(int debugLevel, LogSink sink);
    void setBodySink(BodySink *sink) { m_framer.setBodySink(sink); }

    // The server's first response (OK, PREAUTH or BYE).
    QCoro::Task<StatusResponse> greeting();
    // Runs one command. A NO or BAD is a Result; a lost connection or a protocol error
    // throws ImapError, and so does every later call. The arguments are copied before the
    // call returns, so temporaries are fine. (Coroutine parameters are taken by reference
    // on purpose: GCC 12 may destroy a by-value coroutine parameter built from a temporary
    // twice.)
    QCoro::Task<Result> execute(const Command &command,
                                const ContinuationHandler &onContinuation = {});
    // The same, but a NO or BAD throws ImapError (Refused) naming the mailbox.
    QCoro::Task<Result> executeOk(const Command &command, const QString &mailbox = {});
    // The login in flight (LOGIN, or AUTHENTICATE once its last SASL answer is out: RFC 3501
    // §6.2.2) has nothing more to send: the commands queued behind it go out now, before its
    // tagged answer, instead of after it (a login is otherwise exclusive). Called from the
    // AUTHENTICATE's ContinuationHandler, it takes effect once the returned answer is written;
    // a later "+" then fails the connection (unexpected continuation request). False when
    // there is no login to release (none in flight, or one still sending a literal).
    bool releaseLogin();
    // STARTTLS (RFC 3501 §6.2.1): on OK, whatever the server sent after it is discarded
    // (response injection) and input is ignored until the caller starts the handshake.
    QCoro::Task<Result> startTls();
    // COMPRESS DEFLATE (RFC 4978): on OK, both directions are compressed from the next byte.
    QCoro::Task<Result> compress();
    // After the TLS handshake that follows STARTTLS: read again.
    void resumeAfterTls();

    // A command written while its data is still arriving (APPEND of a message that is being
    // fetched from the other server): startStream() sends the head ("T5 APPEND INBOX") as soon
    // as the pipeline allows, streamWrite() adds bytes, finishStream() ends the line and
    // waits for the reply. While a stream is open nothing else is sent on this connection.
    // A synchronising literal header ("{n}\r\n", RFC 3501 §4.3) is written with
    // awaitContinuation: what follows waits (counted in bytesToWrite()) until the server's
    // "+"; with LITERAL+ ("{n+}") everything goes straight through.
    struct StreamHandle
    {
        std::shared_ptr<Pending> pending;
    };
    StreamHandle startStream(const Command &head);
    void streamWrite(const StreamHandle &stream, QByteArrayView bytes,
                     bool awaitContinuation = false);
    QCoro::Task<Result> finishStream(const StreamHandle &stream);
    // True once the server answered the streamed command (possibly before it was all sent:
    // a NO in the middle of an APPEND). Its current literal must still be completed; nothing
    // new may be started in it.
    bool streamAnswered(const StreamHandle &stream) const;
    // Ends an answered stream without writing its end of line (an IDLE the server ended:
    // nothing of it is left to complete); finishStream() then only collects the reply.
    void abandonStream(const StreamHandle &stream);
    // Stops reading from the server (its data waits in the kernel, which slows the sender)
    // until resumed: back-pressure when what is read must be written elsewhere.
    void setReadingPaused(bool paused);
    // Bytes not yet written to the server: the socket's buffer and stream data that waits
    // for a continuation.
    qint64 bytesToWrite() const;

    bool isCompressed() const { return m_deflate != nullptr; }
    bool isOpen() const { return !m_failure.has_value(); }
    // Closes the connection now; pending commands fail with `reason`.
    void abort(const QString &reason);
    // Ends the connection from this side once what was written is sent: a socket closes
    // gracefully (TLS close_notify, then FIN), a tunnel's input ends. Commands still waiting
    // for an answer fail with "connection closed" when the socket is closed, or complete if
    // the tunnel answers before it exits.
    void closeAfterWriting();

Q_SIGNALS:
    // Every untagged response, also those that arrive while no command runs (EXISTS,
    // VANISHED, FETCH FLAGS, BYE), so that the owner never misses one. Both signals are
    // delivered queued, so a receiver may delete the connection.
    void untaggedReceived(const twinbox::imap::Response &response);
    // The same, for the untagged responses that came while no command ran: the server's own
    // news (RFC 3501 §7, RFC 5465 NOTIFY events), not data a command asked for.
    void unsolicitedReceived(const twinbox::imap::Response &response);
    void closed(const QString &reason);
    // Data that waited to be written was dropped without a write (a literal refused before
    // its "+", or the connection failed): bytesToWrite() fell without bytesWritten.
    void backlogDropped();
    // Some of what waited was written to the network (bytesToWrite() fell).
    void backlogWritten();

private:
    enum class Switch { None, Tls, Compression };

    QCoro::Task<Result> run(Command command, ContinuationHandler onContinuation,
                            Switch switchAfterOk, bool exclusive);
    void pump();
    void sendChunks(const std::shared_ptr<Pending> &pending);
    void write(const QByteArray &bytes);
    void onReadyRead();
    bool feedFramer(QByteArrayView data, qsizetype *consumed);
    void handleFrame(ResponseFrame &&frame);
    void handleContinuation(const QByteArray &text);
    void fail(ImapError error);
    void log(QChar direction, const QString &line);
    void updateTimer();
    QString frameLogLine(const ResponseFrame &frame) const;

    QString m_serverName;
    std::unique_ptr<QIODevice> m_device;
    ResponseFramer m_framer;
    std::unique_ptr<DeflateStream> m_deflate;
    LiteralMode m_literalMode = LiteralMode::Synchronizing;
    int m_pipelineDepth = 32;
    int m_tagCounter = 0;
    std::deque<std::shared_ptr<Pending>> m_queue;    // not sent yet
    std::deque<std::shared_ptr<Pending>> m_inFlight; // sent, waiting for the tagged reply
    std::shared_ptr<Pending> m_continuationOwner;    // the command that waits for "+"
    std::shared_ptr<Pending> m_streamOwner;          // the streamed command on the wire
    bool m_readingPaused = false;
    Completion<std::variant<StatusResponse, ImapError>> m_greeting;
    bool m_ignoreInput = false; // between STARTTLS's OK and the handshake
    std::optional<ImapError> m_failure;
    bool m_closingByUs = false; // closeAfterWriting(): the close that follows is ours
    bool m_inContinuationHandler = false;
    bool m_releaseAfterAnswer = false; // releaseLogin() from inside the handler
    QByteArray m_byeText;
    QTimer m_timer;
    std::chrono::milliseconds m_timeout{0};
    int m_debugLevel = 0;
    // Since the server said ENABLED QRESYNC: an EXPUNGE response is a protocol violation
    // (RFC 7162 §3.2.10, VANISHED replaces it) that fails the connection, whatever command
    // it comes with.
    bool m_qresyncEnabled = false;
    LogSink m_logSink;
};

} // namespace twinbox::imap
