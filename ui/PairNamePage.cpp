#include "PairNamePage.h"

#include "config/PairProfile.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace twinbox {

PairNamePage::PairNamePage(const QString &name, const QStringList &takenNames, bool editing,
                           QWidget *parent)
    : QWizardPage(parent)
    , m_name(new QLineEdit(name, this))
    , m_problem(new QLabel(this))
    , m_takenNames(takenNames)
    , m_editing(editing)
{
    setTitle(editing ? tr("Edit the account pair") : tr("Name the account pair"));
    setSubTitle(tr("Twinbox keeps two mail accounts identical in both directions. The name "
                   "tells this pair apart from the others."));
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setAccessibleName(tr("Pair name"));
    m_name->setPlaceholderText(tr("e.g. Home and work"));
    m_name->setReadOnly(editing);
    m_problem->setObjectName(QStringLiteral("nameProblem"));
    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("Problem with the name"));

    auto *layout = new QFormLayout(this);
    layout->addRow(tr("Na&me:"), m_name);
    layout->addRow(m_problem);
    connect(m_name, &QLineEdit::textChanged, this, &PairNamePage::update);
    update();
}

QString PairNamePage::name() const
{
    return m_name->text();
}

QString PairNamePage::problem() const
{
    const QString name = m_name->text();
    if (QString problem = config::PairProfile::nameProblem(name); !problem.isEmpty())
        return problem;
    if (!m_editing && m_takenNames.contains(name, Qt::CaseInsensitive))
        return tr("There is already a pair named \"%1\".").arg(name);
    return QString();
}

bool PairNamePage::isComplete() const
{
    return problem().isEmpty();
}

void PairNamePage::update()
{
    // An empty field is not an error yet: say nothing until something was typed.
    m_problem->setText(m_name->text().isEmpty() ? QString() : problem());
    emit completeChanged();
}

} // namespace twinbox
