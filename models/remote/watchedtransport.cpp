#include "remote/watchedtransport.h"

namespace sl {

WatchedTransport::WatchedTransport(HttpTransport &inner, Watcher watcher)
    : m_inner(inner), m_watcher(std::move(watcher))
{
}

HttpTransport::RequestId WatchedTransport::send(const HttpRequest &request, Callback done)
{
    return m_inner.send(request, [watcher = m_watcher, done = std::move(done)](const HttpResponse &response) {
        if (watcher)
            watcher(response);
        done(response);
    });
}

void WatchedTransport::cancel(RequestId id) { m_inner.cancel(id); }

bool WatchedTransport::isUnreachable(const HttpResponse &response)
{
    return response.error == TransportError::Connection || response.error == TransportError::Timeout;
}

} // namespace sl
