#include "MainWindow.h"

#include <QLabel>

namespace twinbox {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Twinbox"));
    auto *placeholder = new QLabel(tr("No account pair yet."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    resize(720, 480);
}

} // namespace twinbox
