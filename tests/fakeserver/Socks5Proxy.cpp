#include "Socks5Proxy.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>
#include <QtEndian>

namespace twinbox::test {

Socks5Proxy::Socks5Proxy(QObject *parent)
    : QObject(parent)
{
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        qFatal("cannot listen on loopback");
    connect(&m_server, &QTcpServer::newConnection, this, &Socks5Proxy::accept);
}

void Socks5Proxy::accept()
{
    QTcpSocket *client = m_server.nextPendingConnection();
    auto *upstream = new QTcpSocket(client);
    auto buffer = std::make_shared<QByteArray>();
    auto stage = std::make_shared<int>(0); // 0 greeting, 1 user/password, 2 request, 3 relaying
    connect(client, &QTcpSocket::readyRead, this, [=, this] {
        *buffer += client->readAll();
        if (*stage == 0 && buffer->size() >= 2 && buffer->size() >= 2 + quint8(buffer->at(1))) {
            const QByteArray methods = buffer->mid(2, quint8(buffer->at(1)));
            buffer->remove(0, 2 + methods.size());
            const bool password = methods.contains('\x02');
            client->write(QByteArray("\x05", 1) + (password ? '\x02' : '\x00'));
            *stage = password ? 1 : 2;
        }
        if (*stage == 1 && buffer->size() >= 2) { // RFC 1929
            const int userLength = quint8(buffer->at(1));
            if (buffer->size() < 3 + userLength)
                return;
            const int passwordLength = quint8(buffer->at(2 + userLength));
            if (buffer->size() < 3 + userLength + passwordLength)
                return;
            m_username = QString::fromUtf8(buffer->mid(2, userLength));
            buffer->remove(0, 3 + userLength + passwordLength);
            client->write(QByteArray("\x01\x00", 2));
            *stage = 2;
        }
        if (*stage == 2 && buffer->size() >= 5) {
            const char type = buffer->at(3);
            qsizetype addressEnd = 0;
            if (type == 0x01) {
                addressEnd = 8;
                if (buffer->size() < addressEnd + 2)
                    return;
                m_requestedHost =
                    QHostAddress(qFromBigEndian<quint32>(buffer->constData() + 4)).toString();
            } else if (type == 0x03) {
                addressEnd = 5 + quint8(buffer->at(4));
                if (buffer->size() < addressEnd + 2)
                    return;
                m_requestedHost = QString::fromLatin1(buffer->mid(5, quint8(buffer->at(4))));
            } else {
                client->close();
                return;
            }
            m_requestedPort = qFromBigEndian<quint16>(buffer->constData() + addressEnd);
            buffer->remove(0, addressEnd + 2);
            *stage = 3;
            upstream->connectToHost(m_requestedHost, m_requestedPort);
            connect(upstream, &QTcpSocket::connected, client, [=] {
                client->write(QByteArray("\x05\x00\x00\x01\x7f\x00\x00\x01\x00\x00", 10));
                if (!buffer->isEmpty())
                    upstream->write(std::exchange(*buffer, {}));
            });
            connect(upstream, &QTcpSocket::readyRead, client,
                    [=] { client->write(upstream->readAll()); });
            connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            return;
        }
        if (*stage == 3 && upstream->state() == QAbstractSocket::ConnectedState)
            upstream->write(std::exchange(*buffer, {}));
    });
    connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
}

} // namespace twinbox::test
