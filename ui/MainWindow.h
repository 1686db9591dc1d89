#pragma once

#include <QMainWindow>

namespace twinbox {

// The application's main window. It only assembles widgets; the account pairs, their state
// and the sync engine arrive through models (see DESIGN.md, "Architecture").
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace twinbox
