#include "remote/curlworker.h"

#include "remote/curltransfer.h"
#include "remote/remotelogging.h"

namespace sl {

namespace {

void initialiseCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

HttpResponse cancelledResponse()
{
    HttpResponse response;
    response.error = TransportError::Cancelled;
    response.errorDetail = QStringLiteral("cancelled");
    return response;
}

} // namespace

CurlWorker::CurlWorker(const CurlTransportOptions &options, Deliver deliver)
    : m_options(options), m_deliver(std::move(deliver))
{
    initialiseCurlOnce();
    m_multi = curl_multi_init();
    // Let transfers share connections, multiplexed on HTTP/2.
    curl_multi_setopt(m_multi, CURLMOPT_PIPELINING, long(CURLPIPE_MULTIPLEX));
    curl_multi_setopt(m_multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, long(qMax(1, options.maxConcurrent)));
    m_thread = std::thread([this] { run(); });
}

CurlWorker::~CurlWorker()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    curl_multi_wakeup(m_multi);
    m_thread.join();
    for (auto &[id, transfer] : m_active)
        curl_multi_remove_handle(m_multi, transfer->handle());
    m_active.clear();
    curl_multi_cleanup(m_multi);
}

void CurlWorker::submit(quint64 id, const HttpRequest &request)
{
    {
        std::lock_guard lock(m_mutex);
        m_incoming.emplace_back(id, request);
    }
    curl_multi_wakeup(m_multi);
}

void CurlWorker::cancel(quint64 id)
{
    {
        std::lock_guard lock(m_mutex);
        m_cancels.push_back(id);
    }
    curl_multi_wakeup(m_multi);
}

void CurlWorker::run()
{
    for (;;) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stop)
                return;
        }
        takeIncoming();
        startWaiting();
        int running = 0;
        curl_multi_perform(m_multi, &running);
        collectFinished();
        // Sleeps until a socket is ready, a timeout of curl's is due, or
        // submit()/cancel() wake it.
        curl_multi_poll(m_multi, nullptr, 0, 1000, nullptr);
    }
}

void CurlWorker::takeIncoming()
{
    std::vector<quint64> cancels;
    {
        std::lock_guard lock(m_mutex);
        while (!m_incoming.empty()) {
            m_waiting.push_back(std::move(m_incoming.front()));
            m_incoming.pop_front();
        }
        cancels.swap(m_cancels);
    }
    for (quint64 id : cancels)
        cancelOne(id);
}

void CurlWorker::cancelOne(quint64 id)
{
    for (auto it = m_waiting.begin(); it != m_waiting.end(); ++it) {
        if (it->first == id) {
            m_waiting.erase(it);
            m_deliver(id, cancelledResponse());
            return;
        }
    }
    const auto active = m_active.find(id);
    if (active == m_active.end())
        return; // already finished
    curl_multi_remove_handle(m_multi, active->second->handle());
    m_idOfHandle.erase(active->second->handle());
    m_active.erase(active);
    m_deliver(id, cancelledResponse());
}

void CurlWorker::startWaiting()
{
    while (!m_waiting.empty() && int(m_active.size()) < qMax(1, m_options.maxConcurrent)) {
        auto [id, request] = std::move(m_waiting.front());
        m_waiting.pop_front();
        auto transfer = std::make_unique<CurlTransfer>(id, request, m_options);
        qCDebug(lcRemote) << "start" << request.method << request.url.toDisplayString();
        curl_multi_add_handle(m_multi, transfer->handle());
        m_idOfHandle[transfer->handle()] = id;
        m_active[id] = std::move(transfer);
    }
}

void CurlWorker::collectFinished()
{
    int left = 0;
    while (CURLMsg *message = curl_multi_info_read(m_multi, &left)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        CURL *easy = message->easy_handle;
        const CURLcode result = message->data.result;
        const auto handle = m_idOfHandle.find(easy);
        if (handle == m_idOfHandle.end())
            continue;
        const quint64 id = handle->second;
        m_idOfHandle.erase(handle);
        curl_multi_remove_handle(m_multi, easy);
        auto transfer = std::move(m_active[id]);
        m_active.erase(id);
        HttpResponse response = transfer->finish(result);
        qCDebug(lcRemote) << "done" << id << response.status << response.errorDetail;
        m_deliver(id, std::move(response));
    }
}

} // namespace sl
