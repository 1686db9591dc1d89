#include "MailboxSelectionPage.h"

#include "AccountPage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace twinbox {

namespace {

constexpr int NameRole = Qt::UserRole;
constexpr int IsMailboxRole = Qt::UserRole + 1; // false: only a level above real mailboxes

QStringList linesOf(const QPlainTextEdit *edit)
{
    QStringList lines;
    for (const QString &line : edit->toPlainText().split(u'\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    }
    return lines;
}

QPlainTextEdit *patternEdit(const QString &objectName, const QString &accessibleName,
                            const QStringList &patterns, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(patterns.join(u'\n'), parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setTabChangesFocus(true);
    edit->setMaximumHeight(edit->fontMetrics().lineSpacing() * 3 + 2 * edit->frameWidth() + 8);
    return edit;
}

} // namespace

MailboxSelectionPage::MailboxSelectionPage(AccountPage *local, AccountPage *remote,
                                           const QStringList &mailboxes,
                                           const QStringList &includePatterns,
                                           const QStringList &excludePatterns, QWidget *parent)
    : QWizardPage(parent)
    , m_local(local)
    , m_remote(remote)
    , m_status(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_include(patternEdit(QStringLiteral("includePatterns"),
                            tr("Also sync mailboxes matching these patterns"), includePatterns,
                            this))
    , m_exclude(patternEdit(QStringLiteral("excludePatterns"),
                            tr("Never sync mailboxes matching these patterns"), excludePatterns,
                            this))
    , m_initialTicks(mailboxes)
{
    setTitle(tr("Mailboxes"));
    setSubTitle(tr("Tick the mailboxes to keep identical. Leave all of them ticked to sync "
                   "every mailbox, including the ones created later."));
    m_status->setObjectName(QStringLiteral("mailboxStatus"));
    m_status->setWordWrap(true);
    m_tree->setObjectName(QStringLiteral("mailboxTree"));
    m_tree->setAccessibleName(tr("Mailboxes to sync"));
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(1);
    auto *tickAll = new QPushButton(tr("Tick &all"), this);
    tickAll->setAccessibleName(tr("Tick all mailboxes"));
    auto *untickAll = new QPushButton(tr("&Untick all"), this);
    untickAll->setAccessibleName(tr("Untick all mailboxes"));
    for (QPushButton *button : {tickAll, untickAll})
        button->setAutoDefault(false);
    connect(tickAll, &QPushButton::clicked, this, [this] { setAll(true); });
    connect(untickAll, &QPushButton::clicked, this, [this] { setAll(false); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(tickAll);
    buttons->addWidget(untickAll);
    buttons->addStretch();
    auto *includeLabel = new QLabel(
        tr("Also &include mailboxes matching (one per line, * and % as wildcards):"), this);
    includeLabel->setBuddy(m_include);
    includeLabel->setWordWrap(true);
    auto *excludeLabel =
        new QLabel(tr("&Exclude mailboxes matching (one per line, e.g. Spam or Archive/*):"), this);
    excludeLabel->setBuddy(m_exclude);
    excludeLabel->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);
    layout->addWidget(includeLabel);
    layout->addWidget(m_include);
    layout->addWidget(excludeLabel);
    layout->addWidget(m_exclude);

    for (AccountPage *page : {m_local, m_remote})
        connect(page, &AccountPage::testFinished, this, [this] {
            if (m_shown)
                rebuild();
        });
}

void MailboxSelectionPage::initializePage()
{
    // The tests the user ran already listed the mailboxes; a side not tested yet is asked now,
    // in the background, and the tree grows when it answers.
    for (AccountPage *page : {m_local, m_remote}) {
        if (!page->report() && !page->isTesting())
            page->testConnection();
    }
    m_shown = true;
    rebuild();
}

QTreeWidgetItem *MailboxSelectionPage::itemFor(const QString &mailbox, bool create)
{
    QTreeWidgetItem *parent = nullptr;
    QStringList path;
    for (const QString &level : mailbox.split(u'/')) {
        path.append(level);
        const QString name = path.join(u'/');
        QTreeWidgetItem *found = nullptr;
        const int count = parent ? parent->childCount() : m_tree->topLevelItemCount();
        for (int i = 0; i < count && !found; ++i) {
            QTreeWidgetItem *child = parent ? parent->child(i) : m_tree->topLevelItem(i);
            if (child->data(0, NameRole).toString() == name)
                found = child;
        }
        if (!found) {
            if (!create)
                return nullptr;
            found = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
            found->setText(0, level);
            found->setData(0, NameRole, name);
            found->setData(0, IsMailboxRole, false);
            found->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        }
        parent = found;
    }
    return parent;
}

void MailboxSelectionPage::rebuild()
{
    // What the user ticked so far survives a rebuild; a new mailbox starts as the pair says.
    QHash<QString, bool> ticked;
    for (QTreeWidgetItem *item : mailboxItems())
        ticked.insert(item->data(0, NameRole).toString(), item->checkState(0) == Qt::Checked);

    QStringList names;
    QStringList problems;
    int listed = 0;
    bool waiting = false;
    for (AccountPage *page : {m_local, m_remote}) {
        waiting = waiting || page->isTesting();
        const auto &report = page->report();
        if (report && report->loggedIn) {
            ++listed;
            for (const QString &name : report->mailboxes) {
                if (!names.contains(name))
                    names.append(name);
            }
        } else if (report) {
            problems.append(page->title() + QStringLiteral(": ") + report->error);
        }
    }
    m_serversListed = listed > 0;
    for (const QString &name : m_initialTicks) {
        if (!names.contains(name))
            names.append(name);
    }
    // INBOX first, the rest in alphabetical order (the servers' orders differ).
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        const bool aInbox = a.compare(QStringLiteral("INBOX"), Qt::CaseInsensitive) == 0;
        const bool bInbox = b.compare(QStringLiteral("INBOX"), Qt::CaseInsensitive) == 0;
        if (aInbox != bInbox)
            return aInbox;
        return a.localeAwareCompare(b) < 0;
    });

    m_tree->clear();
    for (const QString &name : names) {
        QTreeWidgetItem *item = itemFor(name, true);
        item->setData(0, IsMailboxRole, true);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        const bool on = ticked.contains(name)
                            ? ticked.value(name)
                            : m_initialTicks.isEmpty() || m_initialTicks.contains(name);
        item->setCheckState(0, on ? Qt::Checked : Qt::Unchecked);
    }
    m_tree->expandAll();

    if (waiting)
        m_status->setText(tr("Reading the list of mailboxes…"));
    else if (!problems.isEmpty())
        m_status->setText(tr("Some mailboxes may be missing from this list: %1")
                              .arg(problems.join(QStringLiteral("; "))));
    else if (listed == 0)
        m_status->setText(tr("Test the connections to see the mailboxes of both accounts."));
    else
        m_status->clear();
    emit mailboxesListed();
}

QList<QTreeWidgetItem *> MailboxSelectionPage::mailboxItems() const
{
    QList<QTreeWidgetItem *> items;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, IsMailboxRole).toBool())
            items.append(*it);
    }
    return items;
}

QStringList MailboxSelectionPage::listedMailboxes() const
{
    QStringList names;
    for (QTreeWidgetItem *item : mailboxItems())
        names.append(item->data(0, NameRole).toString());
    return names;
}

bool MailboxSelectionPage::setTicked(const QString &mailbox, bool ticked)
{
    QTreeWidgetItem *item = itemFor(mailbox, false);
    if (!item || !item->data(0, IsMailboxRole).toBool())
        return false;
    item->setCheckState(0, ticked ? Qt::Checked : Qt::Unchecked);
    return true;
}

void MailboxSelectionPage::setAll(bool ticked)
{
    for (QTreeWidgetItem *item : mailboxItems())
        item->setCheckState(0, ticked ? Qt::Checked : Qt::Unchecked);
}

QStringList MailboxSelectionPage::mailboxes() const
{
    QStringList ticked;
    const QList<QTreeWidgetItem *> items = mailboxItems();
    for (QTreeWidgetItem *item : items) {
        if (item->checkState(0) == Qt::Checked)
            ticked.append(item->data(0, NameRole).toString());
    }
    // Everything ticked means "all" only when the tree shows what the servers have; otherwise
    // it shows the pair's own list and that list is the answer.
    if (ticked.size() == items.size() && m_serversListed)
        return {};
    return ticked;
}

QStringList MailboxSelectionPage::includePatterns() const
{
    return linesOf(m_include);
}

QStringList MailboxSelectionPage::excludePatterns() const
{
    return linesOf(m_exclude);
}

} // namespace twinbox
