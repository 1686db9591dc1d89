#include "ImapConnection.h"

#include "ResponseParser.h"

#include <QAbstractSocket>
#include <QCoreApplication>
#include <QIODevice>
#include <QLocalSocket>
#include <QProcess>
#include <QSslSocket>

#include <optional>
#include <utility>

namespace twinbox::imap {

struct ImapConnection::Pending
{
    QByteArray tag;
    Command command{QByteArrayView()};
    QList<Command::Chunk> chunks;
    qsizetype nextChunk = 0;
    ContinuationHandler onContinuation;
    Switch switchAfterOk = Switch::None;
    bool exclusive = false;
    bool streaming = false;    // more bytes follow through streamWrite()
    bool streamClosed = false; // finishStream() was called
    Result result;
    Completion<std::variant<Result, ImapError>> done;
};

ImapConnection::ImapConnection(QString serverName, std::unique_ptr<QIODevice> device,
                               QObject *parent)
    : QObject(parent)
    , m_serverName(std::move(serverName))
    , m_device(std::move(device))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count();
        abort(tr("no answer from the server for %1 s").arg(seconds));
    });
    connect(m_device.get(), &QIODevice::readyRead, this, &ImapConnection::onReadyRead);
    // The greeting may have arrived before this object existed; its readyRead is gone.
    if (m_device->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &ImapConnection::onReadyRead, Qt::QueuedConnection);
    // Progress either way keeps a connection alive: a long upload is not a silent server.
    connect(m_device.get(), &QIODevice::bytesWritten, this, &ImapConnection::updateTimer);
    connect(m_device.get(), &QIODevice::bytesWritten, this, &ImapConnection::backlogWritten);
    if (auto *tls = qobject_cast<QSslSocket *>(m_device.get()))
        connect(tls, &QSslSocket::encryptedBytesWritten, this, &ImapConnection::backlogWritten);
    const auto peerClosed = [this] {
        if (m_failure)
            return;
        onReadyRead(); // whatever arrived last
        const QString bye = m_byeText.isEmpty()
                                ? QString()
                                : QStringLiteral(" (%1)").arg(QString::fromUtf8(m_byeText));
        fail(ImapError(ImapError::Kind::Connection, m_serverName,
                       m_closingByUs ? tr("connection closed")
                                     : tr("the server closed the connection") + bye));
    };
    connect(m_device.get(), &QIODevice::readChannelFinished, this, peerClosed);
    // A TLS socket may report the peer's close only as a disconnection.
    if (auto *socket = qobject_cast<QAbstractSocket *>(m_device.get()))
        connect(socket, &QAbstractSocket::disconnected, this, peerClosed);
    else if (auto *local = qobject_cast<QLocalSocket *>(m_device.get()))
        connect(local, &QLocalSocket::disconnected, this, peerClosed);
    if (auto *process = qobject_cast<QProcess *>(m_device.get())) {
        connect(process, &QProcess::errorOccurred, this, [this, process] {
            fail(ImapError(ImapError::Kind::Connection, m_serverName,
                           tr("tunnel command failed: %1").arg(process->errorString())));
        });
    }
}

ImapConnection::~ImapConnection()
{
    // Nobody can wait for these any more; fail them so their coroutines end.
    fail(ImapError(ImapError::Kind::Connection, m_serverName, tr("connection closed")));
    // The device outlives the members declared after it; its last signals (a socket
    // reports its close while being destroyed) must not reach this half-destroyed object.
    QObject::disconnect(m_device.get(), nullptr, this, nullptr);
    // fail() killed a tunnel; reaping it here is what QProcess's destructor would do anyway,
    // minus its "Destroyed while process is still running" warning on every tunnel run.
    if (auto *process = qobject_cast<QProcess *>(m_device.get()))
        process->waitForFinished(5000);
    m_device.reset();
}

void ImapConnection::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
    updateTimer();
}

void ImapConnection::setProtocolLog(int debugLevel, LogSink sink)
{
    m_debugLevel = debugLevel;
    m_logSink = std::move(sink);
}

void ImapConnection::log(QChar direction, const QString &line)
{
    if (m_debugLevel > 0 && m_logSink)
        m_logSink(QString(direction) + QStringLiteral(": ") + line);
}

QCoro::Task<StatusResponse> ImapConnection::greeting()
{
    updateTimer();
    auto outcome = co_await m_greeting;
    if (auto *error = std::get_if<ImapError>(&outcome))
        throw *error;
    co_return std::get<StatusResponse>(outcome);
}

QCoro::Task<ImapConnection::Result>
ImapConnection::execute(const Command &command, const ContinuationHandler &onContinuation)
{
    // AUTHENTICATE and LOGIN change the session's state: nothing may be pipelined past them.
    const bool exclusive = command.name() == "AUTHENTICATE" || command.name() == "LOGIN";
    auto task = run(command, onContinuation, Switch::None, exclusive);
    co_return co_await task;
}

QCoro::Task<ImapConnection::Result> ImapConnection::executeOk(const Command &command,
                                                              const QString &mailbox)
{
    // Copies before the first co_await: the caller's string may be gone by then, and so may
    // this connection (a caller that deleted it gets the error, not a crash).
    const QByteArray name = command.name();
    const QString mailboxName = mailbox;
    const QString serverName = m_serverName;
    const bool failedBefore = m_failure.has_value();
    auto task = run(command, {}, Switch::None, false);
    std::optional<Result> reply;
    try {
        reply = co_await task;
    } catch (const ImapError &error) {
        // A connection that failed during the command (lost, or a protocol violation in its
        // answer) names the mailbox the command was about.
        if (failedBefore || !error.mailbox().isEmpty() || mailboxName.isEmpty())
            throw;
        throw ImapError(error.kind(), error.server(), error.message(), mailboxName);
    }
    Result result = std::move(*reply);
    if (!result.ok()) {
        const QByteArray status = result.status.status == StatusResponse::Status::No ? "NO" : "BAD";
        throw ImapError(ImapError::Kind::Refused, serverName,
                        tr("%1 refused: %2 %3")
                            .arg(QString::fromLatin1(name), QString::fromLatin1(status),
                                 QString::fromUtf8(result.status.text)),
                        mailboxName);
    }
    co_return result;
}

bool ImapConnection::releaseLogin()
{
    const auto login = m_inContinuationHandler ? m_continuationOwner
                       : m_inFlight.empty()    ? nullptr
                                               : m_inFlight.back(); // sent last, unanswered
    if (!login)
        return false;
    const QByteArray name = login->command.name();
    if ((name != "AUTHENTICATE" && name != "LOGIN") || login->nextChunk < login->chunks.size())
        return false; // not a login, or still sending (a synchronising literal)
    if (m_inContinuationHandler) {
        m_releaseAfterAnswer = true; // handleContinuation() releases once the answer is out
        return true;
    }
    login->exclusive = false;
    if (m_continuationOwner == login)
        m_continuationOwner.reset();
    pump();
    return true;
}

QCoro::Task<ImapConnection::Result> ImapConnection::startTls()
{
    const Command command("STARTTLS");
    auto task = run(command, {}, Switch::Tls, true);
    co_return co_await task;
}

QCoro::Task<ImapConnection::Result> ImapConnection::compress()
{
    const Command command = Command("COMPRESS").atom("DEFLATE");
    auto task = run(command, {}, Switch::Compression, true);
    co_return co_await task;
}

void ImapConnection::resumeAfterTls()
{
    m_ignoreInput = false;
    onReadyRead();
    pump();
}

QCoro::Task<ImapConnection::Result> ImapConnection::run(Command command,
                                                        ContinuationHandler onContinuation,
                                                        Switch switchAfterOk, bool exclusive)
{
    if (m_failure)
        throw *m_failure;
    auto pending = std::make_shared<Pending>();
    pending->tag = 'T' + QByteArray::number(++m_tagCounter);
    pending->chunks = command.serialize(pending->tag, m_literalMode);
    pending->command = command;
    pending->onContinuation = onContinuation;
    pending->switchAfterOk = switchAfterOk;
    pending->exclusive = exclusive || switchAfterOk != Switch::None;
    m_queue.push_back(pending);
    pump();
    auto outcome = co_await pending->done;
    if (auto *error = std::get_if<ImapError>(&outcome))
        throw *error;
    co_return std::get<Result>(std::move(outcome));
}

void ImapConnection::pump()
{
    while (!m_queue.empty() && !m_failure) {
        const auto &next = m_queue.front();
        if (m_ignoreInput)
            break; // rule: nothing is sent between STARTTLS's OK and the TLS handshake
        if (m_continuationOwner)
            break; // rule: nothing past a command that waits for "+"
        if (m_streamOwner)
            break; // rule: nothing inside a command that is still being streamed
        if (!m_inFlight.empty() && (next->exclusive || m_inFlight.back()->exclusive))
            break; // rule: exclusive commands run alone
        if (int(m_inFlight.size()) >= m_pipelineDepth)
            break;
        auto pending = next;
        m_queue.pop_front();
        m_inFlight.push_back(pending);
        sendChunks(pending);
    }
    updateTimer();
}

void ImapConnection::sendChunks(const std::shared_ptr<Pending> &pending)
{
    if (pending->nextChunk == 0)
        log(u'C', QString::fromUtf8(pending->command.logLine(pending->tag, m_debugLevel >= 2)));
    while (pending->nextChunk < pending->chunks.size()) {
        const Command::Chunk &chunk = pending->chunks.at(pending->nextChunk++);
        write(chunk.bytes);
        if (chunk.waitForContinuation) {
            m_continuationOwner = pending;
            return;
        }
    }
    // A SASL exchange goes on with "+" lines until the tagged reply.
    if (pending->onContinuation)
        m_continuationOwner = pending;
    if (pending->streaming && !pending->streamClosed)
        m_streamOwner = pending;
}

ImapConnection::StreamHandle ImapConnection::startStream(const Command &head)
{
    auto pending = std::make_shared<Pending>();
    pending->tag = 'T' + QByteArray::number(++m_tagCounter);
    pending->command = head;
    pending->chunks = {{head.head(pending->tag), false}};
    pending->streaming = true;
    pending->exclusive = true;
    if (m_failure) {
        pending->done.complete(*m_failure);
        return {pending};
    }
    m_queue.push_back(pending);
    pump();
    return {pending};
}

void ImapConnection::streamWrite(const StreamHandle &stream, QByteArrayView bytes,
                                 bool awaitContinuation)
{
    const auto &pending = stream.pending;
    if (m_failure || pending->streamClosed || bytes.isEmpty())
        return;
    const bool onTheWire = m_streamOwner == pending && m_continuationOwner != pending &&
                           pending->nextChunk == pending->chunks.size();
    if (onTheWire) {
        write(bytes.toByteArray()); // straight through
        if (awaitContinuation)
            m_continuationOwner = pending; // the rest waits for "+"
    } else {
        pending->chunks.append({bytes.toByteArray(), awaitContinuation}); // sent in its turn
    }
}

QCoro::Task<ImapConnection::Result> ImapConnection::finishStream(const StreamHandle &streamIn)
{
    const StreamHandle stream = streamIn; // copied before the first co_await
    if (!m_failure && !stream.pending->streamClosed) {
        streamWrite(stream, "\r\n");
        stream.pending->streamClosed = true;
        if (m_streamOwner == stream.pending) {
            m_streamOwner.reset();
            pump();
        }
    }
    auto outcome = co_await stream.pending->done;
    if (auto *error = std::get_if<ImapError>(&outcome))
        throw *error;
    co_return std::get<Result>(std::move(outcome));
}

void ImapConnection::setReadingPaused(bool paused)
{
    if (m_readingPaused == paused)
        return;
    m_readingPaused = paused;
    // While we do not read, the server's silence is ours: no timeout; it starts afresh on
    // resuming.
    if (paused)
        m_timer.stop();
    else
        updateTimer();
    if (!paused) // what arrived meanwhile raised no new signal
        QMetaObject::invokeMethod(this, &ImapConnection::onReadyRead, Qt::QueuedConnection);
}

bool ImapConnection::streamAnswered(const StreamHandle &stream) const
{
    return stream.pending && stream.pending->done.isComplete();
}

void ImapConnection::abandonStream(const StreamHandle &stream)
{
    if (!streamAnswered(stream) || stream.pending->streamClosed)
        return;
    stream.pending->streamClosed = true;
    if (m_continuationOwner == stream.pending)
        m_continuationOwner.reset();
    if (m_streamOwner == stream.pending) {
        m_streamOwner.reset();
        pump();
    }
}

qint64 ImapConnection::bytesToWrite() const
{
    qint64 waiting = m_device ? m_device->bytesToWrite() : 0;
    // QSslSocket counts there only what is not encrypted yet. What is encrypted and waits for
    // a slow reader piles up apart: a 100 MB message raised peak RSS by 20 MB unseen.
    if (const auto *tls = qobject_cast<const QSslSocket *>(m_device.get()))
        waiting += tls->encryptedBytesToWrite();
    for (const auto *commands : {&m_inFlight, &m_queue}) {
        for (const auto &pending : *commands) {
            if (!pending->streaming)
                continue;
            for (qsizetype i = pending->nextChunk; i < pending->chunks.size(); ++i)
                waiting += pending->chunks.at(i).bytes.size();
        }
    }
    return waiting;
}

void ImapConnection::write(const QByteArray &bytes)
{
    m_device->write(m_deflate ? m_deflate->compress(bytes) : bytes);
}

void ImapConnection::onReadyRead()
{
    if (m_failure || m_readingPaused)
        return;
    const QByteArray data = m_device->readAll();
    if (data.isEmpty())
        return;
    if (m_ignoreInput) {
        log(u'S', tr("[%1 bytes before the TLS handshake discarded]").arg(data.size()));
        return;
    }
    updateTimer();
    // Compressed input is inflated a bounded piece at a time and framed at once, so a body
    // still streams and a decompression bomb never sits in memory.
    constexpr qsizetype inflateStep = 64 * 1024;
    QByteArrayView rest = data;
    while (!m_failure && !m_ignoreInput) {
        if (m_deflate) {
            QByteArray plain;
            const qsizetype used = m_deflate->decompress(rest, &plain, inflateStep);
            if (used < 0) {
                fail(ImapError(ImapError::Kind::Protocol, m_serverName,
                               tr("corrupt compressed data")));
                return;
            }
            rest = rest.sliced(used);
            if (!plain.isEmpty() && !feedFramer(plain, nullptr))
                return;
            if ((rest.isEmpty() && plain.size() < inflateStep) || (used == 0 && plain.isEmpty()))
                break; // all input used and nothing left inside zlib, or no progress possible
        } else {
            if (rest.isEmpty())
                break;
            qsizetype consumed = 0;
            if (!feedFramer(rest, &consumed))
                return;
            // The framer stops early only when compression or TLS starts after a response;
            // the rest is then compressed, or discarded (below).
            rest = rest.sliced(consumed);
        }
    }
    if (m_ignoreInput && !rest.isEmpty())
        log(u'S', tr("[%1 bytes before the TLS handshake discarded]").arg(rest.size()));
}

bool ImapConnection::feedFramer(QByteArrayView data, qsizetype *consumed)
{
    const bool ok = m_framer.feed(
        data, [this](ResponseFrame &&frame) { handleFrame(std::move(frame)); }, consumed);
    if (!ok)
        fail(ImapError(ImapError::Kind::Protocol, m_serverName, m_framer.error().describe()));
    return ok && !m_failure;
}

QString ImapConnection::frameLogLine(const ResponseFrame &frame) const
{
    QString line;
    for (qsizetype i = 0; i < frame.lines.size(); ++i) {
        line += QString::fromUtf8(frame.lines.at(i));
        if (i < frame.literals.size())
            line += QStringLiteral("[...]");
    }
    return line;
}

void ImapConnection::handleFrame(ResponseFrame &&frame)
{
    if (m_failure)
        return; // after a protocol error nothing the server says is believed
    if (m_debugLevel > 0)
        log(u'S', frameLogLine(frame));
    ProtocolError error;
    auto response = ResponseParser::parse(frame, &error);
    if (!response) {
        fail(ImapError(ImapError::Kind::Protocol, m_serverName, error.describe()));
        return;
    }
    if (auto *continuation = std::get_if<ContinuationRequest>(&*response)) {
        handleContinuation(continuation->text);
        return;
    }
    // Noted here, not when the ENABLE's caller resumes: a pipelined SELECT's answer may follow
    // in the same read, and its EXPUNGEs must already be refused.
    if (const auto *enabled = std::get_if<EnabledData>(&*response)) {
        for (const QByteArray &extension : enabled->capabilities)
            m_qresyncEnabled =
                m_qresyncEnabled || extension.compare("QRESYNC", Qt::CaseInsensitive) == 0;
    }
    if (m_qresyncEnabled && std::holds_alternative<ExpungeData>(*response)) {
        fail(ImapError(ImapError::Kind::Protocol, m_serverName,
                       tr("the server sent EXPUNGE instead of VANISHED although QRESYNC is "
                          "enabled (RFC 7162 violation)")));
        return;
    }
    auto *status = std::get_if<StatusResponse>(&*response);
    if (status && !status->tag.isEmpty()) {
        auto it = std::find_if(m_inFlight.begin(), m_inFlight.end(),
                               [&](const auto &p) { return p->tag == status->tag; });
        if (it == m_inFlight.end()) {
            fail(ImapError(
                ImapError::Kind::Protocol, m_serverName,
                tr("reply with an unknown tag: %1").arg(QString::fromLatin1(status->tag))));
            return;
        }
        auto pending = *it;
        m_inFlight.erase(it);
        if (pending->streaming && !pending->streamClosed && m_continuationOwner == pending) {
            // Refused instead of "+": the literal it announced is not sent, nor what waits.
            pending->streamClosed = true;
            pending->chunks.resize(pending->nextChunk);
            if (m_streamOwner == pending)
                m_streamOwner.reset();
            QMetaObject::invokeMethod(
                this, [this] { Q_EMIT backlogDropped(); }, Qt::QueuedConnection);
        }
        // Answered in the middle of a non-synchronising literal (RFC 7888 §4: the server
        // still reads it to its end): the stream stays open, its writer completes that
        // literal and finishStream() ends the line, so the server's parser stays in step.
        if (m_continuationOwner == pending)
            m_continuationOwner.reset();
        pending->result.status = std::move(*status);
        if (pending->result.ok() && pending->switchAfterOk == Switch::Compression) {
            m_deflate = std::make_unique<DeflateStream>();
            m_framer.stopAfterThisResponse();
        } else if (pending->result.ok() && pending->switchAfterOk == Switch::Tls) {
            m_ignoreInput = true;
            m_framer.stopAfterThisResponse();
        }
        pending->done.complete(std::move(pending->result));
        pump();
        return;
    }
    if (!m_greeting.isComplete() && status) {
        m_greeting.complete(*status);
        return;
    }
    if (status && status->status == StatusResponse::Status::Bye)
        m_byeText = status->text;
    // Untagged data belongs to the oldest command still running, unless it names its command
    // (an ESEARCH correlator, RFC 4731): servers answer pipelined commands in order, but may
    // interleave the untagged data of commands they run at once (RFC 3501 §5.5), so callers
    // pipeline only commands whose data they can tell apart (UIDs, mailbox names).
    auto owner = m_inFlight.empty() ? nullptr : m_inFlight.front();
    if (const auto *search = std::get_if<ESearchData>(&*response);
        search && !search->tag.isEmpty()) {
        for (const auto &p : m_inFlight) {
            if (p->tag == search->tag)
                owner = p;
        }
    }
    if (owner)
        owner->result.untagged.append(*response);
    // Queued: a receiver may delete this connection, which must not happen inside the framer.
    const bool unsolicited = !owner;
    QMetaObject::invokeMethod(
        this,
        [this, unsolicited, copy = *response] {
            Q_EMIT untaggedReceived(copy);
            if (unsolicited)
                Q_EMIT unsolicitedReceived(copy);
        },
        Qt::QueuedConnection);
}

void ImapConnection::handleContinuation(const QByteArray &text)
{
    auto owner = m_continuationOwner;
    if (!owner) {
        fail(ImapError(ImapError::Kind::Protocol, m_serverName,
                       tr("unexpected continuation request")));
        return;
    }
    if (owner->nextChunk < owner->chunks.size()) {
        m_continuationOwner.reset();
        sendChunks(owner); // the rest of a synchronising literal
        pump();
        return;
    }
    if (owner->streaming) {
        // A streamed literal whose data has not arrived yet: it goes straight through now.
        m_continuationOwner.reset();
        if (!owner->streamClosed)
            m_streamOwner = owner;
        pump();
        return;
    }
    if (!owner->onContinuation) {
        fail(ImapError(ImapError::Kind::Protocol, m_serverName,
                       tr("unexpected continuation request")));
        return;
    }
    m_inContinuationHandler = true;
    const QByteArray answer = owner->onContinuation(text);
    m_inContinuationHandler = false;
    log(u'C', m_debugLevel >= 2 ? QString::fromLatin1(answer) : QStringLiteral("[REDACTED]"));
    write(answer + "\r\n");
    if (std::exchange(m_releaseAfterAnswer, false))
        releaseLogin(); // what was queued behind the exchange follows its last line
}

void ImapConnection::fail(ImapError error)
{
    if (m_failure)
        return;
    m_failure = error;
    m_timer.stop();
    m_greeting.complete(error);
    auto all = std::move(m_inFlight);
    for (auto &pending : m_queue)
        all.push_back(pending);
    m_queue.clear();
    m_continuationOwner.reset();
    m_streamOwner.reset();
    for (auto &pending : all)
        pending->done.complete(error);
    if (auto *process = qobject_cast<QProcess *>(m_device.get())) {
        process->closeWriteChannel();
        process->kill(); // a tunnel that broke the protocol gets no second chance
    } else {
        m_device->close();
    }
    QMetaObject::invokeMethod(
        this,
        [this, reason = error.describe()] {
            Q_EMIT backlogDropped();
            Q_EMIT closed(reason);
        },
        Qt::QueuedConnection);
}

void ImapConnection::abort(const QString &reason)
{
    fail(ImapError(ImapError::Kind::Connection, m_serverName, reason));
}

void ImapConnection::closeAfterWriting()
{
    if (m_failure)
        return;
    m_closingByUs = true;
    if (auto *process = qobject_cast<QProcess *>(m_device.get()))
        process->closeWriteChannel();
    else if (auto *socket = qobject_cast<QAbstractSocket *>(m_device.get()))
        socket->disconnectFromHost(); // after the buffered bytes; `disconnected` follows
    else if (auto *local = qobject_cast<QLocalSocket *>(m_device.get()))
        local->disconnectFromServer(); // the same for a socket pair (tests, in process)
    else
        abort(tr("connection closed"));
}

void ImapConnection::updateTimer()
{
    const bool waiting = (!m_inFlight.empty() || !m_greeting.isComplete()) && !m_readingPaused;
    if (m_timeout.count() > 0 && waiting && !m_failure)
        m_timer.start(m_timeout);
    else
        m_timer.stop();
}

} // namespace twinbox::imap
