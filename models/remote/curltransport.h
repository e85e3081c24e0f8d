#pragma once

#include "remote/curltransportoptions.h"
#include "remote/httptransport.h"

#include <QObject>

#include <map>
#include <memory>

namespace sl {

class CurlWorker;

// The HttpTransport Sightline uses: libcurl on one worker thread
// (CurlWorker); callbacks run on the thread that owns this object.
class CurlTransport : public QObject, public HttpTransport
{
    Q_OBJECT

public:
    explicit CurlTransport(const CurlTransportOptions &options = {}, QObject *parent = nullptr);
    ~CurlTransport() override;

    RequestId send(const HttpRequest &request, Callback done) override;
    void cancel(RequestId id) override;

    // Requests sent whose callback has not run yet.
    int pendingCount() const { return int(m_callbacks.size()); }

private:
    void deliver(RequestId id, const HttpResponse &response);

    std::map<RequestId, Callback> m_callbacks;
    RequestId m_lastId = 0;
    std::unique_ptr<CurlWorker> m_worker;
};

} // namespace sl
