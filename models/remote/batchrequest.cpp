#include "remote/batchrequest.h"

#include "remote/remotelimits.h"

#include <QUuid>

namespace sl {

namespace {

// MIME and HTTP inside the batch both end lines with CR LF.
constexpr const char *kCrlf = "\r\n";

} // namespace

BatchRequest::BatchRequest(const QUrl &serviceRoot, const QByteArray &id)
    : m_serviceRoot(serviceRoot), m_id(id.isEmpty() ? QUuid::createUuid().toByteArray(QUuid::WithoutBraces) : id)
{
}

bool BatchRequest::addChangeSet(std::vector<BatchPart> parts)
{
    if (parts.empty() || m_requests + int(parts.size()) > limits::kBatchRequests)
        return false;
    m_requests += int(parts.size());
    m_changeSets.push_back(std::move(parts));
    return true;
}

std::vector<int> BatchRequest::layout() const
{
    std::vector<int> sizes;
    sizes.reserve(m_changeSets.size());
    for (const std::vector<BatchPart> &set : m_changeSets)
        sizes.push_back(int(set.size()));
    return sizes;
}

QByteArray BatchRequest::body() const
{
    const QByteArray batch = "batch_" + m_id;
    QByteArray out;
    int contentId = 0;
    for (size_t i = 0; i < m_changeSets.size(); ++i) {
        const QByteArray changeSet = "changeset_" + m_id + '_' + QByteArray::number(qulonglong(i + 1));
        out += "--" + batch + kCrlf;
        out += "Content-Type: multipart/mixed; boundary=" + changeSet + kCrlf;
        out += kCrlf;
        for (const BatchPart &part : m_changeSets[i]) {
            out += "--" + changeSet + kCrlf;
            out += QByteArray("Content-Type: application/http") + kCrlf;
            out += QByteArray("Content-Transfer-Encoding: binary") + kCrlf;
            out += "Content-ID: " + QByteArray::number(++contentId) + kCrlf;
            out += kCrlf;
            out += part.method + ' ' + m_serviceRoot.resolved(QUrl(part.path)).toEncoded() + " HTTP/1.1" + kCrlf;
            if (!part.body.isEmpty() && !hasHeader(part.headers, "Content-Type"))
                out += QByteArray("Content-Type: application/json") + kCrlf;
            for (const auto &field : part.headers)
                out += field.first + ": " + field.second + kCrlf;
            out += kCrlf;
            out += part.body + kCrlf;
        }
        out += "--" + changeSet + "--" + kCrlf;
    }
    out += "--" + batch + "--" + kCrlf;
    return out;
}

HttpRequest BatchRequest::httpRequest() const
{
    HttpRequest request;
    request.method = "POST";
    request.url = m_serviceRoot.resolved(QUrl(QStringLiteral("$batch")));
    request.body = body();
    setHeader(request.headers, "Content-Type", "multipart/mixed; boundary=batch_" + m_id);
    setHeader(request.headers, "Prefer", "odata.continue-on-error");
    request.maxResponseBytes = limits::kBatchResponseBytes;
    return request;
}

} // namespace sl
