#pragma once

#include "state/StateStore.h"

#include <QAbstractTableModel>

namespace twinbox {

// Conflicts, refused messages and pending decisions of one pair, newest first, as the state
// database holds them (so they survive a restart): snapshots sent by the pair's worker.
class IssueListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // Message: its subject and sender (the date and full address in the tooltip).
    enum Column { Time, Mailbox, Message, WhatHappened, Count };
    static constexpr int IssueIdRole = Qt::UserRole + 1;
    static constexpr int NeedsDecisionRole = Qt::UserRole + 2; // an open "mailbox-gone"
    static constexpr int InternalNameRole = Qt::UserRole + 3;

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const state::IssueRecord &issue(int row) const { return m_issues.at(row); }
    int openCount() const;

public Q_SLOTS:
    void setIssues(const QList<twinbox::state::IssueRecord> &issues);

private:
    QString whatHappened(const state::IssueRecord &issue) const;

    QList<state::IssueRecord> m_issues;
};

} // namespace twinbox
