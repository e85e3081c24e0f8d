#pragma once

#include "remote/httpheaders.h"
#include "remote/remotelimits.h"

#include <QUrl>

#include <any>
#include <functional>

namespace sl {

// One HTTP request as the transport sends it.
struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    // The transport stops reading a response body past this many bytes and
    // answers TransportError::ResponseTooLarge.
    qint64 maxResponseBytes = limits::kResponseBytes;
    // Optional work on a successful (2xx) answer's body, done by a transport
    // that can on its own thread before the answer is handed over (a page is
    // parsed while the receiver is still storing the one before); its result
    // comes back in HttpResponse::decoded. Must be thread-safe: it may touch
    // nothing but the body and what it captured by value. A transport that
    // does not run it leaves `decoded` empty, and the receiver decodes.
    std::function<std::any(const QByteArray &body)> decodeBody;
};

} // namespace sl
