#pragma once

#include <QMutex>
#include <QThread>

#include <chrono>
#include <memory>

namespace twinbox::bench {

// A TCP relay on loopback that adds latency and counts: what arrives from either end is
// passed on after `oneWay` (half the added round trip), in its own thread so that the
// benchmark may block while a client runs. This kernel has no netem, hence user space.
// It sees TLS records only, so it counts what needs no plaintext: connections, bytes, the
// client's turns (a client write that follows data from the server: one round trip for a
// client that waits for each answer) and when the first byte of a client arrived.
class LatencyProxy
{
public:
    struct Counts
    {
        int connections = 0;
        qint64 clientTurns = 0;
        qint64 bytesUp = 0;   // client to server
        qint64 bytesDown = 0; // server to client
        // steady_clock time of the first client byte since the last take(); 0: none yet
        std::chrono::steady_clock::duration firstClientByte{};
    };

    LatencyProxy(quint16 targetPort, std::chrono::milliseconds oneWay);
    ~LatencyProxy();
    LatencyProxy(const LatencyProxy &) = delete;
    LatencyProxy &operator=(const LatencyProxy &) = delete;

    quint16 port() const { return m_port; }
    // The counts since the last call, which starts new ones.
    Counts take();

    class Relay; // per connection, in the proxy's thread
    class Listener;

private:
    QThread m_thread;
    Listener *m_listener = nullptr; // lives in m_thread
    quint16 m_port = 0;
};

} // namespace twinbox::bench
