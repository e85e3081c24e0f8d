#pragma once

#include "remote/curltransportoptions.h"
#include "remote/httprequest.h"
#include "remote/httpresponse.h"

#include <curl/curl.h>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace sl {

class CurlTransfer;

// The one thread that drives curl's multi interface for a CurlTransport:
// it reuses connections, runs at most options.maxConcurrent transfers at a
// time (the rest wait in line, in order), and hands each answer to
// `deliver` on its own thread. submit() and cancel() may be called from any
// thread; the destructor stops the thread and drops unfinished requests.
class CurlWorker
{
public:
    using Deliver = std::function<void(quint64 id, HttpResponse response)>;

    CurlWorker(const CurlTransportOptions &options, Deliver deliver);
    ~CurlWorker();
    CurlWorker(const CurlWorker &) = delete;
    CurlWorker &operator=(const CurlWorker &) = delete;

    void submit(quint64 id, const HttpRequest &request);
    void cancel(quint64 id);

private:
    void run();
    void takeIncoming();
    void cancelOne(quint64 id);
    void startWaiting();
    void collectFinished();

    const CurlTransportOptions m_options;
    const Deliver m_deliver;
    CURLM *m_multi = nullptr;

    // Shared with the callers' threads, under m_mutex.
    std::mutex m_mutex;
    std::deque<std::pair<quint64, HttpRequest>> m_incoming;
    std::vector<quint64> m_cancels;
    bool m_stop = false;

    // The worker thread's own.
    std::deque<std::pair<quint64, HttpRequest>> m_waiting;
    std::map<quint64, std::unique_ptr<CurlTransfer>> m_active;
    std::map<CURL *, quint64> m_idOfHandle;

    std::thread m_thread; // last: starts after everything above exists
};

} // namespace sl
