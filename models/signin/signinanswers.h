#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <optional>

namespace sl {

// What /devicecode answered: the code the user types at the link, and how
// to poll for the result.
struct DeviceCode
{
    QByteArray deviceCode;   // sent back when polling; never shown
    QString userCode;        // shown large, typed by the user
    QUrl verificationUri;    // where the user types it
    int intervalSeconds = 5; // between polls
    int expiresInSeconds = 900;
    QString message;         // the authority's own sentence, if any
};

// Tokens from /token. expiresInSeconds counts from when the answer came.
struct TokenSet
{
    QByteArray accessToken;
    QByteArray refreshToken; // may be empty (then the old one stays good)
    int expiresInSeconds = 0;
};

// One answer of /token, read.
struct TokenAnswer
{
    enum class Kind {
        Tokens,       // signed in (or refreshed)
        Pending,      // authorization_pending: poll again
        SlowDown,     // slow_down: poll again, 5 s later than before
        Declined,     // authorization_declined
        Expired,      // expired_token: the code ran out
        BadCode,      // bad_verification_code
        InvalidGrant, // invalid_grant: the refresh token is revoked or expired
        Failed,       // anything else: `message` says what
    };
    Kind kind = Kind::Failed;
    TokenSet tokens;
    QString message; // for Failed: one line for the user
    // The answer is the service's own OAuth error (JSON with an `error`
    // code), not a page from something on the way or a server failure.
    bool oauthError = false;
};

// Reads the answers of the authority's /devicecode and /token endpoints
// (RFC 8628, RFC 6749 5.1/5.2), bounded and validated: a missing field,
// nonsense JSON or a value out of range is an error that says which.
class SignInAnswers
{
    Q_DECLARE_TR_FUNCTIONS(SignInAnswers)

public:
    static std::optional<DeviceCode> readDeviceCode(int status, const QByteArray &body, QString *error);
    static TokenAnswer readToken(int status, const QByteArray &body);
    // Who a token is for, from its claims (upn, preferred_username, unique_name
    // or name), for showing only: the token is not verified here, the store does.
    static QString accountOf(const QByteArray &accessToken);
};

} // namespace sl
