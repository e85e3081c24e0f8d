#pragma once

#include "remote/clock.h"
#include "remote/httptransport.h"
#include "remote/remoteerror.h"
#include "remote/retrypolicy.h"

#include <QObject>

#include <map>

namespace sl {

class TokenSource;

// Runs one logical request to the asset store to its end: adds the OData
// headers and the current token to every send, and follows the
// RetryPolicy (waiting on the Clock, refreshing the token once on 401).
class RequestRunner : public QObject
{
    Q_OBJECT

public:
    using RunId = quint64;
    // The last answer, and the error it means (None for a 2xx).
    using Done = std::function<void(const HttpResponse &, const RemoteError &)>;

    RequestRunner(HttpTransport &transport, Clock &clock, TokenSource &tokens, RetryPolicy policy,
                  QObject *parent = nullptr);
    ~RequestRunner() override;

    // `done` runs exactly once, later, unless this runner is destroyed first.
    RunId run(const HttpRequest &request, Done done);
    // `done` gets Kind::Cancelled, at once. Unknown ids are ignored.
    void cancel(RunId id);

    Clock &clock() const { return m_clock; }

Q_SIGNALS:
    // A 429: the runner waits `seconds` as the store told it ("store busy").
    void storeBusy(int seconds);

private:
    struct Run
    {
        HttpRequest request;
        Done done;
        RetryState state;
        HttpTransport::RequestId sending = 0; // 0 when not on the wire
        Clock::TimerId waiting = 0;           // 0 when not waiting
        bool refreshing = false;
    };

    void send(RunId id);
    void onAnswer(RunId id, const HttpResponse &response);
    void refreshThenSend(RunId id);
    void finish(RunId id, const HttpResponse &response, const RemoteError &error);

    HttpTransport &m_transport;
    Clock &m_clock;
    TokenSource &m_tokens;
    RetryPolicy m_policy;
    std::map<RunId, Run> m_runs;
    RunId m_lastId = 0;
};

} // namespace sl
