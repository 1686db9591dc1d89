#include "SecretStore.h"

#include "KeychainModule.h"
#include "imap/Completion.h"

#include <QDir>
#include <QFileInfo>
#include <QLibrary>

namespace twinbox::config {

namespace {

// Where the keychain module may be, first found first used: next to the program (Windows,
// and a bundle); where the package installs it, relative to the program; and, for a program
// run from the build tree it was built in (the tests), where it was built. A path fixed at
// build time never decides what an installed program loads.
QStringList modulePaths()
{
    const QString name = QStringLiteral(TWINBOX_KEYCHAIN_MODULE_NAME);
    const QDir programs(QCoreApplication::applicationDirPath());
    QStringList paths{
        programs.filePath(name),
        programs.filePath(QStringLiteral(TWINBOX_KEYCHAIN_MODULE_INSTALLED "/") + name)};
    // Both canonical: the program's directory comes resolved from the kernel, the build
    // tree's as CMake was given it.
    const QString buildTree =
        QFileInfo(QStringLiteral(TWINBOX_BUILD_DIRECTORY)).canonicalFilePath();
    if (!buildTree.isEmpty() && programs.canonicalPath().startsWith(buildTree + u'/'))
        paths.append(QStringLiteral(TWINBOX_KEYCHAIN_MODULE_BUILT "/") + name);
    return paths;
}

struct LoadedModule
{
    KeychainStart start = nullptr;
    QString error; // why there is none: a broken installation, not a missing keychain
};

// Loaded once per process, when the first password is asked for; never unloaded (QLibrary's
// destructor leaves the library loaded).
const LoadedModule &keychainModule()
{
    static const LoadedModule loaded = [] {
        LoadedModule module;
        QStringList failures;
        for (const QString &path : modulePaths()) {
            if (!QFileInfo::exists(path))
                continue;
            QLibrary library(path);
            module.start = reinterpret_cast<KeychainStart>(library.resolve(keychainStartSymbol));
            if (module.start)
                return module;
            failures.append(library.errorString());
        }
        module.error = failures.isEmpty() ? SecretStore::tr("%1 is missing from the installation")
                                                .arg(QStringLiteral(TWINBOX_KEYCHAIN_MODULE_NAME))
                                          : failures.join(QStringLiteral("; "));
        return module;
    }();
    return loaded;
}

SecretStore::Result unavailable(const QString &why)
{
    return {SecretStore::Status::Unavailable, std::nullopt,
            SecretStore::tr(
                "the keychain is not available (%1); install and unlock gnome-keyring or KWallet")
                .arg(why)};
}

// One keychain job, run to its end.
QCoro::Task<SecretStore::Result> run(KeychainRequest request)
{
    const LoadedModule &module = keychainModule();
    if (!module.start)
        co_return {SecretStore::Status::Unavailable, std::nullopt,
                   SecretStore::tr("the keychain cannot be used: %1").arg(module.error)};
    imap::Completion<KeychainReply> finished;
    module.start(request, [finished](const KeychainReply &reply) { finished.complete(reply); });
    const KeychainReply reply = co_await finished;
    switch (reply.status) {
    case KeychainReply::Status::Ok:
        co_return {SecretStore::Status::Ok,
                   request.operation == KeychainRequest::Operation::Read
                       ? std::optional<QString>(reply.secret)
                       : std::nullopt,
                   QString()};
    case KeychainReply::Status::NotFound:
        co_return {SecretStore::Status::NotFound, std::nullopt,
                   SecretStore::tr("no password stored in the keychain")};
    case KeychainReply::Status::Failed:
        break;
    }
    co_return unavailable(reply.error);
}

} // namespace

SecretStore::SecretStore(QString service)
    : m_service(std::move(service))
{}

QCoro::Task<SecretStore::Result> SecretStore::read(const QString &key) const
{
    return run({KeychainRequest::Operation::Read, m_service, key, QString()});
}

QCoro::Task<SecretStore::Result> SecretStore::write(const QString &key, const QString &secret) const
{
    return run({KeychainRequest::Operation::Write, m_service, key, secret});
}

QCoro::Task<SecretStore::Result> SecretStore::remove(const QString &key) const
{
    return run({KeychainRequest::Operation::Remove, m_service, key, QString()});
}

} // namespace twinbox::config
