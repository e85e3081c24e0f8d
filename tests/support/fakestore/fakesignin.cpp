#include "fakesignin.h"

#include "fakedataverse.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace sl::test {

namespace {
constexpr const char *kAuthorityPath = "/organizations/oauth2/v2.0";

FakeResponse oauthError(const char *code)
{
    FakeResponse response;
    response.status = 400;
    response.body = QJsonDocument(QJsonObject{{QStringLiteral("error"), QString::fromLatin1(code)},
                                              {QStringLiteral("error_description"), QStringLiteral("AADSTS: %1").arg(QLatin1String(code))}})
                        .toJson(QJsonDocument::Compact);
    return response;
}

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
} // namespace

FakeSignIn::FakeSignIn(FakeDataverse &server) : m_server(server)
{
    server.setExtraRoute([this](const QHttpServerRequest &request) -> std::optional<FakeResponse> {
        const QString path = request.url().path();
        if (!path.startsWith(QLatin1String(kAuthorityPath)) && path != QLatin1String("/devicelogin"))
            return std::nullopt;
        return answer(request);
    });
}

QUrl FakeSignIn::authority() const
{
    return m_server.serviceRoot().resolved(QUrl(QString::fromLatin1(kAuthorityPath)));
}

QUrl FakeSignIn::approveLink() const { return m_server.serviceRoot().resolved(QUrl(QStringLiteral("/devicelogin?approve=1"))); }

FakeResponse FakeSignIn::answer(const QHttpServerRequest &request)
{
    const QString path = request.url().path();
    if (path == QLatin1String("/devicelogin")) {
        if (QUrlQuery(request.url()).queryItemValue(QStringLiteral("approve")) == QLatin1String("1") && !m_userCode.isEmpty()) {
            m_approved = true;
            return {200, QStringLiteral("{\"approved\":\"%1\"}").arg(m_userCode).toUtf8(), {}};
        }
        return {200, QByteArrayLiteral("{\"approved\":null}"), {}};
    }
    if (request.method() != QHttpServerRequest::Method::Post)
        return oauthError("invalid_request");
    const QUrlQuery form(QString::fromUtf8(request.body()));
    if (path == QLatin1String(kAuthorityPath) + QLatin1String("/devicecode"))
        return deviceCode(form);
    if (path == QLatin1String(kAuthorityPath) + QLatin1String("/token"))
        return token(form);
    return oauthError("invalid_request");
}

FakeResponse FakeSignIn::deviceCode(const QUrlQuery &form)
{
    if (form.queryItemValue(QStringLiteral("client_id")).isEmpty()
        || !form.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded).endsWith(QLatin1String("/user_impersonation offline_access")))
        return oauthError("invalid_scope");
    ++m_issued;
    m_userCode = QStringLiteral("FK%1QZ").arg(m_issued, 4, 10, QLatin1Char('0'));
    m_deviceCode = "device-code-" + QByteArray::number(m_issued);
    m_approved = false;
    m_polls = 0;
    const QUrl link = m_server.serviceRoot().resolved(QUrl(QStringLiteral("/devicelogin")));
    const QJsonObject body{{QStringLiteral("device_code"), QString::fromLatin1(m_deviceCode)},
                           {QStringLiteral("user_code"), m_userCode},
                           {QStringLiteral("verification_uri"), link.toString()},
                           {QStringLiteral("expires_in"), m_switches.codeLifeSeconds},
                           {QStringLiteral("interval"), m_switches.intervalSeconds},
                           {QStringLiteral("message"), QStringLiteral("To sign in, open %1 and enter the code %2.").arg(link.toString(), m_userCode)}};
    if (onCodeIssued)
        onCodeIssued(m_userCode);
    return {200, QJsonDocument(body).toJson(QJsonDocument::Compact), {}};
}

FakeResponse FakeSignIn::token(const QUrlQuery &form)
{
    const QString grant = form.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded);
    if (grant == QLatin1String("refresh_token")) {
        ++m_refreshes;
        if (m_switches.refreshFailStatus != 0)
            return {m_switches.refreshFailStatus, m_switches.refreshFailBody, {}};
        if (m_switches.refreshRevoked || m_refreshToken.isEmpty()
            || form.queryItemValue(QStringLiteral("refresh_token"), QUrl::FullyDecoded).toLatin1() != m_refreshToken)
            return oauthError("invalid_grant");
        return tokens();
    }
    if (grant != QLatin1String("urn:ietf:params:oauth:grant-type:device_code"))
        return oauthError("unsupported_grant_type");
    if (m_deviceCode.isEmpty() || form.queryItemValue(QStringLiteral("device_code")).toLatin1() != m_deviceCode)
        return oauthError("bad_verification_code");
    ++m_polls;
    if (m_polls <= m_switches.slowDownPolls)
        return oauthError("slow_down");
    if (m_switches.decline)
        return oauthError("authorization_declined");
    if (m_switches.expireCode)
        return oauthError("expired_token");
    if (m_approved || (m_switches.approveAfterPolls > 0 && m_polls >= m_switches.approveAfterPolls)) {
        m_deviceCode.clear(); // a code is good once
        return tokens();
    }
    return oauthError("authorization_pending");
}

FakeResponse FakeSignIn::tokens()
{
    ++m_issued;
    // Shaped like a JWT so that the client can show who signed in; unsigned.
    const QByteArray claims = QJsonDocument(QJsonObject{{QStringLiteral("upn"), QStringLiteral("reviewer@contoso.example")},
                                                        {QStringLiteral("n"), m_issued}})
                                  .toJson(QJsonDocument::Compact);
    m_accessToken = base64Url("{\"alg\":\"none\"}") + '.' + base64Url(claims) + ".fake";
    m_refreshToken = "refresh-" + QByteArray::number(m_issued);
    m_server.setAcceptedToken(m_accessToken);
    const QJsonObject body{{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                           {QStringLiteral("scope"), QStringLiteral("user_impersonation")},
                           {QStringLiteral("expires_in"), m_switches.tokenLifeSeconds},
                           {QStringLiteral("access_token"), QString::fromLatin1(m_accessToken)},
                           {QStringLiteral("refresh_token"), QString::fromLatin1(m_refreshToken)}};
    return {200, QJsonDocument(body).toJson(QJsonDocument::Compact), {}};
}

} // namespace sl::test
