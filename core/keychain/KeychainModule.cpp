// The only code that links QtKeychain: a module SecretStore loads when it is first asked for
// a password (config/KeychainModule.h says why).
#include "config/KeychainModule.h"

#include <qt6keychain/keychain.h>

using twinbox::config::KeychainDone;
using twinbox::config::KeychainReply;
using twinbox::config::KeychainRequest;

extern "C" Q_DECL_EXPORT void twinbox_keychain_start(const KeychainRequest &request,
                                                     const KeychainDone &done)
{
    QKeychain::Job *job = nullptr;
    switch (request.operation) {
    case KeychainRequest::Operation::Read:
        job = new QKeychain::ReadPasswordJob(request.service);
        break;
    case KeychainRequest::Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(request.service);
        write->setTextData(request.secret);
        job = write;
        break;
    }
    case KeychainRequest::Operation::Remove:
        job = new QKeychain::DeletePasswordJob(request.service);
        break;
    }
    job->setKey(request.key);
    job->setAutoDelete(true); // deleted from the event loop once `finished` was emitted
    QObject::connect(job, &QKeychain::Job::finished, job, [done](QKeychain::Job *finished) {
        KeychainReply reply;
        switch (finished->error()) {
        case QKeychain::NoError:
            reply.status = KeychainReply::Status::Ok;
            if (const auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                reply.secret = read->textData();
            break;
        case QKeychain::EntryNotFound:
            reply.status = KeychainReply::Status::NotFound;
            break;
        default:
            // No session bus, no Secret Service, a locked collection that wants a prompt, no
            // libsecret: QtKeychain reports all of them as errors of one kind; its text says
            // which.
            reply.status = KeychainReply::Status::Failed;
            reply.error = finished->errorString();
        }
        done(reply);
    });
    job->start();
}
