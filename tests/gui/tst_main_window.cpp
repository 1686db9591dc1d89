#include "MainWindow.h"

#include <QLabel>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void showsTitleAndEmptyState();
};

void TestMainWindow::showsTitleAndEmptyState()
{
    twinbox::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), QStringLiteral("Twinbox"));
    auto *label = qobject_cast<QLabel *>(window.centralWidget());
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("No account pair yet."));
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
