#pragma once

#include "remote/httprequest.h"

#include <QString>
#include <QUrl>

#include <vector>

namespace sl {

// One request inside a $batch: `path` is relative to the service root
// ("msdyn_customerassets(<id>)"); the body is JSON.
struct BatchPart
{
    QByteArray method = "PATCH";
    QString path;
    HttpHeaders headers;
    QByteArray body;
};

// Builds one OData 4.0 $batch request as Dataverse takes it (no I/O): a
// POST to <service root>/$batch, multipart/mixed with the boundary
// batch_<id>, each change set a nested multipart/mixed (changeset_<id>)
// whose parts are application/http requests, binary, numbered with a
// Content-ID (1, 2, ... across the batch). A change set is atomic on the
// store; the batch asks to go on after a change set fails
// (Prefer: odata.continue-on-error), so every change set gets an answer.
// At most limits::kBatchRequests requests in all.
class BatchRequest
{
public:
    // `id` makes the boundaries; a random UUID when empty.
    explicit BatchRequest(const QUrl &serviceRoot, const QByteArray &id = {});

    // Adds a change set of `parts` in order; false (and nothing added) when
    // it is empty or would pass limits::kBatchRequests.
    bool addChangeSet(std::vector<BatchPart> parts);

    int requestCount() const { return m_requests; }
    int changeSetCount() const { return int(m_changeSets.size()); }
    // Requests per change set, in order: what BatchResponse::parse expects.
    std::vector<int> layout() const;

    // The whole request; the OData headers and the token are the runner's.
    HttpRequest httpRequest() const;

private:
    QByteArray body() const;

    QUrl m_serviceRoot;
    QByteArray m_id;
    std::vector<std::vector<BatchPart>> m_changeSets;
    int m_requests = 0;
};

} // namespace sl
