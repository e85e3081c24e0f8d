#include "remote/curltransport.h"

#include "remote/curlworker.h"

namespace sl {

CurlTransport::CurlTransport(const CurlTransportOptions &options, QObject *parent) : QObject(parent)
{
    m_worker = std::make_unique<CurlWorker>(options, [this](quint64 id, HttpResponse response) {
        // On the worker thread: hand over to ours. Queued calls still in
        // flight when this object dies are dropped by Qt.
        QMetaObject::invokeMethod(
            this, [this, id, response = std::move(response)] { deliver(id, response); }, Qt::QueuedConnection);
    });
}

CurlTransport::~CurlTransport()
{
    m_worker.reset(); // joins the thread before the callbacks go
}

HttpTransport::RequestId CurlTransport::send(const HttpRequest &request, Callback done)
{
    const RequestId id = ++m_lastId;
    m_callbacks[id] = std::move(done);
    m_worker->submit(id, request);
    return id;
}

void CurlTransport::cancel(RequestId id)
{
    if (m_callbacks.count(id))
        m_worker->cancel(id); // the worker answers Cancelled unless it finished first
}

void CurlTransport::deliver(RequestId id, const HttpResponse &response)
{
    const auto it = m_callbacks.find(id);
    if (it == m_callbacks.end())
        return;
    Callback done = std::move(it->second);
    m_callbacks.erase(it);
    done(response);
}

} // namespace sl
