#pragma once

#include "remote/httpheaders.h"
#include "remote/remotelimits.h"

#include <QUrl>

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
};

} // namespace sl
