#pragma once

#include "remote/tokensource.h"

namespace sl::test {

// A TokenSource a test controls: refresh() moves to `nextToken` when
// `refreshWorks`, else answers `failure`, and counts the refreshes.
class FakeTokenSource : public TokenSource
{
public:
    QByteArray accessToken() const override { return token; }
    void refresh(RefreshDone done) override
    {
        ++refreshes;
        if (refreshWorks)
            token = nextToken;
        done(refreshWorks ? TokenRefresh::Refreshed : failure);
    }

    QByteArray token = "test-token";
    QByteArray nextToken = "test-token-2";
    bool refreshWorks = true;
    TokenRefresh failure = TokenRefresh::Refused;
    int refreshes = 0;
};

} // namespace sl::test
