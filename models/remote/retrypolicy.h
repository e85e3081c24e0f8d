#pragma once

#include "remote/httpresponse.h"

#include <functional>

namespace sl {

// What has happened to one logical request so far.
struct RetryState
{
    int attempts = 0;     // times sent, this one included, not counting re-sends after a 429
    int busyWaits = 0;    // 429 answers waited out
    bool tokenRefreshed = false;
};

// What to do with an answer.
struct RetryDecision
{
    enum class Action {
        Deliver,      // hand the answer to the caller (success or final failure)
        Retry,        // send again after delayMs
        RefreshToken, // get a new token, then send again at once
    };
    Action action = Action::Deliver;
    qint64 delayMs = 0;
    bool storeBusy = false; // a 429: the user sees "store busy" while we wait
};

// The limits of RetryPolicy.
struct RetryPolicySettings
{
    int maxAttempts = 5;      // sends of one request for transient failures
    int maxBusyWaits = 10;    // 429 answers waited out before giving up
    qint64 baseDelayMs = 1'000;
    qint64 maxDelayMs = 60'000;
};

// The one retry rule of the asset store client (ASSET-STORE.md, "Service
// protection"): 429 waits Retry-After; 502/503/504, timeouts and broken
// connections back off exponentially with jitter; 401 refreshes the token
// once; everything else (403, 412, TLS, cancel, ...) goes to the caller.
class RetryPolicy
{
public:
    using Settings = RetryPolicySettings;

    // `random` gives a uniform value in [0, 1) for the jitter.
    explicit RetryPolicy(Settings settings = {}, std::function<double()> random = {});

    RetryDecision decide(const HttpResponse &response, const RetryState &state) const;
    // The backoff before send number `attempt + 1`: base * 2^(attempt-1),
    // capped at maxDelayMs, then scaled by a jitter factor in [0.5, 1).
    qint64 backoffMs(int attempt) const;
    // Retry-After as seconds; -1 when absent or not a number of seconds.
    static int retryAfterSeconds(const HttpResponse &response);

    const Settings &settings() const { return m_settings; }

private:
    Settings m_settings;
    std::function<double()> m_random;
};

} // namespace sl
