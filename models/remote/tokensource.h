#pragma once

#include <QByteArray>

#include <functional>

namespace sl {

// How a token refresh ended.
enum class TokenRefresh {
    Refreshed,   // accessToken() has a new one
    Refused,     // the sign-in no longer works: the user must sign in again
    Unavailable, // the sign-in service could not be asked, or did not answer
                 // sensibly (no connection, a 5xx, a captive portal's page):
                 // the sign-in still stands, a later refresh may work
};

// Where the bearer token for the asset store comes from (the sign-in, an
// environment variable, a test).
class TokenSource
{
public:
    using RefreshDone = std::function<void(TokenRefresh)>;
    virtual ~TokenSource() = default;

    // The current access token; empty when there is none.
    virtual QByteArray accessToken() const = 0;
    // Gets a new token (the old one was refused). May call `done` before
    // returning.
    virtual void refresh(RefreshDone done) = 0;
};

// A token given once, e.g. from an environment variable for scripts; it
// cannot be refreshed.
class FixedTokenSource : public TokenSource
{
public:
    explicit FixedTokenSource(QByteArray token) : m_token(std::move(token)) {}

    QByteArray accessToken() const override { return m_token; }
    void refresh(RefreshDone done) override { done(TokenRefresh::Refused); }

private:
    QByteArray m_token;
};

} // namespace sl
