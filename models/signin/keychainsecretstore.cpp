#include "signin/keychainsecretstore.h"

#include "remote/remotelogging.h"

#include <qt6keychain/keychain.h>

namespace sl {

namespace {

// A keychain that runs but would not let us in: Secret Service answers
// AccessDenied for a locked collection, and the user may deny a prompt.
bool refusedAccess(const QKeychain::Job &job)
{
    return job.error() == QKeychain::AccessDenied || job.error() == QKeychain::AccessDeniedByUser;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent) : QObject(parent), m_service(std::move(service)) {}

void KeychainSecretStore::write(const QString &key, const QByteArray &secret)
{
    m_memory.write(key, secret);
    if (m_unavailable) {
        Q_EMIT written(false);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setInsecureFallback(false); // never a plain file
    job->setKey(key);
    job->setBinaryData(secret);
    ++m_writesInFlight;
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *done) {
        --m_writesInFlight;
        if (done->error() != QKeychain::NoError)
            markUnavailable(refusedAccess(*done), done->errorString());
        Q_EMIT written(done->error() == QKeychain::NoError);
    });
    job->start();
}

void KeychainSecretStore::read(const QString &key, ReadDone done)
{
    if (m_unavailable)
        return m_memory.read(key, std::move(done));
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key, done = std::move(done)](QKeychain::Job *finished) {
        const auto *reading = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (reading->error() == QKeychain::NoError)
            return done(reading->binaryData());
        if (reading->error() != QKeychain::EntryNotFound)
            markUnavailable(refusedAccess(*reading), reading->errorString());
        m_memory.read(key, done);
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key)
{
    m_memory.remove(key);
    if (m_unavailable) {
        Q_EMIT removed();
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *done) {
        if (done->error() != QKeychain::NoError && done->error() != QKeychain::EntryNotFound)
            markUnavailable(refusedAccess(*done), done->errorString());
        Q_EMIT removed();
    });
    job->start();
}

void KeychainSecretStore::markUnavailable(bool refused, const QString &why)
{
    if (m_unavailable)
        return;
    m_unavailable = true;
    m_refused = refused;
    const QString message = refused ? tr("The keychain refused access (is it locked?): you will sign in again next time (%1).")
                                          .arg(why.left(200))
                                    : tr("No keychain: you will sign in again next time (%1).").arg(why.left(200));
    qCWarning(lcRemote).noquote() << message;
    Q_EMIT unavailable(message);
}

} // namespace sl
