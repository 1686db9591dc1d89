#include "MessageCopier.h"

#include "imap/ResponseParser.h"

#include <QIODevice>

#include <vector>

namespace twinbox::sync {

using namespace imap;

namespace {

// Receives the FETCH bodies and writes them into the APPEND on the target as they arrive.
class StreamingAppend : public BodySink
{
public:
    StreamingAppend(ImapSession &source, ImapSession &target, QByteArray mailbox, bool multiAppend,
                    const MessageCopier::Options &options)
        : m_source(source)
        , m_target(target)
        , m_mailbox(std::move(mailbox))
        , m_multiAppend(multiAppend)
        , m_literalPlus(target.capabilities().has("LITERAL+"))
        , m_options(options)
    {
        m_watch = QObject::connect(&m_target.connection(), &ImapConnection::backlogWritten,
                                   &m_target.connection(), [this] { relieve(); });
        // What waited may also go unwritten (refused literal, lost connection): reading
        // must resume then too, or the source would wait forever.
        m_dropWatch = QObject::connect(&m_target.connection(), &ImapConnection::backlogDropped,
                                       &m_target.connection(), [this] { relieve(); });
    }
    ~StreamingAppend() override
    {
        QObject::disconnect(m_watch);
        QObject::disconnect(m_dropWatch);
        m_source.connection().setReadingPaused(false);
    }

    void bodyBegin(const ResponseFrame &partial, qint64 size) override
    {
        ProtocolError parseError;
        const auto fetch = ResponseParser::parsePartialFetch(partial, &parseError);
        if (!fetch || !fetch->uid || !fetch->flags || !fetch->internalDate) {
            // The APPEND needs flags and date before the body; a server that sends them after
            // it is not supported yet (that would need spooling).
            m_error = MessageCopier::tr(
                "the server sent a message body before its UID, FLAGS and INTERNALDATE");
            m_source.connection().abort(m_error);
            return;
        }
        if (!m_stream.pending || !m_multiAppend || m_target.connection().streamAnswered(m_stream)) {
            finishStream();
            m_stream =
                m_target.connection().startStream(Command("APPEND").astring(m_mailbox)); // RFC 3502
            m_streamFirst = m_copied.size();
        }
        QByteArrayList flags;
        for (const QByteArray &flag : *fetch->flags) {
            if (flag.compare("\\Recent", Qt::CaseInsensitive) != 0) // the server's, not settable
                flags.append(flag);
        }
        MessageCopier::Copied copied{*fetch->uid, 0, 0, flags, *fetch->internalDate, size};
        m_copied.append(copied);
        // RFC 3502 append-message: SP flag-list SP date-time SP literal; non-synchronising
        // with LITERAL+ (RFC 7888), otherwise the body waits for the server's "+".
        const QByteArray header = " (" + flags.join(' ') + ") \"" +
                                  Command::formatDateTime(*fetch->internalDate) + "\" {" +
                                  QByteArray::number(size) + (m_literalPlus ? "+}\r\n" : "}\r\n");
        m_target.connection().streamWrite(m_stream, header, !m_literalPlus);
        m_inBody = true;
    }
    void bodyData(QByteArrayView chunk) override
    {
        if (!m_error.isEmpty())
            return;
        m_target.connection().streamWrite(m_stream, chunk);
        // A stream already answered or a closed connection writes nothing more: no reason
        // to wait for it.
        if (m_target.connection().bytesToWrite() > m_options.pauseAbove &&
            !m_target.connection().streamAnswered(m_stream) && m_target.connection().isOpen())
            m_source.connection().setReadingPaused(true);
    }
    void bodyEnd() override { m_inBody = false; }

    // Waits for every APPEND and keeps what each one that succeeded copied.
    QCoro::Task<MessageCopier::Result> finish(const QString &displayIn,
                                              const std::optional<ImapError> &failureIn)
    {
        const QString displayName = displayIn; // copies before the first co_await
        std::optional<ImapError> failure = failureIn;
        if (m_inBody) {
            // The source stopped in the middle of a body: that APPEND cannot be completed, so
            // the target connection is given up. APPENDs answered before keep their answer
            // (a completion's first outcome stands); those not yet answered fail.
            m_target.connection().abort(
                MessageCopier::tr("the source stopped in the middle of a message"));
        } else {
            finishStream();
        }
        MessageCopier::Result result;
        for (auto &stream : m_streams) {
            std::optional<ImapError> problem;
            try {
                const ImapConnection::Result reply = co_await stream.task;
                if (!reply.ok()) {
                    const QString reason = QString::fromUtf8(reply.status.text);
                    for (qsizetype i = 0; i < stream.count; ++i)
                        result.refused.append(
                            {m_copied.at(stream.first + i).sourceUid, reason, stream.count});
                } else if (!reply.status.code ||
                           reply.status.code->kind != ResponseCode::Kind::AppendUid)
                    problem = ImapError(ImapError::Kind::Capability, m_target.name(),
                                        MessageCopier::tr("APPEND without APPENDUID (UIDPLUS)"),
                                        displayName);
                else if (reply.status.code->uids.count() != std::uint64_t(stream.count))
                    problem = ImapError(ImapError::Kind::Protocol, m_target.name(),
                                        MessageCopier::tr("APPENDUID names %1 UIDs for %2 messages")
                                            .arg(reply.status.code->uids.count())
                                            .arg(stream.count),
                                        displayName);
                else {
                    // APPENDUID lists the new UIDs in the order of the appended messages.
                    const QList<std::uint32_t> uids = reply.status.code->uids.toList();
                    for (qsizetype i = 0; i < stream.count; ++i) {
                        MessageCopier::Copied copied = m_copied.at(stream.first + i);
                        copied.targetUid = uids.at(i);
                        copied.targetUidValidity = reply.status.code->uidValidity;
                        result.copied.append(copied);
                    }
                }
            } catch (const ImapError &error) {
                problem = error;
            }
            if (problem && !failure)
                failure = problem;
        }
        if (!m_error.isEmpty() && !failure)
            failure = ImapError(ImapError::Kind::Protocol, m_source.name(), m_error, displayName);
        result.failure = failure;
        co_return result;
    }

private:
    void relieve()
    {
        if (m_target.connection().bytesToWrite() < m_options.resumeBelow ||
            m_target.connection().streamAnswered(m_stream) || !m_target.connection().isOpen())
            m_source.connection().setReadingPaused(false);
    }

    ImapSession &m_source;
    ImapSession &m_target;
    QByteArray m_mailbox;
    bool m_multiAppend;
    bool m_literalPlus;
    MessageCopier::Options m_options;
    QMetaObject::Connection m_watch;
    QMetaObject::Connection m_dropWatch;
    ImapConnection::StreamHandle m_stream;
    struct Stream
    {
        QCoro::Task<ImapConnection::Result> task;
        qsizetype first = 0; // its messages in m_copied
        qsizetype count = 0;
    };

    void finishStream()
    {
        if (!m_stream.pending)
            return;
        m_streams.push_back({m_target.connection().finishStream(m_stream), m_streamFirst,
                             m_copied.size() - m_streamFirst});
        m_stream = {};
    }

    std::vector<Stream> m_streams;
    qsizetype m_streamFirst = 0;
    bool m_inBody = false;
    QList<MessageCopier::Copied> m_copied;
    QString m_error;
};

} // namespace

QCoro::Task<MessageCopier::Result>
MessageCopier::copy(ImapSession &source, const SequenceSet &uidsIn, ImapSession &target,
                    const QByteArray &mailboxIn, const QString &displayIn, const Options &optionsIn)
{
    // Copies before the first co_await.
    const SequenceSet uids = uidsIn;
    const QByteArray mailbox = mailboxIn;
    const QString displayName = displayIn;
    const Options options = optionsIn;
    StreamingAppend sink(source, target, mailbox,
                         options.multiAppend && target.capabilities().has("MULTIAPPEND"), options);
    source.connection().setBodySink(&sink);
    std::vector<QCoro::Task<ImapConnection::Result>> fetches;
    for (const SequenceSet &part : uids.split(8000)) {
        const Command fetch = Command("UID FETCH") // RFC 3501 §6.4.8
                                  .atom(part.toByteArray())
                                  .open()
                                  .atom("UID")
                                  .atom("FLAGS")
                                  .atom("INTERNALDATE")
                                  .atom("BODY.PEEK[]")
                                  .close();
        fetches.push_back(source.connection().executeOk(fetch, displayName));
    }
    std::optional<ImapError> failure;
    try {
        for (auto &fetch : fetches)
            co_await fetch;
    } catch (const ImapError &error) {
        failure = error;
    }
    source.connection().setBodySink(nullptr);
    co_return co_await sink.finish(displayName, failure);
}

} // namespace twinbox::sync
