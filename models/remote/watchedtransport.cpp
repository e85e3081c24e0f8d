#include "remote/watchedtransport.h"

namespace sl {

WatchedTransport::WatchedTransport(HttpTransport &inner, Watcher watcher)
    : m_inner(inner), m_watcher(std::move(watcher))
{
}

HttpTransport::RequestId WatchedTransport::send(const HttpRequest &request, Callback done)
{
    // The id is known once send() returns; the callback never runs before that.
    auto id = std::make_shared<RequestId>(0);
    *id = m_inner.send(request, [watcher = m_watcher, inFlight = m_inFlight, id, done = std::move(done)](const HttpResponse &response) {
        inFlight->erase(*id);
        if (watcher)
            watcher(response);
        done(response);
    });
    m_inFlight->insert(*id);
    return *id;
}

void WatchedTransport::cancel(RequestId id) { m_inner.cancel(id); }

void WatchedTransport::cancelAll()
{
    const std::set<RequestId> ids = *m_inFlight; // cancel() may answer at once and erase
    for (const RequestId id : ids)
        m_inner.cancel(id);
}

bool WatchedTransport::isUnreachable(const HttpResponse &response)
{
    return response.error == TransportError::Connection || response.error == TransportError::Timeout;
}

} // namespace sl
