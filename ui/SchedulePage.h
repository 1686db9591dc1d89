#pragma once

#include <QWizardPage>

class QCheckBox;
class QSpinBox;

namespace twinbox {

// When the pair syncs: every N minutes, and as soon as a server announces a change (NOTIFY or
// IDLE) when "push" is on.
class SchedulePage : public QWizardPage
{
    Q_OBJECT

public:
    SchedulePage(int intervalMinutes, bool push, QWidget *parent = nullptr);

    int intervalMinutes() const;
    bool push() const;

private:
    QSpinBox *m_interval;
    QCheckBox *m_push;
};

} // namespace twinbox
