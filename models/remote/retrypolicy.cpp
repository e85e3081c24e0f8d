#include "remote/retrypolicy.h"

#include "remote/remotelimits.h"

#include <QRandomGenerator>

namespace sl {

namespace {

bool isTransient(const HttpResponse &response)
{
    switch (response.error) {
    case TransportError::Timeout:
    case TransportError::Connection:
        return true;
    case TransportError::None:
        return response.status == 502 || response.status == 503 || response.status == 504;
    default:
        return false;
    }
}

} // namespace

RetryPolicy::RetryPolicy(Settings settings, std::function<double()> random)
    : m_settings(settings), m_random(std::move(random))
{
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
}

int RetryPolicy::retryAfterSeconds(const HttpResponse &response)
{
    bool ok = false;
    const int seconds = headerValue(response.headers, "Retry-After").trimmed().toInt(&ok);
    if (!ok || seconds < 0)
        return -1;
    return qMin(seconds, limits::kRetryAfterSeconds);
}

qint64 RetryPolicy::backoffMs(int attempt) const
{
    qint64 delay = m_settings.baseDelayMs;
    for (int i = 1; i < attempt && delay < m_settings.maxDelayMs; ++i)
        delay *= 2;
    delay = qMin(delay, m_settings.maxDelayMs);
    const double jitter = 0.5 + 0.5 * qBound(0.0, m_random(), 1.0);
    return qint64(double(delay) * jitter);
}

RetryDecision RetryPolicy::decide(const HttpResponse &response, const RetryState &state) const
{
    RetryDecision decision;
    if (response.completed() && response.status == 429) {
        decision.storeBusy = true;
        if (state.busyWaits >= m_settings.maxBusyWaits)
            return decision; // Deliver: the caller says the store stays busy
        const int seconds = retryAfterSeconds(response);
        decision.action = RetryDecision::Action::Retry;
        decision.delayMs = seconds >= 0 ? qint64(seconds) * 1000 : backoffMs(state.busyWaits + 1);
        return decision;
    }
    if (response.completed() && response.status == 401) {
        if (!state.tokenRefreshed)
            decision.action = RetryDecision::Action::RefreshToken;
        return decision;
    }
    if (isTransient(response) && state.attempts < m_settings.maxAttempts) {
        decision.action = RetryDecision::Action::Retry;
        const int seconds = retryAfterSeconds(response); // a 503 may say how long
        decision.delayMs = seconds >= 0 ? qint64(seconds) * 1000 : backoffMs(state.attempts);
    }
    return decision;
}

} // namespace sl
