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
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *done) {
        if (done->error() == QKeychain::NoError || done->error() == QKeychain::EntryNotFound)
            return confirmAbsent(key);
        markUnavailable(refusedAccess(*done), done->errorString());
        Q_EMIT removed();
    });
    job->start();
}

void KeychainSecretStore::confirmAbsent(const QString &key)
{
    // QtKeychain's Secret Service backend answers a removal from a locked
    // collection as done (and a read as "not found"), so a signed-out person
    // would be told the sign-in is gone while the keychain still holds it.
    // A write to the same key tells the two apart: a locked keychain refuses
    // it (or asks to be unlocked first); an open one takes it, and the
    // placeholder is removed again at once.
    auto *probe = new QKeychain::WritePasswordJob(m_service, this);
    probe->setInsecureFallback(false);
    probe->setKey(key);
    probe->setBinaryData(QByteArrayLiteral("removed"));
    connect(probe, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *written) {
        if (written->error() != QKeychain::NoError) {
            markUnavailable(refusedAccess(*written), written->errorString());
            Q_EMIT removed();
            return;
        }
        auto *again = new QKeychain::DeletePasswordJob(m_service, this);
        again->setInsecureFallback(false);
        again->setKey(key);
        connect(again, &QKeychain::Job::finished, this, [this](QKeychain::Job *done) {
            if (done->error() != QKeychain::NoError)
                markUnavailable(refusedAccess(*done), done->errorString());
            Q_EMIT removed();
        });
        again->start();
    });
    probe->start();
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
