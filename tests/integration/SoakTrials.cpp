#include "SoakTrials.h"

namespace twinbox::test {

SoakTrials::SoakTrials(int shortTrials)
    : m_count(qEnvironmentVariableIsSet("TWINBOX_SOAK_TRIALS")
                  ? qEnvironmentVariableIntValue("TWINBOX_SOAK_TRIALS")
                  : shortTrials)
    , m_firstSeed(qEnvironmentVariableIsSet("TWINBOX_SOAK_SEED")
                      ? quint32(qEnvironmentVariableIntValue("TWINBOX_SOAK_SEED"))
                      : 20261201)
{}

void SoakTrials::run(SyncHarness &harness, const QString &prefix, const Trial &trial)
{
    for (int number = 0; number < m_count; ++number) {
        const quint32 seed = m_firstSeed + quint32(number);
        SoakWorkload workload(harness, (prefix + QString::number(number)).toLatin1(), seed);
        const QString problem = trial(number, workload);
        m_total += workload.findings();
        if (!problem.isEmpty())
            m_failures.append(QStringLiteral("trial %1 (seed %2): %3")
                                  .arg(number)
                                  .arg(seed)
                                  .arg(problem.left(2000)));
    }
}

QString SoakTrials::summary() const
{
    return QStringLiteral("failures %1, lost %2, duplicates %3, resurrected %4, flags wrong %5, "
                          "foreign %6, %7 changes")
        .arg(m_failures.size())
        .arg(m_total.lost)
        .arg(m_total.duplicates)
        .arg(m_total.resurrected)
        .arg(m_total.flagsWrong)
        .arg(m_total.foreign)
        .arg(m_total.changes);
}

} // namespace twinbox::test
