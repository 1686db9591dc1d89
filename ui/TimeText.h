#pragma once

#include <QDateTime>
#include <QLocale>
#include <QString>

namespace twinbox {

// A moment as the window shows it: the time alone for today, the date and time otherwise.
inline QString shortTime(const QDateTime &when)
{
    if (!when.isValid())
        return QString();
    const QLocale locale;
    return when.date() == QDate::currentDate() ? locale.toString(when.time(), QLocale::ShortFormat)
                                               : locale.toString(when, QLocale::ShortFormat);
}

} // namespace twinbox
