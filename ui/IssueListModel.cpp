#include "IssueListModel.h"

#include "TimeText.h"
#include "sync/MailboxName.h"

#include <QFont>
#include <QLocale>

namespace twinbox {

int IssueListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_issues.size());
}

int IssueListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

int IssueListModel::openCount() const
{
    return int(std::count_if(m_issues.cbegin(), m_issues.cend(),
                             [](const state::IssueRecord &issue) { return !issue.acknowledged; }));
}

QString IssueListModel::whatHappened(const state::IssueRecord &issue) const
{
    if (issue.kind == QStringLiteral("flag-conflict"))
        return tr("Flags changed on both sides: %1").arg(issue.detail);
    if (issue.kind == QStringLiteral("expunged-with-flag-change"))
        return tr("Deleted on one side while changed on the other: %1").arg(issue.detail);
    if (issue.kind == QStringLiteral("mailbox-gone"))
        return tr("Decision needed: %1").arg(issue.detail);
    if (issue.kind == QStringLiteral("refused"))
        return tr("A server refused the message: %1").arg(issue.detail);
    return issue.detail;
}

QVariant IssueListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_issues.size())
        return {};
    const state::IssueRecord &issue = m_issues.at(index.row());
    const bool decision = issue.kind == QStringLiteral("mailbox-gone") && !issue.acknowledged;
    switch (role) {
    case IssueIdRole:
        return issue.id;
    case NeedsDecisionRole:
        return decision;
    case InternalNameRole:
        return issue.mailbox;
    case Qt::FontRole:
        if (!issue.acknowledged) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Message && !issue.sender.isEmpty())
            return tr("From: %1\nDate: %2").arg(issue.sender, issue.date);
        return whatHappened(issue);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Time:
        return shortTime(issue.time);
    case Mailbox:
        return sync::MailboxName::display(issue.mailbox, u'/');
    case Message: {
        if (issue.subject.isEmpty() && issue.sender.isEmpty())
            return QString();
        // "Name <address>": the name is enough here.
        const qsizetype angle = issue.sender.indexOf(u'<');
        const QString sender =
            angle > 0 ? issue.sender.left(angle).trimmed().remove(u'"') : issue.sender;
        const QString subject = issue.subject.isEmpty() ? tr("(no subject)") : issue.subject;
        return sender.isEmpty() ? subject : tr("%1 — from %2").arg(subject, sender);
    }
    case WhatHappened:
        return whatHappened(issue);
    }
    return {};
}

QVariant IssueListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Mailbox:
        return tr("Mailbox");
    case Message:
        return tr("Message");
    case WhatHappened:
        return tr("What happened");
    }
    return {};
}

void IssueListModel::setIssues(const QList<state::IssueRecord> &issues)
{
    beginResetModel();
    m_issues = issues;
    endResetModel();
}

} // namespace twinbox
