#pragma once

#include "remote/httptransport.h"

#include <functional>

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

    // No answer at all because the store could not be reached (refused,
    // no route, DNS, timeout); a cancel or an answer too large is not that.
    static bool isUnreachable(const HttpResponse &response);

private:
    HttpTransport &m_inner;
    Watcher m_watcher;
};

} // namespace sl
