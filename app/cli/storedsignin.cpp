#include "storedsignin.h"

#include "signin/devicecodesignin.h"

#include <QEventLoop>
#include <QSettings>
#include <QTimer>

#include <cstdio>

namespace sl {

namespace {

// How long a command waits at its end for the keychain to take a secret.
constexpr int kKeychainWaitMs = 30'000;

void say(const QString &line)
{
    std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
    std::fflush(stderr);
}

} // namespace

StoredSignIn::StoredSignIn(const QUrl &environment, const QUrl &authority)
    : m_settings(SignInSettings::load(QSettings()))
{
    m_settings.environment = environment;
    if (authority.isValid() && !authority.isEmpty())
        m_settings.authority = authority;
    QObject::connect(&m_secrets, &KeychainSecretStore::unavailable, &m_secrets,
                     [this](const QString &message) { m_keychainProblem = message; });
    m_tokens = std::make_unique<SignedInTokenSource>(m_transport, m_clock, m_secrets, m_settings);
}

StoredSignIn::~StoredSignIn()
{
    // A refresh during the command gave a new refresh token, and the store
    // may have ended the old one: a command that ended before the keychain
    // took it would leave the sign-in lost. Waits for the keychain's answer
    // (bounded: a keychain that never answers does not hang the command).
    if (m_secrets.writesInFlight() > 0) {
        QEventLoop writing;
        QObject::connect(&m_secrets, &KeychainSecretStore::written, &writing, [&] {
            if (m_secrets.writesInFlight() == 0)
                writing.quit();
        });
        QTimer::singleShot(kKeychainWaitMs, &writing, &QEventLoop::quit);
        writing.exec();
        if (m_secrets.writesInFlight() > 0)
            say(tr("the keychain did not answer within %1 s: the newest sign-in may not be kept")
                    .arg(kKeychainWaitMs / 1000));
    }
    m_tokens.reset(); // it uses the transport
}

bool StoredSignIn::signIn(QString *error, bool *kept)
{
    DeviceCodeSignIn flow(m_transport, m_clock, m_settings);
    QEventLoop loop;
    bool ok = false;
    TokenSet tokens;
    QObject::connect(&flow, &DeviceCodeSignIn::codeReady, &loop, [](const DeviceCode &code) {
        say(tr("To sign in, open %1 and enter the code %2").arg(code.verificationUri.toString(), code.userCode));
        say(tr("Waiting for the sign-in… (Ctrl+C stops)"));
    });
    QObject::connect(&flow, &DeviceCodeSignIn::succeeded, &loop, [&](const TokenSet &given) {
        ok = true;
        tokens = given;
        loop.quit();
    });
    QObject::connect(&flow, &DeviceCodeSignIn::failed, &loop, [&](const QString &reason) {
        *error = reason;
        loop.quit();
    });
    flow.start();
    loop.exec();
    if (!ok)
        return false;

    // The refresh token goes to the keychain (asynchronously): wait for it.
    QEventLoop writing;
    *kept = false;
    QObject::connect(&m_secrets, &KeychainSecretStore::written, &writing, [&](bool stored) {
        *kept = stored;
        writing.quit();
    });
    m_tokens->setTokens(tokens);
    if (m_secrets.isAvailable() && !*kept)
        writing.exec();
    if (*kept) {
        QSettings settings;
        m_settings.save(settings);
    }
    return true;
}

bool StoredSignIn::resume(QString *error)
{
    QEventLoop loop;
    TokenRefresh outcome = TokenRefresh::Refused;
    bool answered = false;
    m_tokens->resume([&](TokenRefresh resumed) {
        outcome = resumed;
        answered = true;
        loop.quit();
    });
    if (!answered)
        loop.exec();
    if (outcome == TokenRefresh::Refreshed)
        return true;
    if (outcome == TokenRefresh::Unavailable)
        *error = tr("the sign-in service of %1 cannot be reached now (the sign-in is kept: try again later)")
                     .arg(m_settings.environment.authority());
    else if (!m_keychainProblem.isEmpty())
        *error = tr("no sign-in is kept here: no keychain runs");
    else
        *error = tr("not signed in to %1").arg(m_settings.environment.authority());
    return false;
}

bool StoredSignIn::signOut(QString *why)
{
    QEventLoop loop;
    bool done = false;
    QObject::connect(&m_secrets, &KeychainSecretStore::removed, &loop, [&] {
        done = true;
        loop.quit();
    });
    m_tokens->signOut();
    if (!done)
        loop.exec();
    QSettings settings;
    if (SignInSettings::load(settings).environment == m_settings.environment)
        settings.remove(QStringLiteral("signin/environment"));
    *why = m_keychainProblem;
    return m_keychainProblem.isEmpty();
}

} // namespace sl
