#pragma once

#include <QByteArray>

#include <functional>

namespace sl {

// Where the bearer token for the asset store comes from (the sign-in, an
// environment variable, a test).
class TokenSource
{
public:
    virtual ~TokenSource() = default;

    // The current access token; empty when there is none.
    virtual QByteArray accessToken() const = 0;
    // Gets a new token (the old one was refused). `done(true)` when
    // accessToken() now has a new one. May call `done` before returning.
    virtual void refresh(std::function<void(bool ok)> done) = 0;
};

// A token given once, e.g. from an environment variable for scripts; it
// cannot be refreshed.
class FixedTokenSource : public TokenSource
{
public:
    explicit FixedTokenSource(QByteArray token) : m_token(std::move(token)) {}

    QByteArray accessToken() const override { return m_token; }
    void refresh(std::function<void(bool ok)> done) override { done(false); }

private:
    QByteArray m_token;
};

} // namespace sl
