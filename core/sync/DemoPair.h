#pragma once

#include "config/PairProfile.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

class QTemporaryDir;

namespace twinbox::sync {

// What `twinbox-cli --demo` syncs: a temporary directory with two private Dovecot mail
// stores, "local" (separator "/") and "remote" (separator "."), seeded with a few messages,
// and a twinbox configuration that reaches both through stdio tunnels. The directory goes
// with the object unless keep() was called.
class DemoPair
{
    Q_DECLARE_TR_FUNCTIONS(DemoPair)

public:
    DemoPair();
    ~DemoPair();
    DemoPair(const DemoPair &) = delete;
    DemoPair &operator=(const DemoPair &) = delete;

    // The temporary directory's name starts with this (tests look for leftovers).
    static QString directoryPrefix();
    // Whether Dovecot's doveadm is on PATH.
    static bool dovecotAvailable();

    bool create(QString *error);
    QString directory() const;
    QString configPath() const;
    // The same pair as the window's account pair "Demo" (two tunnels, no password).
    config::PairProfile profile() const;
    void keep();

private:
    bool seed(QString *error) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

} // namespace twinbox::sync
