#include "ServerWatch.h"

#include "BothSides.h"

#include <QCoroSignal>
#include <QTimer>

#include <algorithm>

namespace twinbox::sync {

using namespace imap;

namespace {

bool offers(const std::array<ImapSession *, 2> &sessions, const char *capability)
{
    return sessions[0]->capabilities().has(capability) &&
           sessions[1]->capabilities().has(capability);
}

// A response that tells of a change somewhere (RFC 5465 §5: STATUS and LIST for other
// mailboxes, EXISTS, VANISHED and FETCH for the selected one) or that events were lost.
bool announcesChange(const Response &response)
{
    if (const auto *vanished = std::get_if<VanishedData>(&response))
        return !vanished->earlier;
    if (const auto *status = std::get_if<StatusResponse>(&response))
        return status->code && status->code->name == "NOTIFICATIONOVERFLOW"; // RFC 5465 §5.8
    return std::holds_alternative<ExistsData>(response) ||
           std::holds_alternative<FetchData>(response) ||
           std::holds_alternative<ExpungeData>(response) ||
           std::holds_alternative<StatusData>(response) ||
           std::holds_alternative<ListData>(response);
}

} // namespace

ServerWatch::ServerWatch(std::array<ImapSession *, 2> sessions, bool preferNotify,
                         StoredInbox storedInbox)
    : m_sessions(sessions)
    , m_mode(preferNotify && offers(sessions, "NOTIFY") ? Mode::Notify : Mode::Idle)
    , m_storedInbox(std::move(storedInbox))
{
    for (std::size_t side = 0; side < 2; ++side) {
        ImapConnection &connection = m_sessions[side]->connection();
        connect(&connection, &ImapConnection::untaggedReceived, this,
                [this, side](const Response &response) { onUntagged(side, response); });
        connect(&connection, &ImapConnection::unsolicitedReceived, this,
                &ServerWatch::onUnsolicited);
        connect(&connection, &ImapConnection::closed, this, [this, side](const QString &reason) {
            if (!m_lost)
                m_lost = ImapError(ImapError::Kind::Connection, m_sessions[side]->name(), reason);
            wake();
        });
    }
}

QCoro::Task<void> ServerWatch::start()
{
    if (m_mode != Mode::Notify)
        co_return;
    // RFC 5465 §3, §6: the selected mailbox reports through EXISTS/VANISHED/FETCH, every
    // other personal mailbox through STATUS, LIST (created, renamed, deleted) and
    // subscription changes. FlagChange requires MessageNew and MessageExpunge (§5).
    const Command notify = Command("NOTIFY")
                               .atom("SET")
                               .open()
                               .atom("SELECTED")
                               .open()
                               .atom("MessageNew")
                               .atom("MessageExpunge")
                               .atom("FlagChange")
                               .close()
                               .close()
                               .open()
                               .atom("PERSONAL")
                               .open()
                               .atom("MessageNew")
                               .atom("MessageExpunge")
                               .atom("FlagChange")
                               .atom("MailboxName")
                               .atom("SubscriptionChange")
                               .close()
                               .close();
    auto local = m_sessions[0]->connection().executeOk(notify);
    auto remote = m_sessions[1]->connection().executeOk(notify);
    std::optional<ImapError> refused;
    try {
        co_await awaitBoth(local, remote);
    } catch (const ImapError &error) {
        if (error.kind() != ImapError::Kind::Refused)
            throw;
        refused = error; // BADEVENT, or no NOTIFY for this user after all
    }
    if (refused) {
        m_mode = Mode::Idle;
        m_notifyRefusal = refused->describe();
    }
}

QCoro::Task<ServerWatch::Wake> ServerWatch::wait(std::chrono::milliseconds intervalIn)
{
    std::chrono::milliseconds interval = intervalIn;
    if (m_stopped)
        co_return Wake::Stop;
    // RFC 2177 §3: an IDLE is renewed at least every 29 minutes, or the server may end it.
    if (m_mode == Mode::Idle)
        interval = std::min<std::chrono::milliseconds>(interval, std::chrono::minutes(25));
    if (m_notifyOverflowed) {
        // RFC 5465 §5.8: after an overflow the server sends nothing more until NOTIFY SET.
        m_notifyOverflowed = false;
        co_await start();
    }
    if (m_mode == Mode::Idle) {
        auto local = beginIdle(0);
        auto remote = beginIdle(1);
        co_await awaitBoth(local, remote);
    } else {
        // NOOP (RFC 3501 §6.1.2): the connections are alive, and whatever our own last
        // commands brought back has been delivered before listening starts.
        auto local = m_sessions[0]->connection().executeOk(Command("NOOP"));
        auto remote = m_sessions[1]->connection().executeOk(Command("NOOP"));
        co_await awaitBoth(local, remote);
    }
    m_listening = true;
    m_woken = false;
    if (!m_changed && !m_stopped && !m_lost) {
        QTimer timer;
        timer.setSingleShot(true);
        connect(&timer, &QTimer::timeout, this, &ServerWatch::wake);
        auto woke = qCoro(this, &ServerWatch::woken);
        timer.start(interval);
        co_await woke;
    }
    m_listening = false;
    if (m_lost) {
        for (std::size_t side = 0; side < 2; ++side) {
            if (m_idle[side].pending)
                m_sessions[side]->connection().setTimeout(m_timeouts[side]);
        }
        throw *m_lost; // the caller drops both connections: an IDLE may still be open
    }
    if (m_mode == Mode::Idle) {
        auto local = endIdle(0);
        auto remote = endIdle(1);
        co_await awaitBoth(local, remote);
    }
    co_return m_stopped ? Wake::Stop : m_changed ? Wake::Change : Wake::Interval;
}

void ServerWatch::stop()
{
    m_stopped = true;
    wake();
}

void ServerWatch::requestSync()
{
    m_changed = true;
    wake();
}

void ServerWatch::wake()
{
    // Once per wait: the awaiting side takes one queued emission, and a second one posted
    // before the first was delivered would reach it after it is gone.
    if (!m_listening || m_woken)
        return;
    m_woken = true;
    Q_EMIT woken();
}

QCoro::Task<void> ServerWatch::beginIdle(std::size_t side)
{
    ImapSession &session = *m_sessions[side];
    m_idle[side] = {};
    if (!session.capabilities().has("IDLE"))
        co_return; // that server is polled only
    // EXAMINE (RFC 3501 §6.3.2): read-only, so nothing the watch does can change the mailbox.
    const auto examined =
        co_await session.select(Command("EXAMINE").astring("INBOX"), QStringLiteral("INBOX"));
    // INBOX as the server has it now, against what the last sync stored: mail that came
    // after INBOX was synced, before this EXAMINE, would wake nobody.
    state::SideState now;
    for (const Response &response : examined.untagged) {
        if (const auto *exists = std::get_if<ExistsData>(&response))
            m_exists[side] = exists->count;
        const auto *status = std::get_if<StatusResponse>(&response);
        if (!status || !status->code)
            continue;
        if (status->code->kind == ResponseCode::Kind::UidValidity)
            now.uidValidity = std::uint32_t(status->code->number);
        else if (status->code->kind == ResponseCode::Kind::UidNext)
            now.uidNext = std::uint32_t(status->code->number);
        else if (status->code->kind == ResponseCode::Kind::HighestModSeq)
            now.highestModSeq = status->code->number;
    }
    const auto stored = m_storedInbox ? m_storedInbox(state::Side(side)) : std::nullopt;
    if (stored && (stored->uidValidity != now.uidValidity || stored->uidNext != now.uidNext ||
                   stored->highestModSeq != now.highestModSeq))
        m_changed = true;
    // IDLE (RFC 2177 §3) is a command that ends when the client sends DONE: it is written as
    // a stream, whose "+" continuation the connection awaits. A server may stay silent for
    // as long as it idles, so the silence timeout rests until DONE.
    m_timeouts[side] = session.connection().timeout();
    session.connection().setTimeout(std::chrono::milliseconds(0));
    m_idle[side] = session.connection().startStream(Command("IDLE"));
    session.connection().streamWrite(m_idle[side], "\r\n", true);
}

QCoro::Task<void> ServerWatch::endIdle(std::size_t side)
{
    ImapSession &session = *m_sessions[side];
    if (!m_idle[side].pending)
        co_return;
    session.connection().setTimeout(m_timeouts[side]); // a dead connection shows now
    const auto idle = m_idle[side];
    m_idle[side] = {};
    // A server may end an IDLE on its own (RFC 2177 §3); a DONE after that would be a
    // command of its own, and a bad one.
    if (session.connection().streamAnswered(idle))
        session.connection().abandonStream(idle);
    else
        session.connection().streamWrite(idle, "DONE");
    const auto result = co_await session.connection().finishStream(idle);
    if (!result.ok())
        throw ImapError(ImapError::Kind::Refused, session.name(),
                        tr("IDLE failed: %1").arg(QString::fromUtf8(result.status.text)),
                        QStringLiteral("INBOX"));
    // UNSELECT (RFC 3687) leaves no mailbox selected; CLOSE on a read-only mailbox expunges
    // nothing (RFC 3501 §6.4.2).
    co_await session.connection().executeOk(
        Command(session.capabilities().has("UNSELECT") ? "UNSELECT" : "CLOSE"));
}

void ServerWatch::onUntagged(std::size_t side, const Response &response)
{
    if (!m_listening)
        return;
    bool change = false;
    if (const auto *exists = std::get_if<ExistsData>(&response))
        change = m_mode == Mode::Notify || exists->count != m_exists[side];
    else if (const auto *status = std::get_if<StatusResponse>(&response)) {
        if (status->status == StatusResponse::Status::Bye && !m_lost) {
            // RFC 3501 §7.1.5: the server is about to close (a restart, an idle limit).
            m_lost = ImapError(ImapError::Kind::Connection, m_sessions[side]->name(),
                               tr("the server is closing the connection: %1")
                                   .arg(QString::fromUtf8(status->text)));
            wake();
            return;
        }
        change = announcesChange(response);
        m_notifyOverflowed = m_notifyOverflowed || (change && m_mode == Mode::Notify);
    } else {
        change = announcesChange(response);
    }
    if (change) {
        m_changed = true;
        wake();
    }
}

// NOTIFY events that come while a sync runs, between its commands: that sync may already be
// past the mailbox they concern, so the next wait returns at once.
void ServerWatch::onUnsolicited(const Response &response)
{
    if (m_mode != Mode::Notify || m_listening || !announcesChange(response))
        return;
    m_changed = true;
    if (const auto *status = std::get_if<StatusResponse>(&response); status && status->code)
        m_notifyOverflowed = true;
}

} // namespace twinbox::sync
