#include "PairWizard.h"

#include "AccountPage.h"
#include "MailboxSelectionPage.h"
#include "PairNamePage.h"
#include "SchedulePage.h"

namespace twinbox {

PairWizard::PairWizard(const QStringList &takenNames, QWidget *parent)
    : PairWizard(config::PairProfile(), takenNames, false, parent)
{}

PairWizard::PairWizard(const config::PairProfile &profile, QWidget *parent)
    : PairWizard(profile, {}, true, parent)
{}

PairWizard::PairWizard(const config::PairProfile &profile, const QStringList &takenNames,
                       bool editing, QWidget *parent)
    : QWizard(parent)
    , m_original(profile)
    , m_editing(editing)
    , m_namePage(new PairNamePage(profile.name, takenNames, editing, this))
    , m_localPage(new AccountPage(PairSide::Local, profile.local, this))
    , m_remotePage(new AccountPage(PairSide::Remote, profile.remote, this))
    , m_mailboxPage(new MailboxSelectionPage(m_localPage, m_remotePage, profile.mailboxes,
                                             profile.includePatterns, profile.excludePatterns,
                                             this))
    , m_schedulePage(new SchedulePage(profile.intervalMinutes, profile.push, this))
{
    setWindowTitle(editing ? tr("Edit Account Pair") : tr("Add Account Pair"));
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(NamePageId, m_namePage);
    setPage(LocalPageId, m_localPage);
    setPage(RemotePageId, m_remotePage);
    setPage(MailboxPageId, m_mailboxPage);
    setPage(SchedulePageId, m_schedulePage);
    // Room for a connection test's findings and a certificate without scrolling.
    resize(660, 640);
}

AccountPage *PairWizard::accountPage(PairSide side) const
{
    return side == PairSide::Local ? m_localPage : m_remotePage;
}

config::PairProfile PairWizard::profile() const
{
    config::PairProfile profile = m_original; // keeps what the wizard does not show
    profile.name = m_editing ? m_original.name : m_namePage->name();
    profile.local = m_localPage->account();
    profile.remote = m_remotePage->account();
    profile.mailboxes = m_mailboxPage->mailboxes();
    profile.includePatterns = m_mailboxPage->includePatterns();
    profile.excludePatterns = m_mailboxPage->excludePatterns();
    profile.intervalMinutes = m_schedulePage->intervalMinutes();
    profile.push = m_schedulePage->push();
    return profile;
}

QString PairWizard::password(PairSide side) const
{
    return accountPage(side)->password();
}

void PairWizard::setPassword(PairSide side, const QString &password)
{
    accountPage(side)->setPassword(password);
}

} // namespace twinbox
