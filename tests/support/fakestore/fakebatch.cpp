#include "fakebatch.h"

#include "remote/multipartmixed.h"
#include "remote/remotelimits.h"

#include <QUuid>

namespace sl::test {

namespace {

using multipart::MimePart;

bool isHttpPart(const MimePart &part)
{
    return headerValue(part.headers, "Content-Type").split(';').first().trimmed().toLower() == "application/http";
}

QByteArray reasonOf(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 412: return "Precondition Failed";
    case 428: return "Precondition Required";
    default: return "Status";
    }
}

// One answer as an application/http part (its MIME headers, then the HTTP message).
QByteArray httpPart(const FakeResponse &response, const QByteArray &contentId)
{
    QByteArray out = "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n";
    if (!contentId.isEmpty())
        out += "Content-ID: " + contentId + "\r\n";
    out += "\r\nHTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonOf(response.status) + "\r\n";
    out += "OData-Version: 4.0\r\n";
    for (const auto &field : response.headers)
        out += field.first + ": " + field.second + "\r\n";
    if (!response.body.isEmpty() && !hasHeader(response.headers, "Content-Type"))
        out += "Content-Type: application/json; odata.metadata=minimal\r\n";
    out += "\r\n" + response.body + "\r\n";
    return out;
}

QByteArray newBoundary(const char *prefix)
{
    return prefix + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

} // namespace

bool FakeBatch::readRequest(const QByteArray &content, FakeRequest *request) const
{
    qsizetype next = -1;
    const QList<QByteArray> words = multipart::readLine(content, 0, &next).split(' ');
    if (next < 0 || words.size() != 3 || !words[2].startsWith("HTTP/1."))
        return false;
    request->method = words[0];
    const QUrl target = QUrl::fromEncoded(words[1]);
    // Absolute, or relative to the service root (an absolute path included).
    request->url = target.isRelative() ? m_serviceRoot.resolved(target) : target;
    QString error;
    const QByteArray rest = content.mid(next) + "\r\n";
    const qsizetype bodyStart = multipart::readHeaders(rest, 0, &request->headers, &error);
    if (bodyStart < 0)
        return false;
    request->body = content.mid(next).mid(qMin(bodyStart, rest.size() - 2));
    return request->url.isValid();
}

FakeResponse FakeBatch::answer(const FakeRequest &batch, const Hooks &hooks) const
{
    // Read it all first: a batch that does not read runs nothing.
    std::vector<MimePart> parts;
    QString error;
    if (!multipart::split(batch.body, multipart::boundaryOf(batch.value("Content-Type")), &parts, &error))
        return FakeResponse::error(400, QString(), QStringLiteral("The batch does not read: %1").arg(error));
    struct Item
    {
        std::vector<FakeRequest> requests;
        std::vector<QByteArray> contentIds;
        bool changeSet = false;
    };
    std::vector<Item> items;
    int total = 0;
    for (const MimePart &part : parts) {
        Item item;
        std::vector<MimePart> leaves;
        if (isHttpPart(part)) {
            leaves.push_back(part);
        } else {
            item.changeSet = true;
            if (!multipart::split(part.content, multipart::boundaryOf(headerValue(part.headers, "Content-Type")),
                                  &leaves, &error))
                return FakeResponse::error(400, QString(), QStringLiteral("A change set does not read: %1").arg(error));
        }
        for (const MimePart &leaf : leaves) {
            FakeRequest request;
            if (!isHttpPart(leaf) || !readRequest(leaf.content, &request))
                return FakeResponse::error(400, QString(), QStringLiteral("A batch part is not an HTTP request."));
            item.requests.push_back(std::move(request));
            item.contentIds.push_back(headerValue(leaf.headers, "Content-ID"));
        }
        total += int(leaves.size());
        items.push_back(std::move(item));
    }
    if (total > limits::kBatchRequests)
        return FakeResponse::error(400, QStringLiteral("0x8004800d"),
                                   QStringLiteral("The number of requests in a batch is limited to 1000."));

    const bool goOn = batch.value("Prefer").contains("odata.continue-on-error");
    const QByteArray outer = newBoundary("batchresponse_");
    QByteArray body;
    for (const Item &item : items) {
        bool failed = false;
        if (!item.changeSet) {
            const FakeResponse response = hooks.run(item.requests.front());
            body += "--" + outer + "\r\n" + httpPart(response, item.contentIds.front());
            failed = response.status >= 400;
        } else {
            hooks.save();
            const QByteArray inner = newBoundary("changesetresponse_");
            QByteArray set;
            for (size_t i = 0; i < item.requests.size() && !failed; ++i) {
                const FakeResponse response = hooks.run(item.requests[i]);
                if (response.status >= 400) {
                    hooks.restore();
                    failed = true;
                    set = "--" + outer + "\r\n" + httpPart(response, item.contentIds[i]);
                } else {
                    set += "--" + inner + "\r\n" + httpPart(response, item.contentIds[i]);
                }
            }
            if (!failed)
                set = "--" + outer + "\r\nContent-Type: multipart/mixed; boundary=" + inner + "\r\n\r\n" + set + "--"
                      + inner + "--\r\n";
            body += set;
        }
        if (failed && !goOn)
            break;
    }
    body += "--" + outer + "--\r\n";
    FakeResponse response;
    response.status = 200;
    response.body = body;
    response.headers = {{"Content-Type", "multipart/mixed; boundary=" + outer}};
    return response;
}

} // namespace sl::test
