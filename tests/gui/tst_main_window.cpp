// The window without servers: its empty state, its actions and their shortcuts, and the
// accessible names a screen reader announces.
#include "ActivityLogModel.h"
#include "MainWindow.h"
#include "PairListModel.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace twinbox;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void emptyStateLeadsToAddingAPair();
    void actionsHaveShortcutsAndNeedASelectedPair();
    void everyInputHasAnAccessibleName();
};

void TestMainWindow::emptyStateLeadsToAddingAPair()
{
    PairListModel pairs;
    ActivityLogModel log;
    MainWindow window(&pairs, &log);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), QStringLiteral("Twinbox"));
    auto *text = window.findChild<QLabel *>(QStringLiteral("emptyText"));
    QVERIFY(text && text->isVisible());
    QCOMPARE(text->text(), QStringLiteral("No account pair yet."));
    QSignalSpy add(&window, &MainWindow::addRequested);
    QPushButton *button = nullptr;
    for (QPushButton *each : window.findChildren<QPushButton *>()) {
        if (each->isVisible() && each->text().startsWith(QStringLiteral("Add")))
            button = each;
    }
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(add.size(), 1);
    // The keyboard way: Ctrl+N.
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(add.size(), 2);
}

void TestMainWindow::actionsHaveShortcutsAndNeedASelectedPair()
{
    PairListModel pairs;
    ActivityLogModel log;
    MainWindow window(&pairs, &log);
    for (QAction *action : {window.syncNowAction(), window.pauseAction(), window.addAction(),
                            window.editAction(), window.removeAction(), window.settingsAction()})
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
    // Without a pair, only adding and the settings make sense.
    QVERIFY(!window.syncNowAction()->isEnabled());
    QVERIFY(!window.pauseAction()->isEnabled());
    QVERIFY(!window.editAction()->isEnabled());
    QVERIFY(!window.removeAction()->isEnabled());
    QVERIFY(window.addAction()->isEnabled());
    QVERIFY(window.settingsAction()->isEnabled());
    QCOMPARE(window.tabs()->count(), 3);
}

void TestMainWindow::everyInputHasAnAccessibleName()
{
    PairListModel pairs;
    ActivityLogModel log;
    MainWindow window(&pairs, &log);
    window.show();
    const QList<QWidget *> widgets = window.findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        const bool input = widget->inherits("QAbstractItemView") || widget->inherits("QComboBox") ||
                           widget->inherits("QProgressBar");
        if (!input || widget->inherits("QHeaderView") ||
            widget->parentWidget()->inherits("QComboBox"))
            continue;
        QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
    }
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
