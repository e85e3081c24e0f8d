#pragma once

#include "remote/tokensource.h"

namespace sl::test {

// A TokenSource a test controls: refresh() moves to `nextToken` when
// `refreshWorks`, and counts the refreshes.
class FakeTokenSource : public TokenSource
{
public:
    QByteArray accessToken() const override { return token; }
    void refresh(std::function<void(bool ok)> done) override
    {
        ++refreshes;
        if (refreshWorks)
            token = nextToken;
        done(refreshWorks);
    }

    QByteArray token = "test-token";
    QByteArray nextToken = "test-token-2";
    bool refreshWorks = true;
    int refreshes = 0;
};

} // namespace sl::test
