// The per-mailbox table's verdicts at the end of a run (MailboxProgressModel::syncFinished).
#include "MailboxProgressModel.h"

#include <QTest>

using twinbox::MailboxProgressModel;
using namespace twinbox::sync;

class TestMailboxProgressModel : public QObject
{
    Q_OBJECT

private slots:
    void mailboxTakenAheadAndLeftIsNotSyncedThisTime();
};

void TestMailboxProgressModel::mailboxTakenAheadAndLeftIsNotSyncedThisTime()
{
    // INBOX synced; Work taken to be selected ahead (its first phase shown) when the run
    // stopped; Lists never reached. Work is as unsynced as Lists, not left "Opening".
    MailboxProgressModel model;
    model.syncStarted();
    model.mailboxList(
        {{QStringLiteral("INBOX"), QStringLiteral("Work"), QStringLiteral("Lists")}, u'/'});
    model.progress({QStringLiteral("INBOX"), SyncProgress::Phase::Selecting, 0, 0, 0, 0, {}});
    model.progress({QStringLiteral("Work"), SyncProgress::Phase::Selecting, 0, 0, 0, 0, {}});
    model.mailboxDone({QStringLiteral("INBOX"), 0, 1, 0, 0});
    SyncTotals totals;
    totals.interrupted = true;
    model.syncFinished(totals);
    const auto phase = [&](int row) {
        return model.data(model.index(row, MailboxProgressModel::Phase)).toString();
    };
    QCOMPARE(phase(0), QStringLiteral("Done"));
    QCOMPARE(phase(1), QStringLiteral("Not synced this time"));
    QCOMPARE(phase(2), QStringLiteral("Not synced this time"));
}

QTEST_GUILESS_MAIN(TestMailboxProgressModel)
#include "tst_mailbox_progress_model.moc"
