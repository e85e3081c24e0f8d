#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <map>
#include <optional>

namespace sl {

// Where secrets (the refresh token) are kept between runs: the operating
// system's keychain, never a file, a setting or a log.
class SecretStore
{
public:
    using ReadDone = std::function<void(std::optional<QByteArray> secret)>;

    virtual ~SecretStore() = default;

    // Keeps `secret` under `key`, replacing one kept before.
    virtual void write(const QString &key, const QByteArray &secret) = 0;
    // `done` gets the secret, or nullopt when none is kept; it may run
    // before read() returns.
    virtual void read(const QString &key, ReadDone done) = 0;
    virtual void remove(const QString &key) = 0;
};

// Secrets for this run only: for tests, and what the keychain store falls
// back to where no keychain service runs.
class MemorySecretStore : public SecretStore
{
public:
    void write(const QString &key, const QByteArray &secret) override { m_secrets[key] = secret; }
    void read(const QString &key, ReadDone done) override
    {
        const auto it = m_secrets.find(key);
        done(it == m_secrets.end() ? std::nullopt : std::optional<QByteArray>(it->second));
    }
    void remove(const QString &key) override { m_secrets.erase(key); }

private:
    std::map<QString, QByteArray> m_secrets;
};

} // namespace sl
