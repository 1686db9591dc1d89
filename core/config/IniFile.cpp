#include "IniFile.h"

#include <QRegularExpression>

namespace twinbox::config {

const IniFile::Section *IniFile::section(const QString &name) const
{
    for (const Section &s : m_sections) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

IniFile::Section &IniFile::sectionNamed(const QString &name)
{
    for (Section &s : m_sections) {
        if (s.name == name)
            return s; // a repeated header continues the section, as Config::Tiny does
    }
    m_sections.append({name, {}});
    return m_sections.last();
}

std::optional<IniFile> IniFile::parse(const QString &text, QString *error)
{
    static const QRegularExpression header(QStringLiteral("^\\s*\\[\\s*(.+?)\\s*\\]\\s*$"));
    static const QRegularExpression assignment(QStringLiteral("^\\s*([^=]+?)\\s*=\\s*(.*?)\\s*$"));
    IniFile file;
    file.m_sections.append({QString(), {}});
    QString current;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#') || trimmed.startsWith(u';'))
            continue;
        if (const auto match = header.match(line); match.hasMatch()) {
            current = match.captured(1);
            file.sectionNamed(current);
            continue;
        }
        if (const auto match = assignment.match(line); match.hasMatch()) {
            Section &section = file.sectionNamed(current);
            const QString key = match.captured(1);
            auto existing = std::find_if(section.entries.begin(), section.entries.end(),
                                         [&](const Entry &e) { return e.key == key; });
            if (existing != section.entries.end())
                *existing = {key, match.captured(2), int(i + 1)}; // the last one wins
            else
                section.entries.append({key, match.captured(2), int(i + 1)});
            continue;
        }
        // The line itself is not quoted: it may hold a password.
        *error = tr("syntax error at line %1").arg(i + 1);
        return std::nullopt;
    }
    return file;
}

} // namespace twinbox::config
