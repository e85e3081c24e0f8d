#pragma once

#include "remote/curltransportoptions.h"
#include "remote/httprequest.h"
#include "remote/httpresponse.h"

#include <curl/curl.h>

namespace sl {

// One request on one curl easy handle: sets it up (verified TLS, gzip,
// HTTP/2 where offered, timeouts), collects the answer, and maps curl's
// result to a TransportError. Used only on CurlWorker's thread.
class CurlTransfer
{
public:
    CurlTransfer(quint64 id, const HttpRequest &request, const CurlTransportOptions &options);
    ~CurlTransfer();
    CurlTransfer(const CurlTransfer &) = delete;
    CurlTransfer &operator=(const CurlTransfer &) = delete;

    quint64 id() const { return m_id; }
    CURL *handle() const { return m_easy; }
    // The answer once curl reported `result` for this transfer, its body
    // decoded here when the request asked for it.
    HttpResponse finish(CURLcode result);

    static TransportError errorFor(CURLcode result);

private:
    static size_t onBody(char *data, size_t size, size_t count, void *self);
    static size_t onHeader(char *data, size_t size, size_t count, void *self);

    quint64 m_id;
    CURL *m_easy = nullptr;
    curl_slist *m_headerList = nullptr;
    QByteArray m_requestBody; // curl reads it in place: must outlive the transfer
    qint64 m_maxBody;
    bool m_tooLarge = false;
    HttpResponse m_response;
    std::function<std::any(const QByteArray &)> m_decodeBody; // HttpRequest::decodeBody
};

} // namespace sl
