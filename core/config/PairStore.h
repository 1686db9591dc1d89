#pragma once

#include "PairProfile.h"

#include <QSettings>
#include <QStringList>

#include <optional>

namespace twinbox::config {

// The account pairs, in one QSettings file (INI format) that the window writes and
// `twinbox-cli --pair NAME` reads: `pairs.conf` in the configuration directory. Passwords
// are not here: they are in the keychain, under SecretStore::keyFor(name, side).
class PairStore
{
public:
    explicit PairStore(const QString &fileName);
    // pairs.conf in Paths::configDirectory.
    static QString defaultFileName(const SyncConfig::Paths &paths);

    QStringList names() const;
    std::optional<PairProfile> load(const QString &name) const;
    // Creates or replaces the pair; the file is readable by its owner only. Returns false
    // (and *error) when the file cannot be written.
    bool save(const PairProfile &profile, QString *error);
    bool remove(const QString &name, QString *error);

private:
    bool commit(QString *error);

    mutable QSettings m_settings;
};

} // namespace twinbox::config
