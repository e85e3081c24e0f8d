#pragma once

#include "remote/httprequest.h"
#include "remote/httpresponse.h"

#include <functional>

namespace sl {

// Sends HTTP requests and hands back their answers. The asset store client
// talks only to this interface, so tests can put a scripted fake behind it.
class HttpTransport
{
public:
    using RequestId = quint64;
    using Callback = std::function<void(const HttpResponse &)>;

    virtual ~HttpTransport() = default;

    // Starts `request`. `done` is called exactly once, later (never from
    // within send()), on the thread that owns the transport; it is not
    // called when the transport is destroyed first.
    virtual RequestId send(const HttpRequest &request, Callback done) = 0;
    // The request's callback gets TransportError::Cancelled, unless it was
    // already called. Unknown ids are ignored.
    virtual void cancel(RequestId id) = 0;
};

} // namespace sl
