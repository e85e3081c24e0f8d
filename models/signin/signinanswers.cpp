#include "signin/signinanswers.h"

#include "signin/signinlimits.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace sl {

namespace {

// The object of an answer, or an error naming what is wrong with it.
std::optional<QJsonObject> objectOf(const QByteArray &body, QString *error)
{
    if (body.size() > signinlimits::kAnswerBytes) {
        *error = SignInAnswers::tr("the sign-in service's answer is too large (%1 bytes)").arg(body.size());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = SignInAnswers::tr("the sign-in service's answer is not a JSON object");
        return std::nullopt;
    }
    return document.object();
}

// A string field of at most `maxLength` characters; empty when missing or wrong.
QString stringField(const QJsonObject &object, const char *name, int maxLength, QString *error)
{
    const QJsonValue value = object.value(QLatin1String(name));
    if (!value.isString() || value.toString().isEmpty()) {
        *error = SignInAnswers::tr("the sign-in service's answer has no %1").arg(QLatin1String(name));
        return {};
    }
    if (value.toString().size() > maxLength) {
        *error = SignInAnswers::tr("the sign-in service's %1 is too long").arg(QLatin1String(name));
        return {};
    }
    return value.toString();
}

// A whole number of seconds within [min, max] (a string of digits counts:
// some servers send them quoted); -1 with `error` set otherwise.
int secondsField(const QJsonObject &object, const char *name, int min, int max, int fallback, QString *error)
{
    const QJsonValue value = object.value(QLatin1String(name));
    if (value.isUndefined())
        return fallback;
    bool ok = value.isDouble();
    double seconds = value.toDouble();
    if (value.isString())
        seconds = value.toString().toInt(&ok);
    if (!ok || seconds != double(qint64(seconds)) || seconds < min || seconds > max) {
        *error = SignInAnswers::tr("the sign-in service's %1 is not a number of seconds from %2 to %3")
                     .arg(QLatin1String(name)).arg(min).arg(max);
        return -1;
    }
    return int(seconds);
}

} // namespace

std::optional<DeviceCode> SignInAnswers::readDeviceCode(int status, const QByteArray &body, QString *error)
{
    const std::optional<QJsonObject> object = objectOf(body, error);
    if (!object) {
        if (status != 200) // e.g. a proxy's HTML page: the status says more
            *error = tr("the sign-in service answered %1, not JSON").arg(status);
        return std::nullopt;
    }
    if (status != 200) {
        const QString description = object->value(QLatin1String("error_description")).toString().section(QLatin1Char('\n'), 0, 0);
        *error = tr("the sign-in service refused to start (%1): %2")
                     .arg(status).arg(description.isEmpty() ? object->value(QLatin1String("error")).toString() : description.left(200));
        return std::nullopt;
    }
    DeviceCode code;
    QString fieldError;
    code.deviceCode = stringField(*object, "device_code", signinlimits::kDeviceCodeLength, &fieldError).toLatin1();
    code.userCode = stringField(*object, "user_code", signinlimits::kUserCodeLength, &fieldError);
    // RFC 8628 says verification_uri; Entra ID's v1 endpoint said verification_url.
    const QString uriName = object->contains(QLatin1String("verification_uri")) ? QStringLiteral("verification_uri")
                                                                                   : QStringLiteral("verification_url");
    code.verificationUri = QUrl(stringField(*object, uriName.toLatin1().constData(), 2048, &fieldError), QUrl::StrictMode);
    code.intervalSeconds = secondsField(*object, "interval", 1, signinlimits::kMaxIntervalSeconds, 5, &fieldError);
    code.expiresInSeconds = secondsField(*object, "expires_in", 1, signinlimits::kMaxCodeLifeSeconds, -1, &fieldError);
    if (fieldError.isEmpty() && code.expiresInSeconds < 0)
        fieldError = tr("the sign-in service's answer has no expires_in");
    if (fieldError.isEmpty() && (!code.verificationUri.isValid() || (code.verificationUri.scheme() != QLatin1String("https")
                                                                     && code.verificationUri.scheme() != QLatin1String("http"))))
        fieldError = tr("the sign-in service's verification link is not a web address");
    if (!fieldError.isEmpty()) {
        *error = fieldError;
        return std::nullopt;
    }
    code.message = object->value(QLatin1String("message")).toString().left(500);
    return code;
}

TokenAnswer SignInAnswers::readToken(int status, const QByteArray &body)
{
    TokenAnswer answer;
    const std::optional<QJsonObject> object = objectOf(body, &answer.message);
    if (!object) {
        if (status != 200)
            answer.message = tr("the sign-in service answered %1, not JSON").arg(status);
        return answer;
    }
    if (status != 200) {
        const QString code = object->value(QLatin1String("error")).toString();
        answer.oauthError = !code.isEmpty();
        static const std::pair<const char *, TokenAnswer::Kind> kinds[] = {
            {"authorization_pending", TokenAnswer::Kind::Pending},   {"slow_down", TokenAnswer::Kind::SlowDown},
            {"authorization_declined", TokenAnswer::Kind::Declined}, {"access_denied", TokenAnswer::Kind::Declined},
            {"expired_token", TokenAnswer::Kind::Expired},           {"code_expired", TokenAnswer::Kind::Expired},
            {"bad_verification_code", TokenAnswer::Kind::BadCode},   {"invalid_grant", TokenAnswer::Kind::InvalidGrant},
        };
        for (const auto &[name, kind] : kinds)
            if (code == QLatin1String(name)) {
                answer.kind = kind;
                return answer;
            }
        const QString description = object->value(QLatin1String("error_description")).toString().section(QLatin1Char('\n'), 0, 0);
        answer.message = tr("the sign-in service answered %1: %2")
                             .arg(status).arg(description.isEmpty() ? (code.isEmpty() ? tr("no reason given") : code.left(100))
                                                                     : description.left(200));
        return answer;
    }
    QString fieldError;
    answer.tokens.accessToken = stringField(*object, "access_token", signinlimits::kTokenBytes, &fieldError).toLatin1();
    const QJsonValue refresh = object->value(QLatin1String("refresh_token"));
    if (refresh.isString() && refresh.toString().size() <= signinlimits::kTokenBytes)
        answer.tokens.refreshToken = refresh.toString().toLatin1();
    else if (!refresh.isUndefined())
        fieldError = tr("the sign-in service's refresh_token is not a token");
    const QString type = object->value(QLatin1String("token_type")).toString();
    if (fieldError.isEmpty() && type.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0)
        fieldError = tr("the sign-in service's token_type is not Bearer");
    answer.tokens.expiresInSeconds = secondsField(*object, "expires_in", 1, signinlimits::kMaxTokenLifeSeconds, -1, &fieldError);
    if (fieldError.isEmpty() && answer.tokens.expiresInSeconds < 0)
        fieldError = tr("the sign-in service's answer has no expires_in");
    if (!fieldError.isEmpty()) {
        answer.message = fieldError;
        answer.tokens = {};
        return answer;
    }
    answer.kind = TokenAnswer::Kind::Tokens;
    return answer;
}

QString SignInAnswers::accountOf(const QByteArray &accessToken)
{
    const QList<QByteArray> parts = accessToken.split('.');
    if (parts.size() != 3 || parts[1].size() > signinlimits::kTokenBytes)
        return {};
    const QByteArray claims = QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding);
    const QJsonObject object = QJsonDocument::fromJson(claims).object();
    for (const char *name : {"upn", "preferred_username", "unique_name", "name"}) {
        const QString value = object.value(QLatin1String(name)).toString();
        if (!value.isEmpty())
            return value.left(200);
    }
    return {};
}

} // namespace sl
