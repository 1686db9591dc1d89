#pragma once

#include <QStringList>
#include <QWizardPage>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace twinbox {

class AccountPage;

// Which mailboxes the pair syncs: a tree of both servers' mailboxes with checkboxes (read by
// the accounts' connection tests, run here when they have not been), plus include patterns
// (IMAP LIST patterns) and exclude patterns (shell-style), one per line. Everything ticked,
// or nothing ticked, means every mailbox, including the ones created later.
class MailboxSelectionPage : public QWizardPage
{
    Q_OBJECT

public:
    MailboxSelectionPage(AccountPage *local, AccountPage *remote, const QStringList &mailboxes,
                         const QStringList &includePatterns, const QStringList &excludePatterns,
                         QWidget *parent = nullptr);

    void initializePage() override;

    // The ticked mailboxes (display names, '/' between levels); empty for "all".
    QStringList mailboxes() const;
    QStringList includePatterns() const;
    QStringList excludePatterns() const;
    // Every mailbox in the tree, in tree order.
    QStringList listedMailboxes() const;
    // Ticks or unticks one mailbox by its display name; false when it is not in the tree.
    bool setTicked(const QString &mailbox, bool ticked);

signals:
    // The tree was rebuilt from the servers' lists.
    void mailboxesListed();

private:
    void rebuild();
    void setAll(bool ticked);
    QTreeWidgetItem *itemFor(const QString &mailbox, bool create);
    QList<QTreeWidgetItem *> mailboxItems() const;

    AccountPage *m_local;
    AccountPage *m_remote;
    QLabel *m_status;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_include;
    QPlainTextEdit *m_exclude;
    QStringList m_initialTicks; // the pair's mailboxes when it is edited (empty: all)
    bool m_serversListed = false;
    bool m_shown = false; // initializePage() ran: the tree follows the tests from then on
};

} // namespace twinbox
