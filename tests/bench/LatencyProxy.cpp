#include "LatencyProxy.h"

#include <QMetaObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <deque>

namespace twinbox::bench {

using Clock = std::chrono::steady_clock;

// One direction of one connection: chunks wait until they are due, then are written.
struct Lane
{
    QPointer<QTcpSocket> to; // gone once that end closed
    std::deque<std::pair<Clock::time_point, QByteArray>> queue;
    QTimer timer;
    bool closeWhenEmpty = false;

    void flush()
    {
        const auto now = Clock::now();
        if (!to) {
            queue.clear();
            return;
        }
        while (!queue.empty() && queue.front().first <= now) {
            to->write(queue.front().second);
            queue.pop_front();
        }
        if (!queue.empty())
            timer.start(int(
                std::chrono::ceil<std::chrono::milliseconds>(queue.front().first - now).count()));
        else if (closeWhenEmpty)
            to->disconnectFromHost();
    }
};

class LatencyProxy::Listener : public QObject
{
public:
    Listener(quint16 target, std::chrono::milliseconds oneWay)
        : m_target(target)
        , m_oneWay(oneWay)
    {}

    quint16 listen()
    {
        m_server = new QTcpServer(this);
        m_server->listen(QHostAddress::LocalHost, 0);
        connect(m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server->nextPendingConnection())
                relay(client);
        });
        return m_server->serverPort();
    }

    Counts take()
    {
        QMutexLocker lock(&m_mutex);
        Counts counts = m_counts;
        m_counts = {};
        return counts;
    }

private:
    void relay(QTcpSocket *client)
    {
        client->setParent(this);
        auto *server = new QTcpSocket(this);
        client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        server->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        auto up = std::make_shared<Lane>();
        auto down = std::make_shared<Lane>();
        up->to = server;
        down->to = client;
        for (const auto &lane : {up, down}) {
            lane->timer.setSingleShot(true);
            lane->timer.setTimerType(Qt::PreciseTimer);
            connect(&lane->timer, &QTimer::timeout, this, [lane] { lane->flush(); });
        }
        auto serverSpoke = std::make_shared<bool>(true); // the connect itself is one turn
        auto pass = [this](Lane &lane, const QByteArray &bytes) {
            if (m_oneWay.count() == 0) {
                lane.to->write(bytes);
                return;
            }
            lane.queue.emplace_back(Clock::now() + m_oneWay, bytes);
            if (!lane.timer.isActive())
                lane.flush();
        };
        {
            QMutexLocker lock(&m_mutex);
            ++m_counts.connections;
        }
        // Until the server's end is connected, the client's bytes wait in its socket.
        connect(server, &QTcpSocket::connected, this, [client] { Q_EMIT client->readyRead(); });
        connect(client, &QTcpSocket::readyRead, this, [=, this] {
            if (server->state() != QAbstractSocket::ConnectedState)
                return;
            const QByteArray bytes = client->readAll();
            if (bytes.isEmpty())
                return;
            {
                QMutexLocker lock(&m_mutex);
                if (m_counts.firstClientByte == Clock::duration{})
                    m_counts.firstClientByte = Clock::now().time_since_epoch();
                m_counts.bytesUp += bytes.size();
                if (*serverSpoke)
                    ++m_counts.clientTurns;
            }
            *serverSpoke = false;
            pass(*up, bytes);
        });
        connect(server, &QTcpSocket::readyRead, this, [=, this] {
            const QByteArray bytes = server->readAll();
            {
                QMutexLocker lock(&m_mutex);
                m_counts.bytesDown += bytes.size();
            }
            *serverSpoke = true;
            pass(*down, bytes);
        });
        // A close travels with the same delay as the data before it.
        auto closeAfter = [](const std::shared_ptr<Lane> &lane) {
            lane->closeWhenEmpty = true;
            if (!lane->timer.isActive())
                lane->flush();
        };
        connect(client, &QTcpSocket::disconnected, this, [=] { closeAfter(up); });
        connect(server, &QTcpSocket::disconnected, this, [=] { closeAfter(down); });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(server, &QTcpSocket::disconnected, server, &QObject::deleteLater);
        server->connectToHost(QHostAddress::LocalHost, m_target);
    }

    quint16 m_target;
    std::chrono::milliseconds m_oneWay;
    QTcpServer *m_server = nullptr;
    QMutex m_mutex;
    Counts m_counts;
};

LatencyProxy::LatencyProxy(quint16 targetPort, std::chrono::milliseconds oneWay)
{
    m_listener = new Listener(targetPort, oneWay);
    m_listener->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_listener, [this] { m_port = m_listener->listen(); }, Qt::BlockingQueuedConnection);
}

LatencyProxy::~LatencyProxy()
{
    QMetaObject::invokeMethod(m_listener, &QObject::deleteLater);
    m_thread.quit();
    m_thread.wait();
}

LatencyProxy::Counts LatencyProxy::take()
{
    return m_listener->take();
}

} // namespace twinbox::bench
