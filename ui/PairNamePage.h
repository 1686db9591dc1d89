#pragma once

#include <QStringList>
#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace twinbox {

// The pair's name: checked as the user types (PairProfile::nameProblem, and not the name of
// another pair). When a pair is edited its name is shown but fixed: it keys the keychain
// entries and the state database.
class PairNamePage : public QWizardPage
{
    Q_OBJECT

public:
    PairNamePage(const QString &name, const QStringList &takenNames, bool editing,
                 QWidget *parent = nullptr);

    QString name() const;
    // Why the current name cannot be used, or an empty string.
    QString problem() const;
    bool isComplete() const override;

private:
    void update();

    QLineEdit *m_name;
    QLabel *m_problem;
    QStringList m_takenNames;
    bool m_editing;
};

} // namespace twinbox
