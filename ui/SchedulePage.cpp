#include "SchedulePage.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QSpinBox>

namespace twinbox {

SchedulePage::SchedulePage(int intervalMinutes, bool push, QWidget *parent)
    : QWizardPage(parent)
    , m_interval(new QSpinBox(this))
    , m_push(new QCheckBox(tr("Sync as soon as a server &announces a change"), this))
{
    setTitle(tr("Schedule"));
    setSubTitle(tr("How often Twinbox syncs this pair while it runs."));
    m_interval->setObjectName(QStringLiteral("interval"));
    m_interval->setAccessibleName(tr("Minutes between syncs"));
    m_interval->setRange(1, 24 * 60);
    m_interval->setSuffix(tr(" min"));
    m_interval->setValue(intervalMinutes);
    m_push->setObjectName(QStringLiteral("push"));
    m_push->setAccessibleName(tr("Sync as soon as a server announces a change"));
    m_push->setToolTip(tr("Works with servers that offer NOTIFY or IDLE; the others are "
                          "synced on schedule."));
    m_push->setChecked(push);

    auto *layout = new QFormLayout(this);
    layout->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    layout->addRow(tr("Sync &every:"), m_interval);
    layout->addRow(m_push);
}

int SchedulePage::intervalMinutes() const
{
    return m_interval->value();
}

bool SchedulePage::push() const
{
    return m_push->isChecked();
}

} // namespace twinbox
