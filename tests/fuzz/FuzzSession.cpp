// libFuzzer target over the whole client session: the input is everything a server says,
// as turns separated by "~~~": the first at once (the greeting), each next one when a line
// from the client arrived or the client stayed silent for 25 ms (so that an input whose turns
// outnumber the client's lines does not wait for the timeout), in fuzzer-chosen chunks. A loopback
// server in this process plays them to a real ImapSession that opens (greeting, capabilities,
// PREAUTH or a login), then does what one mailbox's sync does: LIST-STATUS, ENABLE QRESYNC with
// SELECT, the summary of new messages, UID STOREs and a UID EXPUNGE, LOGOUT. The server closes
// after the last turn, so each input ends quickly. Errors are the expected outcome; a crash, a
// sanitizer report, a hang or unbounded memory is a finding.
#include "imap/ImapError.h"
#include "imap/ImapSession.h"
#include "sync/ChangeWriter.h"
#include "sync/MailboxLister.h"
#include "sync/MessageSummary.h"
#include "sync/QresyncSelect.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>

using namespace twinbox;

namespace {

// The steps of a mailbox's sync, until the first that fails (ImapError: the connection is
// unusable after a protocol error, and a refusal ends the mailbox).
QCoro::Task<void> session(quint16 port)
{
    imap::ConnectionSettings settings;
    settings.name = QStringLiteral("fuzz");
    settings.type = imap::ConnectionSettings::Type::Imap;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port;
    settings.startTls = false;
    settings.username = QStringLiteral("user");
    settings.password = QStringLiteral("password");
    settings.allowPlaintextAuth = true;
    settings.timeout = std::chrono::seconds(2);
    // Every argument is a local: GCC 12 mishandles temporaries made from literals in a
    // coroutine's co_await expressions.
    const QString mailbox = QStringLiteral("INBOX");
    const QByteArray wireName = mailbox.toLatin1();
    const sync::MailboxLister::Request everything;
    const imap::SequenceSet all =
        imap::SequenceSet::fromRange(1, std::numeric_limits<std::uint32_t>::max());
    QHash<std::uint32_t, QByteArrayList> flags;
    flags.insert(1, QByteArrayList{QByteArrayLiteral("\\Seen")});
    flags.insert(2, QByteArrayList());
    const imap::SequenceSet gone = imap::SequenceSet::fromRange(3, 4);
    const std::optional<state::SideState> unknown;
    try {
        std::unique_ptr<imap::ImapSession> imap = co_await imap::ImapSession::open(settings);
        co_await sync::MailboxLister::list(*imap, everything);
        co_await sync::QresyncSelect::select(*imap, wireName, unknown, mailbox);
        co_await sync::MessageSummary::fetch(*imap, all, mailbox);
        co_await sync::ChangeWriter::storeFlags(*imap, flags, 5, mailbox);
        co_await sync::ChangeWriter::expunge(*imap, gone, mailbox);
        co_await imap->logout();
        if (qEnvironmentVariableIsSet("TWINBOX_FUZZ_VERBOSE")) // for crafting seeds
            std::fprintf(stderr, "the whole session ran\n");
    } catch (const imap::ImapError &error) {
        if (qEnvironmentVariableIsSet("TWINBOX_FUZZ_VERBOSE"))
            std::fprintf(stderr, "%s\n", error.what());
    }
}

QCoreApplication &application()
{
    // Qt's warnings about writes to a socket the fuzzed server closed are expected by the
    // thousand; they would only slow the fuzzer down and bury its report.
    static const QtMessageHandler previous = qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
            if (type == QtFatalMsg || type == QtCriticalMsg)
                previous(type, context, message);
        });
    static int argc = 1;
    static char name[] = "fuzz_session";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    return app;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    application();
    // First byte: the size of the pieces the server sends, so that every cut gets exercised.
    const qsizetype chunk = 1 + data[0] % 64;
    const QByteArray said(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);
    QList<QByteArray> turns;
    for (qsizetype from = 0;;) {
        const qsizetype to = said.indexOf("~~~", from);
        turns.append(said.mid(from, to < 0 ? -1 : to - from));
        if (to < 0)
            break;
        from = to + 3;
    }

    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    qsizetype next = 0;
    QByteArray heard;
    QTimer silence;
    silence.setSingleShot(true);
    silence.setInterval(25);
    QObject::connect(&server, &QTcpServer::newConnection, &server, [&] {
        QTcpSocket *peer = server.nextPendingConnection();
        peer->setSocketOption(QAbstractSocket::LowDelayOption, 1); // chunks go out at once
        const auto sayNext = [&, peer] {
            if (next >= turns.size() || peer->state() != QAbstractSocket::ConnectedState)
                return;
            const QByteArray &turn = turns.at(next++);
            for (qsizetype offset = 0; offset < turn.size(); offset += chunk) {
                peer->write(turn.mid(offset, chunk));
                peer->flush();
            }
            if (next == turns.size())
                peer->disconnectFromHost();
            else
                silence.start();
        };
        QObject::connect(&silence, &QTimer::timeout, peer, sayNext);
        QObject::connect(peer, &QTcpSocket::readyRead, peer, [&, peer, sayNext] {
            heard += peer->readAll();
            if (qEnvironmentVariableIsSet("TWINBOX_FUZZ_VERBOSE"))
                std::fprintf(stderr, "C: %s", heard.constData());
            for (qsizetype end; (end = heard.indexOf("\r\n")) >= 0;) {
                heard.remove(0, end + 2);
                sayNext();
            }
        });
        sayNext();
    });
    QCoro::waitFor(session(server.serverPort()));
    return 0;
}
