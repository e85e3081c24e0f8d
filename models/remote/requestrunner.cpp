#include "remote/requestrunner.h"

#include "remote/odataheaders.h"
#include "remote/remotelogging.h"
#include "remote/tokensource.h"

#include <QPointer>

namespace sl {

RequestRunner::RequestRunner(HttpTransport &transport, Clock &clock, TokenSource &tokens, RetryPolicy policy,
                             QObject *parent)
    : QObject(parent), m_transport(transport), m_clock(clock), m_tokens(tokens), m_policy(std::move(policy))
{
}

RequestRunner::~RequestRunner()
{
    for (auto &[id, run] : m_runs) {
        if (run.waiting)
            m_clock.cancel(run.waiting);
        if (run.sending)
            m_transport.cancel(run.sending);
    }
}

RequestRunner::RunId RequestRunner::run(const HttpRequest &request, Done done)
{
    const RunId id = ++m_lastId;
    m_runs[id] = Run{request, std::move(done), {}, 0, 0, false};
    send(id);
    return id;
}

void RequestRunner::send(RunId id)
{
    Run &run = m_runs.at(id);
    run.waiting = 0;
    HttpRequest request = run.request;
    odata::applyStandardHeaders(request, m_tokens.accessToken());
    QPointer<RequestRunner> self(this);
    run.sending = m_transport.send(request, [self, id](const HttpResponse &response) {
        if (self)
            self->onAnswer(id, response);
    });
}

void RequestRunner::onAnswer(RunId id, const HttpResponse &response)
{
    const auto it = m_runs.find(id);
    if (it == m_runs.end())
        return; // cancelled meanwhile
    Run &run = it->second;
    run.sending = 0;
    ++run.state.attempts;

    const RetryDecision decision = m_policy.decide(response, run.state);
    switch (decision.action) {
    case RetryDecision::Action::Retry:
        if (decision.storeBusy) {
            // A 429 wait is the store's own pacing, not a failed attempt.
            --run.state.attempts;
            ++run.state.busyWaits;
            Q_EMIT storeBusy(int((decision.delayMs + 999) / 1000));
        }
        qCInfo(lcRemote) << "retrying" << run.request.method << run.request.url.path() << "in" << decision.delayMs
                         << "ms after" << (response.completed() ? QString::number(response.status)
                                                                : response.errorDetail);
        run.waiting = m_clock.callAfter(decision.delayMs, [this, id] { send(id); });
        return;
    case RetryDecision::Action::RefreshToken:
        refreshThenSend(id);
        return;
    case RetryDecision::Action::Deliver:
        finish(id, response, RemoteError::fromResponse(response));
        return;
    }
}

void RequestRunner::refreshThenSend(RunId id)
{
    Run &run = m_runs.at(id);
    run.state.tokenRefreshed = true;
    run.refreshing = true;
    QPointer<RequestRunner> self(this);
    m_tokens.refresh([self, id](TokenRefresh outcome) {
        if (!self)
            return;
        const auto it = self->m_runs.find(id);
        if (it == self->m_runs.end())
            return;
        it->second.refreshing = false;
        if (outcome == TokenRefresh::Refreshed) {
            self->send(id);
            return;
        }
        if (outcome == TokenRefresh::Unavailable) {
            self->finish(id, HttpResponse{}, RemoteError::signInUnavailable());
            return;
        }
        HttpResponse refused;
        refused.status = 401;
        self->finish(id, refused, RemoteError::fromResponse(refused));
    });
}

void RequestRunner::cancel(RunId id)
{
    const auto it = m_runs.find(id);
    if (it == m_runs.end())
        return;
    if (it->second.waiting)
        m_clock.cancel(it->second.waiting);
    if (it->second.sending)
        m_transport.cancel(it->second.sending);
    HttpResponse cancelled;
    cancelled.error = TransportError::Cancelled;
    finish(id, cancelled, RemoteError::fromResponse(cancelled));
}

void RequestRunner::finish(RunId id, const HttpResponse &response, const RemoteError &error)
{
    const auto it = m_runs.find(id);
    if (it == m_runs.end())
        return;
    Done done = std::move(it->second.done);
    m_runs.erase(it);
    done(response, error);
}

} // namespace sl
