#include "SecretStore.h"

#include <QCoroSignal>
#include <qt6keychain/keychain.h>

namespace twinbox::config {

namespace {

SecretStore::Result outcome(const QKeychain::Job &job)
{
    switch (job.error()) {
    case QKeychain::NoError:
        return {SecretStore::Status::Ok, std::nullopt, QString()};
    case QKeychain::EntryNotFound:
        return {SecretStore::Status::NotFound, std::nullopt,
                SecretStore::tr("no password stored in the keychain")};
    default:
        // No session bus, no Secret Service, a locked collection that wants a prompt, no
        // libsecret: QtKeychain reports all of them as errors of one kind; its text says which.
        return {
            SecretStore::Status::Unavailable, std::nullopt,
            SecretStore::tr(
                "the keychain is not available (%1); install and unlock gnome-keyring or KWallet")
                .arg(job.errorString())};
    }
}

// Runs a job to its end: `finished` is emitted once, from the event loop.
QCoro::Task<void> finish(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    auto finished = qCoro(&job, &QKeychain::Job::finished); // listening before it can fire
    job.start();
    co_await finished;
}

} // namespace

SecretStore::SecretStore(QString service)
    : m_service(std::move(service))
{}

QCoro::Task<SecretStore::Result> SecretStore::read(const QString &keyIn) const
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(keyIn); // copied into the job before the first co_await
    co_await finish(job);
    Result result = outcome(job);
    if (result.status == Status::Ok)
        result.secret = job.textData();
    co_return result;
}

QCoro::Task<SecretStore::Result> SecretStore::write(const QString &keyIn,
                                                    const QString &secretIn) const
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(keyIn);
    job.setTextData(secretIn);
    co_await finish(job);
    co_return outcome(job);
}

QCoro::Task<SecretStore::Result> SecretStore::remove(const QString &keyIn) const
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(keyIn);
    co_await finish(job);
    co_return outcome(job);
}

} // namespace twinbox::config
