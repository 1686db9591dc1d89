#include "FakeImapServer.h"

#include "imap/DeflateStream.h"

#include <QTcpSocket>

#include <sys/socket.h>

namespace twinbox::test {

FakeImapServer::FakeImapServer(QByteArrayList script, Mode mode, QObject *parent)
    : QObject(parent)
    , m_script(std::move(script))
{
    if (mode == Mode::LoopbackTcp) {
        m_listener = std::make_unique<QTcpServer>();
        if (!m_listener->listen(QHostAddress::LocalHost, 0))
            qFatal("cannot listen on loopback");
        connect(m_listener.get(), &QTcpServer::newConnection, this, [this] {
            if (m_peer)
                return; // one client per script
            attach(std::unique_ptr<QIODevice>(m_listener->nextPendingConnection()));
        });
        return;
    }
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        qFatal("socketpair failed");
    auto server = std::make_unique<QLocalSocket>();
    server->setSocketDescriptor(fds[0]);
    m_client = std::make_unique<QLocalSocket>();
    m_client->setSocketDescriptor(fds[1]);
    attach(std::move(server));
}

FakeImapServer::~FakeImapServer() = default;

void FakeImapServer::attach(std::unique_ptr<QIODevice> peer)
{
    m_peer = std::move(peer);
    m_peer->setParent(nullptr);
    connect(m_peer.get(), &QIODevice::readyRead, this, &FakeImapServer::onReadyRead);
    connect(m_peer.get(), &QIODevice::readChannelFinished, this, &FakeImapServer::onClientClosed);
    if (auto *tcp = qobject_cast<QTcpSocket *>(m_peer.get()))
        connect(tcp, &QTcpSocket::disconnected, this, &FakeImapServer::onClientClosed);
    else if (auto *local = qobject_cast<QLocalSocket *>(m_peer.get()))
        connect(local, &QLocalSocket::disconnected, this, &FakeImapServer::onClientClosed);
    play();
}

std::unique_ptr<QIODevice> FakeImapServer::takeClientDevice()
{
    return std::move(m_client);
}

quint16 FakeImapServer::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

void FakeImapServer::send(const QByteArray &bytes)
{
    m_peer->write(m_deflate ? m_deflate->compress(bytes) : bytes);
}

void FakeImapServer::play()
{
    while (m_next < m_script.size() && m_failure.isEmpty()) {
        const QByteArray &line = m_script.at(m_next);
        if (line.startsWith("S: ")) {
            send(line.mid(3) + "\r\n");
        } else if (line == "Z") {
            m_deflate = std::make_unique<imap::DeflateStream>();
        } else if (line == "X") {
            m_peer->close();
        } else if (line.startsWith("C: ") || line.startsWith("C^ ") || line == "E") {
            return; // wait for the client
        } else if (line.startsWith("P: ")) {
            m_pausing = true;
            ++m_next;
            QTimer::singleShot(line.mid(3).toInt(), this, [this] {
                m_pausing = false;
                play();
            });
            return;
        } else {
            qFatal("bad script line: %s", line.constData());
        }
        ++m_next;
    }
}

void FakeImapServer::onClientClosed()
{
    if (m_next < m_script.size() && m_script.at(m_next) == "E") {
        ++m_next;
        play();
    }
}

void FakeImapServer::onReadyRead()
{
    QByteArray data = m_peer->readAll();
    if (m_deflate) {
        QByteArray plain;
        QByteArrayView rest = data;
        for (;;) {
            QByteArray piece;
            const qsizetype used = m_deflate->decompress(rest, &piece, 64 * 1024);
            if (used < 0) {
                m_failure = QStringLiteral("corrupt compressed data from the client");
                m_peer->close();
                return;
            }
            plain += piece;
            rest = rest.sliced(used);
            if ((rest.isEmpty() && piece.size() < 64 * 1024) || (used == 0 && piece.isEmpty()))
                break;
        }
        data = plain;
    }
    m_buffer += data;
    qsizetype end;
    while ((end = m_buffer.indexOf("\r\n")) >= 0 && m_failure.isEmpty()) {
        const QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + 2);
        m_received.append(line);
        if (m_pausing) {
            m_failure = QStringLiteral("client sent «%1» before the server answered")
                            .arg(QString::fromLatin1(line));
            m_peer->close();
            return;
        }
        const bool prefix = m_next < m_script.size() && m_script.at(m_next).startsWith("C^ ");
        if (m_next >= m_script.size() || (!m_script.at(m_next).startsWith("C: ") && !prefix)) {
            m_failure = QStringLiteral("unexpected client line: %1").arg(QString::fromLatin1(line));
            m_peer->close(); // the client fails now instead of waiting for an answer
            return;
        }
        const QByteArray expected = m_script.at(m_next).mid(3);
        if (prefix ? !line.startsWith(expected) : line != expected) {
            m_failure = QStringLiteral("client sent «%1», script expects «%2»")
                            .arg(QString::fromLatin1(line), QString::fromLatin1(expected));
            m_peer->close();
            return;
        }
        ++m_next;
        play();
    }
}

} // namespace twinbox::test
