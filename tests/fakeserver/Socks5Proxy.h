#pragma once

#include <QObject>
#include <QTcpServer>

namespace twinbox::test {

// A minimal SOCKS5 proxy on loopback (RFC 1928, CONNECT only, no authentication or RFC 1929
// user/password) for testing the proxy setting. It records what the client asked for and
// relays bytes both ways.
class Socks5Proxy : public QObject
{
    Q_OBJECT

public:
    explicit Socks5Proxy(QObject *parent = nullptr);
    quint16 port() const { return m_server.serverPort(); }
    QString requestedHost() const { return m_requestedHost; }
    quint16 requestedPort() const { return m_requestedPort; }
    QString username() const { return m_username; }

private:
    void accept();

    QTcpServer m_server;
    QString m_requestedHost;
    quint16 m_requestedPort = 0;
    QString m_username;
};

} // namespace twinbox::test
