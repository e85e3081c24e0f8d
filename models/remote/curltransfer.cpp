#include "remote/curltransfer.h"

namespace sl {

CurlTransfer::CurlTransfer(quint64 id, const HttpRequest &request, const CurlTransportOptions &options)
    : m_id(id), m_easy(curl_easy_init()), m_requestBody(request.body), m_maxBody(request.maxResponseBytes),
      m_decodeBody(request.decodeBody)
{
    const QByteArray url = request.url.toEncoded();
    curl_easy_setopt(m_easy, CURLOPT_URL, url.constData());
    curl_easy_setopt(m_easy, CURLOPT_PRIVATE, this);
    curl_easy_setopt(m_easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(m_easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(m_easy, CURLOPT_FOLLOWLOCATION, 0L);
    // TLS is always verified: peer and host name.
    curl_easy_setopt(m_easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(m_easy, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options.caBundle.isEmpty())
        curl_easy_setopt(m_easy, CURLOPT_CAINFO, options.caBundle.toLocal8Bit().constData());
    // gzip/deflate/br as curl offers; HTTP/2 over TLS where the server offers it.
    curl_easy_setopt(m_easy, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(m_easy, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(m_easy, CURLOPT_CONNECTTIMEOUT_MS, long(options.connectTimeoutMs));
    curl_easy_setopt(m_easy, CURLOPT_TIMEOUT_MS, long(options.totalTimeoutMs));
    // Loopback never goes through a proxy; other hosts follow the environment.
    curl_easy_setopt(m_easy, CURLOPT_NOPROXY, "localhost,127.0.0.1,::1");

    if (request.method == "GET") {
        curl_easy_setopt(m_easy, CURLOPT_HTTPGET, 1L);
    } else if (request.method == "HEAD") {
        curl_easy_setopt(m_easy, CURLOPT_NOBODY, 1L);
    } else {
        curl_easy_setopt(m_easy, CURLOPT_CUSTOMREQUEST, request.method.constData());
        if (!m_requestBody.isEmpty() || request.method != "DELETE") {
            curl_easy_setopt(m_easy, CURLOPT_POSTFIELDS, m_requestBody.constData());
            curl_easy_setopt(m_easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(m_requestBody.size()));
        }
    }

    for (const auto &field : request.headers)
        m_headerList = curl_slist_append(m_headerList, QByteArray(field.first + ": " + field.second).constData());
    // No "Expect: 100-continue" round trip before a body.
    m_headerList = curl_slist_append(m_headerList, "Expect:");
    curl_easy_setopt(m_easy, CURLOPT_HTTPHEADER, m_headerList);

    curl_easy_setopt(m_easy, CURLOPT_WRITEFUNCTION, &CurlTransfer::onBody);
    curl_easy_setopt(m_easy, CURLOPT_WRITEDATA, this);
    curl_easy_setopt(m_easy, CURLOPT_HEADERFUNCTION, &CurlTransfer::onHeader);
    curl_easy_setopt(m_easy, CURLOPT_HEADERDATA, this);
}

CurlTransfer::~CurlTransfer()
{
    curl_easy_cleanup(m_easy);
    curl_slist_free_all(m_headerList);
}

size_t CurlTransfer::onBody(char *data, size_t size, size_t count, void *self)
{
    auto *transfer = static_cast<CurlTransfer *>(self);
    const qint64 bytes = qint64(size * count);
    if (transfer->m_response.body.size() + bytes > transfer->m_maxBody) {
        transfer->m_tooLarge = true;
        return 0; // makes curl stop with CURLE_WRITE_ERROR
    }
    transfer->m_response.body.append(data, bytes);
    return size * count;
}

size_t CurlTransfer::onHeader(char *data, size_t size, size_t count, void *self)
{
    auto *transfer = static_cast<CurlTransfer *>(self);
    const QByteArray line = QByteArray(data, qsizetype(size * count)).trimmed();
    if (line.startsWith("HTTP/")) {
        // A new status line (after a 100 Continue): forget earlier fields.
        transfer->m_response.headers.clear();
    } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
        transfer->m_response.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return size * count;
}

TransportError CurlTransfer::errorFor(CURLcode result)
{
    switch (result) {
    case CURLE_OK:
        return TransportError::None;
    case CURLE_OPERATION_TIMEDOUT:
        return TransportError::Timeout;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_USE_SSL_FAILED:
        return TransportError::Tls;
    default:
        // Refused, reset, resolved to nothing, closed mid-answer, HTTP/2
        // stream errors: all mean the answer did not arrive whole.
        return TransportError::Connection;
    }
}

HttpResponse CurlTransfer::finish(CURLcode result)
{
    if (m_tooLarge) {
        m_response.error = TransportError::ResponseTooLarge;
        m_response.errorDetail = QStringLiteral("response body over %1 bytes").arg(m_maxBody);
    } else {
        m_response.error = errorFor(result);
        if (result != CURLE_OK)
            m_response.errorDetail = QString::fromUtf8(curl_easy_strerror(result));
    }
    if (m_response.error == TransportError::None) {
        long status = 0;
        curl_easy_getinfo(m_easy, CURLINFO_RESPONSE_CODE, &status);
        m_response.status = int(status);
        if (m_decodeBody && m_response.isSuccess())
            m_response.decoded = m_decodeBody(m_response.body);
    } else {
        m_response.status = 0;
        m_response.body.clear();
    }
    return std::move(m_response);
}

} // namespace sl
