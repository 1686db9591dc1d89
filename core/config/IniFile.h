#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace twinbox::config {

// An INI file as interimap reads it (Config::Tiny): "key = value" with the blanks around
// both trimmed, "[section]" headers, "#" or ";" starting a comment line, no inline comments
// and no quote removal. Keys before the first header belong to the unnamed default section.
// A line that is none of these is a syntax error that names the line.
class IniFile
{
    Q_DECLARE_TR_FUNCTIONS(IniFile)

public:
    struct Entry
    {
        QString key;
        QString value;
        int line = 0;
    };
    struct Section
    {
        QString name; // empty: the default section
        QList<Entry> entries;
    };

    static std::optional<IniFile> parse(const QString &text, QString *error);

    const QList<Section> &sections() const { return m_sections; }
    const Section *section(const QString &name) const;

private:
    Section &sectionNamed(const QString &name);

    QList<Section> m_sections;
};

} // namespace twinbox::config
