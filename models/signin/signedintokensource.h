#pragma once

#include "remote/clock.h"
#include "remote/httptransport.h"
#include "remote/tokensource.h"
#include "signin/signinanswers.h"
#include "signin/signinsettings.h"

#include <QObject>

#include <vector>

namespace sl {

class SecretStore;

// The tokens of a signed-in user: hands the access token to the store
// client, refreshes it with the refresh token 5 minutes before it expires
// (on the Clock) and when the store refuses it (RequestRunner asks once on
// a 401), and keeps the refresh token in the SecretStore only.
class SignedInTokenSource : public QObject, public TokenSource
{
    Q_OBJECT

public:
    SignedInTokenSource(HttpTransport &transport, Clock &clock, SecretStore &secrets, SignInSettings settings,
                        QObject *parent = nullptr);
    ~SignedInTokenSource() override;

    // After a sign-in: takes the tokens, keeps the refresh token.
    void setTokens(const TokenSet &tokens);
    // At start: a refresh with the refresh token kept from an earlier run;
    // Refused when none is kept or it no longer works (sign in again),
    // Unavailable when the sign-in service cannot say now.
    void resume(RefreshDone done);
    // Forgets the tokens, here and in the SecretStore.
    void signOut();

    QByteArray accessToken() const override { return m_accessToken; }
    // Refused only when the service says the refresh token is no good
    // (invalid_grant, or another OAuth error it answered with); no answer,
    // a 5xx, a 429 or a page that is not the service's JSON (a captive
    // portal) leave the sign-in as it is: Unavailable.
    void refresh(RefreshDone done) override;

    QString account() const { return m_account; }
    // When the access token expires, on the Clock's scale (ms); 0 without one.
    qint64 expiresAtMs() const { return m_expiresAtMs; }

Q_SIGNALS:
    void refreshed();
    // The refresh token stopped working (revoked, expired): sign in again.
    void signedOut(const QString &reason);

private:
    void sendRefresh();
    void onRefresh(const HttpResponse &response);
    void finishRefresh(TokenRefresh outcome);
    void take(const TokenSet &tokens);

    HttpTransport &m_transport;
    Clock &m_clock;
    SecretStore &m_secrets;
    SignInSettings m_settings;
    QByteArray m_accessToken;
    QByteArray m_refreshToken;
    QString m_account;
    qint64 m_expiresAtMs = 0;
    Clock::TimerId m_refreshTimer = 0;
    HttpTransport::RequestId m_sending = 0;
    // Everyone waiting for the refresh on the wire: one request serves them all.
    std::vector<RefreshDone> m_waiting;
};

} // namespace sl
