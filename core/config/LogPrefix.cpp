#include "LogPrefix.h"

namespace twinbox::config {

namespace {

class Formatter
{
public:
    Formatter(const QString &pattern, const QString &component, const QString &mailbox)
        : m_pattern(pattern)
        , m_component(component)
        , m_mailbox(mailbox)
    {}

    // Reads until the end, or (inside a conditional, depth > 0) an unescaped "&" or "?",
    // which is left for the caller.
    QString read(int depth)
    {
        QString out;
        while (m_pos < m_pattern.size()) {
            const QChar c = m_pattern.at(m_pos);
            if (depth > 0 && (c == u'&' || c == u'?'))
                return out;
            if (depth > 0 && c == u'\\' && m_pos + 1 < m_pattern.size()) {
                out += m_pattern.at(m_pos + 1);
                m_pos += 2;
                continue;
            }
            if (c != u'%' || m_pos + 1 >= m_pattern.size()) {
                out += c;
                ++m_pos;
                continue;
            }
            const QChar directive = m_pattern.at(m_pos + 1);
            m_pos += 2;
            if (directive == u'n') {
                out += m_component;
            } else if (directive == u'm') {
                out += m_mailbox;
            } else if (directive == u'%') {
                out += u'%';
            } else if (directive == u'?' && m_pos + 1 < m_pattern.size() &&
                       m_pattern.at(m_pos + 1) == u'?') {
                const QChar variable = m_pattern.at(m_pos);
                m_pos += 2;
                const bool set = variable == u'n' ? !m_component.isEmpty()
                                                  : variable == u'm' && !m_mailbox.isEmpty();
                const QString whenSet = read(depth + 1);
                QString otherwise;
                if (m_pos < m_pattern.size() && m_pattern.at(m_pos) == u'&') {
                    ++m_pos;
                    otherwise = read(depth + 1);
                }
                if (m_pos < m_pattern.size() && m_pattern.at(m_pos) == u'?')
                    ++m_pos; // the closing "?"
                out += set ? whenSet : otherwise;
            } else {
                out += u'%';
                out += directive; // unknown: kept as written
            }
        }
        return out;
    }

private:
    const QString &m_pattern;
    const QString &m_component;
    const QString &m_mailbox;
    qsizetype m_pos = 0;
};

} // namespace

QString LogPrefix::format(const QString &pattern, const QString &component, const QString &mailbox)
{
    return Formatter(pattern, component, mailbox).read(0);
}

} // namespace twinbox::config
