#pragma once

#include "PairSide.h"
#include "config/PairProfile.h"

#include <QWizard>

namespace twinbox {

class AccountPage;
class MailboxSelectionPage;
class PairNamePage;
class SchedulePage;

// Adds or edits an account pair: name, the two accounts (each with "Test connection"), the
// mailboxes, the schedule. It only collects: the caller saves profile() in the PairStore and
// the passwords in the keychain.
class PairWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { NamePageId, LocalPageId, RemotePageId, MailboxPageId, SchedulePageId };

    // A new pair; its name must differ from takenNames.
    explicit PairWizard(const QStringList &takenNames, QWidget *parent = nullptr);
    // Editing `profile`: every field is filled in, the name is fixed.
    explicit PairWizard(const config::PairProfile &profile, QWidget *parent = nullptr);

    bool isEditing() const { return m_editing; }
    config::PairProfile profile() const;
    // What was typed; empty when nothing was (when editing: keep the stored password).
    QString password(PairSide side) const;
    // Prefills a password (editing, read from the keychain by the caller).
    void setPassword(PairSide side, const QString &password);

    PairNamePage *namePage() const { return m_namePage; }
    AccountPage *accountPage(PairSide side) const;
    MailboxSelectionPage *mailboxPage() const { return m_mailboxPage; }
    SchedulePage *schedulePage() const { return m_schedulePage; }

private:
    PairWizard(const config::PairProfile &profile, const QStringList &takenNames, bool editing,
               QWidget *parent);

    config::PairProfile m_original;
    bool m_editing;
    PairNamePage *m_namePage;
    AccountPage *m_localPage;
    AccountPage *m_remotePage;
    MailboxSelectionPage *m_mailboxPage;
    SchedulePage *m_schedulePage;
};

} // namespace twinbox
