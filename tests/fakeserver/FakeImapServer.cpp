#include "FakeImapServer.h"

#include "imap/DeflateStream.h"

#include <sys/socket.h>

namespace twinbox::test {

FakeImapServer::FakeImapServer(QByteArrayList script, QObject *parent)
    : QObject(parent)
    , m_script(std::move(script))
    , m_client(std::make_unique<QLocalSocket>())
{
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        qFatal("socketpair failed");
    m_server.setSocketDescriptor(fds[0]);
    m_client->setSocketDescriptor(fds[1]);
    connect(&m_server, &QLocalSocket::readyRead, this, &FakeImapServer::onReadyRead);
    play();
}

FakeImapServer::~FakeImapServer() = default;

std::unique_ptr<QIODevice> FakeImapServer::takeClientDevice()
{
    return std::move(m_client);
}

void FakeImapServer::send(const QByteArray &bytes)
{
    m_server.write(m_deflate ? m_deflate->compress(bytes) : bytes);
    m_server.flush();
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
            m_server.disconnectFromServer();
        } else if (line.startsWith("C: ")) {
            return; // wait for the client
        } else {
            qFatal("bad script line: %s", line.constData());
        }
        ++m_next;
    }
}

void FakeImapServer::onReadyRead()
{
    QByteArray data = m_server.readAll();
    if (m_deflate) {
        QByteArray plain;
        m_deflate->decompress(data, &plain);
        data = plain;
    }
    m_buffer += data;
    qsizetype end;
    while ((end = m_buffer.indexOf("\r\n")) >= 0 && m_failure.isEmpty()) {
        const QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + 2);
        m_received.append(line);
        if (m_next >= m_script.size() || !m_script.at(m_next).startsWith("C: ")) {
            m_failure = QStringLiteral("unexpected client line: %1").arg(QString::fromLatin1(line));
            return;
        }
        const QByteArray expected = m_script.at(m_next).mid(3);
        if (line != expected) {
            m_failure = QStringLiteral("client sent «%1», script expects «%2»")
                            .arg(QString::fromLatin1(line), QString::fromLatin1(expected));
            return;
        }
        ++m_next;
        play();
    }
}

} // namespace twinbox::test
