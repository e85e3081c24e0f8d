#include "signin/devicecodesignin.h"

#include "remote/remotelogging.h"
#include "signin/signinlimits.h"

#include <QPointer>
#include <QUrlQuery>

namespace sl {

HttpRequest signInFormPost(const QUrl &url, const QList<QPair<QString, QString>> &fields)
{
    QUrlQuery form;
    for (const auto &[name, value] : fields)
        form.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(name)), QString::fromLatin1(QUrl::toPercentEncoding(value)));
    HttpRequest request;
    request.method = "POST";
    request.url = url;
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
    request.body = form.query(QUrl::FullyEncoded).toLatin1();
    request.maxResponseBytes = signinlimits::kAnswerBytes;
    return request;
}

DeviceCodeSignIn::DeviceCodeSignIn(HttpTransport &transport, Clock &clock, SignInSettings settings, QObject *parent)
    : QObject(parent), m_transport(transport), m_clock(clock), m_settings(std::move(settings))
{
}

DeviceCodeSignIn::~DeviceCodeSignIn() { cancel(); }

void DeviceCodeSignIn::start()
{
    if (m_sending || m_done)
        return;
    const HttpRequest request = signInFormPost(m_settings.deviceCodeUrl(), {{QStringLiteral("client_id"), m_settings.clientId},
                                                                            {QStringLiteral("scope"), m_settings.scope()}});
    // A transport answers a cancelled request later: the guard drops it if this is gone by then.
    m_sending = m_transport.send(request, [self = QPointer<DeviceCodeSignIn>(this)](const HttpResponse &response) {
        if (self)
            self->onDeviceCode(response);
    });
}

void DeviceCodeSignIn::cancel()
{
    m_done = true;
    if (m_waiting)
        m_clock.cancel(std::exchange(m_waiting, 0));
    if (m_sending)
        m_transport.cancel(std::exchange(m_sending, 0));
}

void DeviceCodeSignIn::onDeviceCode(const HttpResponse &response)
{
    m_sending = 0;
    if (m_done)
        return;
    if (!response.completed())
        return fail(tr("Cannot reach the sign-in service at %1 (%2).").arg(m_settings.authority.host(), response.errorDetail));
    QString error;
    const std::optional<DeviceCode> code = SignInAnswers::readDeviceCode(response.status, response.body, &error);
    if (!code)
        return fail(tr("Cannot sign in: %1.").arg(error));
    m_code = *code;
    m_intervalSeconds = m_code.intervalSeconds;
    m_expiresAtMs = m_clock.nowMs() + qint64(m_code.expiresInSeconds) * 1000;
    qCInfo(lcRemote) << "device code issued; polling every" << m_intervalSeconds << "s";
    Q_EMIT codeReady(m_code);
    schedulePoll();
}

void DeviceCodeSignIn::schedulePoll()
{
    if (m_done)
        return;
    m_waiting = m_clock.callAfter(qint64(m_intervalSeconds) * 1000, [this] {
        m_waiting = 0;
        poll();
    });
}

void DeviceCodeSignIn::poll()
{
    if (m_done)
        return;
    if (m_clock.nowMs() >= m_expiresAtMs)
        return fail(tr("The code expired before the sign-in was approved. Sign in again for a new code."));
    const HttpRequest request = signInFormPost(
        m_settings.tokenUrl(), {{QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")},
                                {QStringLiteral("client_id"), m_settings.clientId},
                                {QStringLiteral("device_code"), QString::fromLatin1(m_code.deviceCode)}});
    m_sending = m_transport.send(request, [self = QPointer<DeviceCodeSignIn>(this)](const HttpResponse &response) {
        if (self)
            self->onToken(response);
    });
}

void DeviceCodeSignIn::onToken(const HttpResponse &response)
{
    m_sending = 0;
    if (m_done)
        return;
    if (!response.completed()) {
        // A lost connection while the user approves in the browser: keep polling until the code runs out.
        qCInfo(lcRemote) << "sign-in poll got no answer:" << response.errorDetail;
        return schedulePoll();
    }
    const TokenAnswer answer = SignInAnswers::readToken(response.status, response.body);
    switch (answer.kind) {
    case TokenAnswer::Kind::Tokens:
        m_done = true;
        Q_EMIT succeeded(answer.tokens);
        return;
    case TokenAnswer::Kind::Pending:
        return schedulePoll();
    case TokenAnswer::Kind::SlowDown:
        m_intervalSeconds += signinlimits::kSlowDownSeconds;
        return schedulePoll();
    case TokenAnswer::Kind::Declined:
        return fail(tr("The sign-in was declined."));
    case TokenAnswer::Kind::Expired:
        return fail(tr("The code expired before the sign-in was approved. Sign in again for a new code."));
    case TokenAnswer::Kind::BadCode:
        return fail(tr("The sign-in service does not know this code. Sign in again for a new code."));
    case TokenAnswer::Kind::InvalidGrant:
        return fail(tr("The sign-in service refused the code (invalid_grant)."));
    case TokenAnswer::Kind::Failed:
        return fail(tr("Cannot sign in: %1.").arg(answer.message));
    }
}

void DeviceCodeSignIn::fail(const QString &reason)
{
    cancel();
    qCWarning(lcRemote).noquote() << "sign-in failed:" << reason;
    Q_EMIT failed(reason);
}

} // namespace sl
