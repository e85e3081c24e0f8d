#pragma once

#include "remote/httpheaders.h"

#include <QString>

#include <any>

namespace sl {

// Why a request got no complete HTTP answer.
enum class TransportError {
    None,
    Timeout,          // the connect or the overall timeout passed
    Connection,       // no connection, or it broke before the answer was whole
    Tls,              // the server's certificate or the TLS handshake failed
    Cancelled,        // the caller cancelled the request
    ResponseTooLarge, // the body passed HttpRequest::maxResponseBytes
};

// The answer to one HttpRequest: a status and a body, or a transport error.
struct HttpResponse
{
    int status = 0; // 0 when error != None
    HttpHeaders headers;
    QByteArray body;
    TransportError error = TransportError::None;
    QString errorDetail; // the transport's own words, for the log
    std::any decoded;    // HttpRequest::decodeBody's result, where the transport ran it

    bool completed() const { return error == TransportError::None; }
    bool isSuccess() const { return completed() && status >= 200 && status < 300; }
};

} // namespace sl
