#pragma once

#include <QMainWindow>
#include <QPointer>

class QAction;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTreeView;

namespace twinbox {

class ActivityLogFilter;
class ActivityLogModel;
class PairController;
class PairListModel;

// The application's main window. It only assembles widgets over models: the pairs' list,
// the selected pair's mailboxes, issues and the activity log. Commands on the selected pair
// go to its controller; adding, editing, removing pairs and the settings are signalled to
// whoever owns the pairs (TwinboxApp).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(PairListModel *pairs, ActivityLogModel *log, QWidget *parent = nullptr);

    PairController *currentPair() const;
    void selectPair(const QString &name);
    // With a tray, closing hides the window (hiddenToTray() is emitted); without one it is
    // the end of the program, and the window says so.
    void setKeepsRunningInTray(bool inTray);

    // For tests and accessibility checks.
    QAction *syncNowAction() const { return m_syncNow; }
    QAction *pauseAction() const { return m_pause; }
    QAction *addAction() const { return m_add; }
    QAction *editAction() const { return m_edit; }
    QAction *removeAction() const { return m_remove; }
    QAction *settingsAction() const { return m_settings; }
    QTabWidget *tabs() const { return m_tabs; }
    QTableView *mailboxView() const { return m_mailboxView; }
    QTableView *issueView() const { return m_issueView; }
    QProgressBar *overallBar() const { return m_overall; }

Q_SIGNALS:
    void addRequested();
    void editRequested(const QString &pair);
    void removeRequested(const QString &pair);
    void settingsRequested();
    void hiddenToTray();
    // The activity log asks for the IMAP traffic (or no longer does).
    void protocolLogRequested(bool on);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *createMailboxTab();
    QWidget *createIssueTab();
    QWidget *createActivityTab();
    void createActions();
    void showPair(PairController *controller);
    void updateActions();
    void updateOverall();
    void updateTitle();
    void decideOnSelectedIssue(int decision);
    void acknowledgeSelectedIssues();

    PairListModel *m_pairs;
    ActivityLogModel *m_log;
    ActivityLogFilter *m_logFilter;
    QPointer<PairController> m_current;
    bool m_inTray = false;

    QStackedWidget *m_stack;
    QTreeView *m_pairView;
    QLabel *m_pairTitle;
    QTabWidget *m_tabs;
    QProgressBar *m_overall;
    QLabel *m_eta;
    QTableView *m_mailboxView;
    QTableView *m_issueView;
    QPushButton *m_deleteThere;
    QPushButton *m_recreate;
    QPushButton *m_acknowledge;
    QComboBox *m_logPair;
    QComboBox *m_logLevel;
    QAction *m_syncNow;
    QAction *m_pause;
    QAction *m_add;
    QAction *m_edit;
    QAction *m_remove;
    QAction *m_settings;
};

} // namespace twinbox
