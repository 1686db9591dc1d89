#include "MainWindow.h"

#include "ActivityLogFilter.h"
#include "ActivityLogModel.h"
#include "PairListModel.h"
#include "ProgressBarDelegate.h"
#include "TimeText.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace twinbox {

using Activity = sync::PairState::Activity;

namespace {

QTableView *tableView(QAbstractItemModel *model, const QString &accessibleName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setAccessibleName(accessibleName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}

} // namespace

MainWindow::MainWindow(PairListModel *pairs, ActivityLogModel *log, QWidget *parent)
    : QMainWindow(parent)
    , m_pairs(pairs)
    , m_log(log)
    , m_logFilter(new ActivityLogFilter(this))
{
    setWindowTitle(tr("Twinbox"));
    m_logFilter->setSourceModel(log);
    createActions();

    // No pair yet: one sentence and the way forward.
    auto *empty = new QWidget(this);
    auto *emptyLayout = new QVBoxLayout(empty);
    auto *emptyText = new QLabel(tr("No account pair yet."), empty);
    emptyText->setObjectName(QStringLiteral("emptyText"));
    emptyText->setAlignment(Qt::AlignCenter);
    auto *addFirst = new QPushButton(tr("Add an account pair…"), empty);
    addFirst->setAccessibleName(tr("Add an account pair"));
    connect(addFirst, &QPushButton::clicked, this, &MainWindow::addRequested);
    emptyLayout->addStretch();
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(addFirst, 0, Qt::AlignCenter);
    emptyLayout->addStretch();

    auto *splitter = new QSplitter(this);
    m_pairView = new QTreeView(splitter);
    m_pairView->setModel(pairs);
    m_pairView->setRootIsDecorated(false);
    m_pairView->setAccessibleName(tr("Account pairs"));
    m_pairView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_pairView->addAction(m_remove);
    auto *details = new QWidget(splitter);
    auto *detailsLayout = new QVBoxLayout(details);
    m_pairTitle = new QLabel(details);
    m_pairTitle->setTextFormat(Qt::PlainText);
    QFont titleFont = m_pairTitle->font();
    titleFont.setBold(true);
    m_pairTitle->setFont(titleFont);
    m_tabs = new QTabWidget(details);
    m_tabs->addTab(createMailboxTab(), tr("&Mailboxes"));
    m_tabs->addTab(createIssueTab(), tr("&Conflicts and issues"));
    m_tabs->addTab(createActivityTab(), tr("A&ctivity"));
    detailsLayout->addWidget(m_pairTitle);
    detailsLayout->addWidget(m_tabs);
    splitter->addWidget(m_pairView);
    splitter->addWidget(details);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({400, 700});
    m_pairView->header()->setSectionResizeMode(PairListModel::Name, QHeaderView::Stretch);
    m_pairView->header()->setStretchLastSection(false);
    for (int column :
         {int(PairListModel::State), int(PairListModel::LastSync), int(PairListModel::NextSync)})
        m_pairView->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(empty);
    m_stack->addWidget(splitter);
    setCentralWidget(m_stack);

    connect(m_pairView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showPair(m_pairs->controller(current.row())); });
    auto pairsChanged = [this] {
        m_stack->setCurrentIndex(m_pairs->rowCount() == 0 ? 0 : 1);
        const QString shown = m_logPair->currentData().toString(); // kept when still there
        m_logPair->clear();
        m_logPair->addItem(tr("All pairs"), QString());
        for (const PairController *controller : m_pairs->controllers())
            m_logPair->addItem(controller->name(), controller->name());
        m_logPair->setCurrentIndex(std::max(0, m_logPair->findData(shown)));
        if (!m_current && m_pairs->rowCount() > 0)
            m_pairView->setCurrentIndex(m_pairs->index(0, 0));
        updateActions();
    };
    connect(pairs, &QAbstractItemModel::rowsInserted, this, pairsChanged);
    connect(pairs, &QAbstractItemModel::rowsRemoved, this, pairsChanged);
    connect(pairs, &QAbstractItemModel::dataChanged, this, [this] {
        updateActions();
        updateTitle();
    });
    pairsChanged();
    resize(980, 620);
}

void MainWindow::createActions()
{
    auto action = [this](const QString &text, const QKeySequence &shortcut, auto slot) {
        auto *created = new QAction(text, this);
        created->setShortcut(shortcut);
        created->setToolTip(text + QStringLiteral(" (") +
                            shortcut.toString(QKeySequence::NativeText) + u')');
        connect(created, &QAction::triggered, this, slot);
        return created;
    };
    m_syncNow = action(tr("Sync now"), QKeySequence(Qt::Key_F5), [this] {
        if (m_current)
            m_current->syncNow();
    });
    m_pause = action(tr("Pause"), QKeySequence(Qt::CTRL | Qt::Key_P), [this] {
        if (!m_current)
            return;
        if (m_current->state().activity == Activity::Paused)
            m_current->resume();
        else
            m_current->pause();
    });
    m_add = action(tr("Add…"), QKeySequence::New, [this] { Q_EMIT addRequested(); });
    m_edit = action(tr("Edit…"), QKeySequence(Qt::CTRL | Qt::Key_E), [this] {
        if (m_current)
            Q_EMIT editRequested(m_current->name());
    });
    m_remove = action(tr("Remove…"), QKeySequence::Delete, [this] {
        if (m_current)
            Q_EMIT removeRequested(m_current->name());
    });
    m_settings = action(tr("Settings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma),
                        [this] { Q_EMIT settingsRequested(); });
    auto *toolbar = addToolBar(tr("Main toolbar"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setAccessibleName(tr("Main toolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (QAction *each : {m_syncNow, m_pause, m_add, m_edit, m_remove, m_settings})
        toolbar->addAction(each);
    // Delete removes a pair only where the pairs are (not in the issue list, for instance),
    // and asks first.
    m_remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
}

QWidget *MainWindow::createMailboxTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *overallRow = new QHBoxLayout;
    m_overall = new QProgressBar(tab);
    m_overall->setRange(0, 1000);
    m_overall->setAccessibleName(tr("Overall progress"));
    m_overall->setFormat(QStringLiteral("%p%"));
    m_eta = new QLabel(tab);
    overallRow->addWidget(m_overall, 1);
    overallRow->addWidget(m_eta);
    layout->addLayout(overallRow);
    m_mailboxView = tableView(nullptr, tr("Mailboxes of the selected pair"), tab);
    m_mailboxView->setItemDelegateForColumn(
        MailboxProgressModel::Progress,
        new ProgressBarDelegate(MailboxProgressModel::FractionRole, m_mailboxView));
    m_mailboxView->horizontalHeader()->setMinimumSectionSize(60);
    m_mailboxView->horizontalHeader()->setDefaultSectionSize(200);
    layout->addWidget(m_mailboxView);
    return tab;
}

QWidget *MainWindow::createIssueTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    m_issueView = tableView(nullptr, tr("Conflicts and issues of the selected pair"), tab);
    m_issueView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_issueView->horizontalHeader()->setDefaultSectionSize(150);
    layout->addWidget(m_issueView);
    auto *buttons = new QHBoxLayout;
    m_deleteThere = new QPushButton(tr("Delete the mailbox on the other side too"), tab);
    m_recreate = new QPushButton(tr("Create the mailbox again"), tab);
    m_acknowledge = new QPushButton(tr("Mark as seen"), tab);
    for (QPushButton *button : {m_deleteThere, m_recreate, m_acknowledge})
        buttons->addWidget(button);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(m_deleteThere, &QPushButton::clicked, this,
            [this] { decideOnSelectedIssue(int(sync::PairWorker::Decision::DeleteOtherSide)); });
    connect(m_recreate, &QPushButton::clicked, this,
            [this] { decideOnSelectedIssue(int(sync::PairWorker::Decision::Recreate)); });
    connect(m_acknowledge, &QPushButton::clicked, this, &MainWindow::acknowledgeSelectedIssues);
    return tab;
}

QWidget *MainWindow::createActivityTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *filters = new QHBoxLayout;
    m_logPair = new QComboBox(tab);
    m_logPair->setAccessibleName(tr("Show the activity of"));
    m_logLevel = new QComboBox(tab);
    m_logLevel->setAccessibleName(tr("Lowest level shown"));
    using Severity = sync::SyncMessage::Severity;
    m_logLevel->addItem(tr("Errors"), int(Severity::Error));
    m_logLevel->addItem(tr("Warnings and errors"), int(Severity::Warning));
    m_logLevel->addItem(tr("Everything"), int(Severity::Info));
    m_logLevel->addItem(tr("Everything with the protocol"), int(Severity::Debug));
    m_logLevel->setCurrentIndex(2);
    filters->addWidget(m_logPair);
    filters->addWidget(m_logLevel);
    filters->addStretch();
    layout->addLayout(filters);
    auto *view = tableView(m_logFilter, tr("Activity log"), tab);
    layout->addWidget(view);
    connect(m_logPair, &QComboBox::currentIndexChanged, this,
            [this] { m_logFilter->setPair(m_logPair->currentData().toString()); });
    connect(m_logLevel, &QComboBox::currentIndexChanged, this, [this] {
        const auto severity = Severity(m_logLevel->currentData().toInt());
        m_logFilter->setMinimumSeverity(severity);
        Q_EMIT protocolLogRequested(severity == Severity::Debug);
    });
    connect(m_logFilter, &QAbstractItemModel::rowsInserted, view, &QTableView::scrollToBottom);
    return tab;
}

void MainWindow::showPair(PairController *controller)
{
    if (m_current) {
        disconnect(m_current->mailboxes(), nullptr, this, nullptr);
        disconnect(m_current->issues(), nullptr, this, nullptr);
    }
    m_current = controller;
    // setModel() makes a new selection model and leaves the old one to its caller.
    QItemSelectionModel *oldMailboxSelection = m_mailboxView->selectionModel();
    QItemSelectionModel *oldIssueSelection = m_issueView->selectionModel();
    m_mailboxView->setModel(controller ? controller->mailboxes() : nullptr);
    m_issueView->setModel(controller ? controller->issues() : nullptr);
    delete oldMailboxSelection;
    delete oldIssueSelection;
    // Section modes belong to the model's columns: set again for each model.
    if (controller) {
        QHeaderView *mailboxHeader = m_mailboxView->horizontalHeader();
        mailboxHeader->setSectionResizeMode(QHeaderView::ResizeToContents);
        mailboxHeader->setSectionResizeMode(MailboxProgressModel::Progress, QHeaderView::Fixed);
        mailboxHeader->resizeSection(MailboxProgressModel::Progress, 200);
        QHeaderView *issueHeader = m_issueView->horizontalHeader();
        issueHeader->setSectionResizeMode(QHeaderView::Interactive);
        for (int column : {int(IssueListModel::Time), int(IssueListModel::Mailbox)})
            issueHeader->setSectionResizeMode(column, QHeaderView::ResizeToContents);
        // What happened takes the rest; the message gets a readable share.
        issueHeader->resizeSection(IssueListModel::Message, 260);
    }
    if (controller) {
        connect(controller->mailboxes(), &MailboxProgressModel::overallChanged, this,
                &MainWindow::updateOverall);
        connect(m_issueView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &MainWindow::updateActions);
        // A new snapshot resets the list and its selection without a selectionChanged().
        connect(controller->issues(), &QAbstractItemModel::modelReset, this,
                &MainWindow::updateActions);
    }
    updateTitle();
    updateOverall();
    updateActions();
}

void MainWindow::updateTitle()
{
    if (!m_current) {
        m_pairTitle->clear();
        return;
    }
    const sync::PairState &state = m_current->state();
    QString title = m_current->name() + QStringLiteral(" — ") + PairListModel::activityText(state);
    if (state.activity == Activity::Error && !state.error.isEmpty())
        title += QStringLiteral(": ") + state.error;
    if (state.openIssues > 0)
        title += QStringLiteral(" · ") + tr("%n open issue(s)", nullptr, state.openIssues);
    if (state.nextSync.isValid())
        title += QStringLiteral(" · ") + tr("next sync at %1").arg(shortTime(state.nextSync));
    m_pairTitle->setText(title);
}

void MainWindow::selectPair(const QString &name)
{
    const int row = m_pairs->rowOf(name);
    if (row >= 0)
        m_pairView->setCurrentIndex(m_pairs->index(row, 0));
}

PairController *MainWindow::currentPair() const
{
    return m_current;
}

void MainWindow::updateOverall()
{
    const MailboxProgressModel *model = m_current ? m_current->mailboxes() : nullptr;
    m_overall->setValue(model ? int(model->overallFraction() * 1000) : 0);
    const auto left = model ? model->secondsLeft() : std::nullopt;
    m_eta->setText(!left              ? QString()
                   : *left < 60       ? tr("less than a minute left")
                   : *left < 2 * 3600 ? tr("about %n minute(s) left", nullptr, int(*left / 60))
                                      : tr("about %n hour(s) left", nullptr, int(*left / 3600)));
}

void MainWindow::updateActions()
{
    const bool selected = m_current;
    const bool paused = selected && m_current->state().activity == Activity::Paused;
    for (QAction *each : {m_syncNow, m_pause, m_edit, m_remove})
        each->setEnabled(selected);
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    bool decision = false;
    bool any = false;
    if (m_issueView->selectionModel()) {
        for (const QModelIndex &row : m_issueView->selectionModel()->selectedRows()) {
            any = true;
            decision = decision || row.data(IssueListModel::NeedsDecisionRole).toBool();
        }
    }
    m_deleteThere->setEnabled(decision);
    m_recreate->setEnabled(decision);
    m_acknowledge->setEnabled(any);
}

void MainWindow::decideOnSelectedIssue(int decision)
{
    if (!m_current)
        return;
    for (const QModelIndex &row : m_issueView->selectionModel()->selectedRows()) {
        if (row.data(IssueListModel::NeedsDecisionRole).toBool())
            m_current->decide(row.data(IssueListModel::InternalNameRole).toByteArray(),
                              sync::PairWorker::Decision(decision));
    }
}

void MainWindow::acknowledgeSelectedIssues()
{
    if (!m_current)
        return;
    for (const QModelIndex &row : m_issueView->selectionModel()->selectedRows())
        m_current->acknowledge(row.data(IssueListModel::IssueIdRole).toLongLong());
}

void MainWindow::setKeepsRunningInTray(bool inTray)
{
    m_inTray = inTray;
    if (!inTray)
        statusBar()->showMessage(tr("This desktop has no system tray: closing the window quits "
                                    "Twinbox, and syncing stops until it is started again."));
    else
        statusBar()->clearMessage();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_inTray) {
        event->accept(); // the application quits with its last window
        return;
    }
    event->ignore();
    hide();
    Q_EMIT hiddenToTray();
}

} // namespace twinbox
