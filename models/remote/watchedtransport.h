#pragma once

#include "remote/httptransport.h"

#include <functional>
#include <memory>
#include <set>

namespace sl {

// An HttpTransport in front of another that shows every answer to a
// watcher before the caller gets it: how a sync learns, request by request,
// whether the store is reachable and whether it refused the token, without
// the jobs having to say so.
class WatchedTransport : public HttpTransport
{
public:
    using Watcher = std::function<void(const HttpResponse &)>;

    WatchedTransport(HttpTransport &inner, Watcher watcher);

    RequestId send(const HttpRequest &request, Callback done) override;
    void cancel(RequestId id) override;
    // Cancels every request on the wire (a sync told to stop now: a write cut
    // off this way is one the store may or may not have taken, which the
    // push already handles as it does a cut connection).
    void cancelAll();

    // No answer at all because the store could not be reached (refused,
    // no route, DNS, timeout); a cancel or an answer too large is not that.
    static bool isUnreachable(const HttpResponse &response);

private:
    HttpTransport &m_inner;
    Watcher m_watcher;
    // The requests on the wire; shared with their callbacks, which outlive no transport call.
    std::shared_ptr<std::set<RequestId>> m_inFlight = std::make_shared<std::set<RequestId>>();
};

} // namespace sl
