#pragma once

#include "remote/curltransport.h"
#include "remote/systemclock.h"
#include "signin/keychainsecretstore.h"
#include "signin/signedintokensource.h"
#include "signin/signinsettings.h"

#include <QCoreApplication>

#include <memory>

namespace sl {

// The sign-in the command line keeps for one environment: where it signs in
// (the settings signin/authority, signin/clientId, signin/environment of
// sightline-cli) and the refresh token, in the keychain only. Runs its own
// event loop while it waits for the authority or the keychain.
class StoredSignIn
{
    Q_DECLARE_TR_FUNCTIONS(StoredSignIn)

public:
    // The settings kept, with `environment` (and `authority` when valid) over them.
    StoredSignIn(const QUrl &environment, const QUrl &authority = {});
    ~StoredSignIn();

    const SignInSettings &settings() const { return m_settings; }
    // The device-code flow: the code and the link on stderr, then waits for
    // the user. True when signed in; *kept says whether the keychain holds
    // the refresh token now (false: no keychain, this process only).
    bool signIn(QString *error, bool *kept);
    // A refresh with the kept refresh token. False with the reason when none
    // is kept (or no keychain answers) or the authority refused it.
    bool resume(QString *error);
    // Forgets the refresh token of this environment; false (with why) where
    // no keychain answers (nothing is kept then either), or where it refused
    // the removal (keychainRefused(): the token may still be kept there).
    bool signOut(QString *why);
    // After a sign-in not kept, or a sign-out that failed: a keychain runs
    // but refused access (locked), rather than none running.
    bool keychainRefused() const { return m_secrets.wasRefused(); }
    // After signIn() or resume(): the tokens, for a TokenRelay.
    SignedInTokenSource &tokens() { return *m_tokens; }

private:
    SignInSettings m_settings;
    CurlTransport m_transport;
    SystemClock m_clock;
    KeychainSecretStore m_secrets;
    QString m_keychainProblem; // why the keychain did not answer; empty while it did
    std::unique_ptr<SignedInTokenSource> m_tokens;
};

} // namespace sl
