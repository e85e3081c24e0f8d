#pragma once

#include "signin/secretstore.h"

#include <QCoreApplication>
#include <QObject>

namespace sl {

// The operating system's keychain through QtKeychain (Secret Service on
// Linux, Keychain on macOS, Credential Manager on Windows), with no plain
// file fallback. Where no keychain service answers (e.g. a headless
// machine), it says so once through unavailable() and keeps secrets in
// memory for this run only.
class KeychainSecretStore : public QObject, public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(QString service = QStringLiteral("Sightline"), QObject *parent = nullptr);

    void write(const QString &key, const QByteArray &secret) override;
    void read(const QString &key, ReadDone done) override;
    void remove(const QString &key) override;

    bool isAvailable() const { return !m_unavailable; }
    // Writes the keychain has not answered yet (each ends with written()).
    int writesInFlight() const { return m_writesInFlight; }
    // A keychain answered but refused access (locked, or the user said no),
    // rather than no keychain answering at all.
    bool wasRefused() const { return m_refused; }

Q_SIGNALS:
    // Once: "No keychain: you will sign in again next time." (or, where the
    // keychain refused access, "The keychain refused access…") and why.
    void unavailable(const QString &message);
    // A write() ended: `kept` when the keychain holds the secret now (false:
    // only this run's memory does). A command line waits for it before it ends.
    void written(bool kept);
    // A remove() ended (also where there is no keychain: nothing is kept
    // then). Where the keychain refused it (locked), wasRefused() says so and
    // the secret may still be kept there.
    void removed();

private:
    // A removal answered as done or "not found": made sure it was not a
    // locked keychain's answer.
    void confirmAbsent(const QString &key);
    void markUnavailable(bool refused, const QString &why);

    QString m_service;
    MemorySecretStore m_memory; // this run's copy; the only one without a keychain
    bool m_unavailable = false;
    bool m_refused = false;
    int m_writesInFlight = 0;
};

} // namespace sl
