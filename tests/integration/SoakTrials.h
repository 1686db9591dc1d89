#pragma once

#include "SoakWorkload.h"

#include <QStringList>

#include <functional>

namespace twinbox::test {

class SyncHarness;

// The trials of a soak: how many (TWINBOX_SOAK_TRIALS, else the short version CI runs) and
// their seeds (trial N uses TWINBOX_SOAK_SEED + N, to replay a failure), each on a workload
// of its own mailbox; the findings totalled and the failures listed for the summary line.
class SoakTrials
{
public:
    // One trial on `workload`; empty when the invariant held, otherwise what went wrong.
    using Trial = std::function<QString(int number, SoakWorkload &workload)>;

    explicit SoakTrials(int shortTrials);

    int count() const { return m_count; }
    quint32 firstSeed() const { return m_firstSeed; }
    // Runs every trial on mailbox `prefix` + N of `harness`.
    void run(SyncHarness &harness, const QString &prefix, const Trial &trial);

    // "failures F, lost L, duplicates D, resurrected R, flags wrong W, foreign X, C changes"
    QString summary() const;
    // One entry per failed trial: its number, seed and problem.
    const QStringList &failures() const { return m_failures; }

private:
    int m_count;
    quint32 m_firstSeed;
    SoakWorkload::Findings m_total;
    QStringList m_failures;
};

} // namespace twinbox::test
