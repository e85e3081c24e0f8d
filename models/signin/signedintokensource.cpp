#include "signin/signedintokensource.h"

#include "remote/remotelogging.h"
#include "signin/devicecodesignin.h"
#include "signin/secretstore.h"
#include "signin/signinlimits.h"

#include <QPointer>

namespace sl {

SignedInTokenSource::SignedInTokenSource(HttpTransport &transport, Clock &clock, SecretStore &secrets,
                                         SignInSettings settings, QObject *parent)
    : QObject(parent), m_transport(transport), m_clock(clock), m_secrets(secrets), m_settings(std::move(settings))
{
}

SignedInTokenSource::~SignedInTokenSource()
{
    if (m_refreshTimer)
        m_clock.cancel(m_refreshTimer);
    if (m_sending)
        m_transport.cancel(m_sending);
}

void SignedInTokenSource::setTokens(const TokenSet &tokens) { take(tokens); }

void SignedInTokenSource::resume(RefreshDone done)
{
    m_secrets.read(m_settings.secretKey(), [self = QPointer<SignedInTokenSource>(this), done = std::move(done)](std::optional<QByteArray> secret) {
        if (!self)
            return; // replaced (a new sign-in) while the keychain answered
        if (!secret || secret->isEmpty())
            return done(TokenRefresh::Refused);
        self->m_refreshToken = *secret;
        self->refresh(done);
    });
}

void SignedInTokenSource::signOut()
{
    m_accessToken.clear();
    m_refreshToken.clear();
    m_account.clear();
    m_expiresAtMs = 0;
    if (m_refreshTimer)
        m_clock.cancel(std::exchange(m_refreshTimer, 0));
    m_secrets.remove(m_settings.secretKey());
}

void SignedInTokenSource::refresh(RefreshDone done)
{
    if (m_refreshToken.isEmpty())
        return done(TokenRefresh::Refused);
    m_waiting.push_back(std::move(done));
    if (!m_sending)
        sendRefresh();
}

void SignedInTokenSource::sendRefresh()
{
    const HttpRequest request = signInFormPost(m_settings.tokenUrl(), {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                                                       {QStringLiteral("client_id"), m_settings.clientId},
                                                                       {QStringLiteral("scope"), m_settings.scope()},
                                                                       {QStringLiteral("refresh_token"), QString::fromLatin1(m_refreshToken)}});
    // A transport answers a cancelled request later: the guard drops it if this is gone by then.
    m_sending = m_transport.send(request, [self = QPointer<SignedInTokenSource>(this)](const HttpResponse &response) {
        if (self)
            self->onRefresh(response);
    });
}

void SignedInTokenSource::onRefresh(const HttpResponse &response)
{
    m_sending = 0;
    if (!response.completed()) {
        qCInfo(lcRemote) << "token refresh got no answer:" << response.errorDetail;
        return finishRefresh(TokenRefresh::Unavailable); // the next 401 or timer tries again
    }
    const TokenAnswer answer = SignInAnswers::readToken(response.status, response.body);
    if (answer.kind == TokenAnswer::Kind::Tokens) {
        take(answer.tokens);
        Q_EMIT refreshed();
        return finishRefresh(TokenRefresh::Refreshed);
    }
    // Only the service's own refusal ends the sign-in: an OAuth error it
    // answered with 400 or 401. A server error, a 429 or an answer that
    // is not its JSON says nothing about the refresh token, which stays.
    const bool refusal = answer.kind == TokenAnswer::Kind::InvalidGrant ||
                         (answer.oauthError && (response.status == 400 || response.status == 401));
    if (!refusal) {
        qCWarning(lcRemote).noquote() << "token refresh failed, the sign-in stays:" << answer.message;
        return finishRefresh(TokenRefresh::Unavailable);
    }
    const QString reason = answer.kind == TokenAnswer::Kind::InvalidGrant
                               ? tr("The sign-in has expired or was revoked; sign in again.")
                               : tr("The token could not be refreshed: %1; sign in again.").arg(answer.message);
    qCWarning(lcRemote).noquote() << reason;
    signOut();
    finishRefresh(TokenRefresh::Refused);
    Q_EMIT signedOut(reason);
}

void SignedInTokenSource::finishRefresh(TokenRefresh outcome)
{
    for (const auto &done : std::exchange(m_waiting, {}))
        done(outcome);
}

void SignedInTokenSource::take(const TokenSet &tokens)
{
    m_accessToken = tokens.accessToken;
    m_account = SignInAnswers::accountOf(tokens.accessToken);
    // A refresh answer without a refresh token leaves the old one good.
    if (!tokens.refreshToken.isEmpty() && tokens.refreshToken != m_refreshToken) {
        m_refreshToken = tokens.refreshToken;
        m_secrets.write(m_settings.secretKey(), m_refreshToken);
    }
    m_expiresAtMs = m_clock.nowMs() + qint64(tokens.expiresInSeconds) * 1000;
    if (m_refreshTimer)
        m_clock.cancel(m_refreshTimer);
    // Refresh ahead of expiry; a token shorter-lived than that, at half its life.
    const qint64 lifeMs = qint64(tokens.expiresInSeconds) * 1000;
    const qint64 delayMs = lifeMs > 2 * signinlimits::kRefreshAheadMs ? lifeMs - signinlimits::kRefreshAheadMs : lifeMs / 2;
    m_refreshTimer = m_clock.callAfter(delayMs, [this] {
        m_refreshTimer = 0;
        refresh([](TokenRefresh) {});
    });
}

} // namespace sl
