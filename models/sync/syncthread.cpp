#include "sync/syncthread.h"

#include "remote/curltransport.h"
#include "remote/systemclock.h"
#include "remote/tokensource.h"
#include "remote/watchedtransport.h"

#include <QEventLoop>
#include <QMetaObject>

namespace sl {

namespace {

// Tells whoever asks how the refreshes of the token it passes on went.
class NotedTokenSource : public TokenSource
{
public:
    NotedTokenSource(TokenSource &inner, RefreshDone noted) : m_inner(inner), m_noted(std::move(noted)) {}

    QByteArray accessToken() const override { return m_inner.accessToken(); }
    void refresh(RefreshDone done) override
    {
        m_inner.refresh([noted = m_noted, done = std::move(done)](TokenRefresh outcome) {
            noted(outcome);
            done(outcome);
        });
    }

private:
    TokenSource &m_inner;
    RefreshDone m_noted;
};

} // namespace

SyncThread::SyncThread(const QString &workspaceDirectory, const QUrl &serviceRoot, const QByteArray &token,
                       SyncOptions options, QObject *parent)
    : SyncThread(workspaceDirectory, serviceRoot,
                 [token]() -> std::unique_ptr<TokenSource> { return std::make_unique<FixedTokenSource>(token); },
                 options, parent)
{
}

SyncThread::SyncThread(const QString &workspaceDirectory, const QUrl &serviceRoot, TokenSourceFactory tokens,
                       SyncOptions options, QObject *parent)
    : QThread(parent), m_directory(workspaceDirectory), m_serviceRoot(serviceRoot), m_tokens(std::move(tokens)),
      m_options(options)
{
}

SyncThread::~SyncThread()
{
    requestCancel();
    wait();
}

void SyncThread::requestCancel()
{
    QMutexLocker lock(&m_mutex);
    m_cancelRequested = true;
    if (m_engine) {
        QMetaObject::invokeMethod(m_engine, &SyncEngine::cancel, Qt::QueuedConnection);
        // Then, on the sync's thread, what is still on the wire (a push waits for its answer otherwise).
        QMetaObject::invokeMethod(m_engine, [transport = m_transport] { transport->cancelAll(); }, Qt::QueuedConnection);
    }
}

SyncSummary SyncThread::summary() const
{
    QMutexLocker lock(&m_mutex);
    return m_summary;
}

void SyncThread::run()
{
    QString error;
    std::unique_ptr<Workspace> workspace = Workspace::open(m_directory, m_check, &error);
    if (!workspace) {
        SyncSummary failed;
        failed.errors.append(error);
        {
            QMutexLocker lock(&m_mutex);
            m_summary = failed;
        }
        Q_EMIT syncFinished(failed);
        return;
    }
    CurlTransport curl;
    SystemClock clock;
    // What the answers say about the store, request by request (all on this thread).
    int reachable = -1; // -1 unknown, else whether the last request got an answer
    bool refreshed = false, refreshFailed = false, refusedAfterRefresh = false, signInUnreachable = false;
    WatchedTransport transport(curl, [&](const HttpResponse &response) {
        if (response.error == TransportError::Cancelled)
            return;
        const int nowReachable = WatchedTransport::isUnreachable(response) ? 0 : 1;
        if (nowReachable != reachable) {
            reachable = nowReachable;
            Q_EMIT reachabilityChanged(reachable == 1);
        }
        if (response.completed() && response.status == 401 && refreshed)
            refusedAfterRefresh = true;
    });
    const std::unique_ptr<TokenSource> given = m_tokens();
    NotedTokenSource tokens(*given, [&](TokenRefresh outcome) {
        (outcome == TokenRefresh::Refreshed ? refreshed
         : outcome == TokenRefresh::Refused ? refreshFailed
                                            : signInUnreachable) = true;
    });
    SyncEngine engine(transport, clock, tokens, *workspace, m_serviceRoot, m_options);
    QEventLoop loop;
    connect(&engine, &SyncEngine::progress, this, &SyncThread::progress, Qt::DirectConnection);
    connect(&engine, &SyncEngine::storeBusy, this, &SyncThread::storeBusy, Qt::DirectConnection);
    connect(&engine, &SyncEngine::finished, &loop, &QEventLoop::quit);
    bool cancelled = false;
    {
        QMutexLocker lock(&m_mutex);
        m_engine = &engine;
        m_transport = &transport;
        cancelled = m_cancelRequested;
    }
    engine.start();
    if (cancelled)
        engine.cancel();
    if (engine.isRunning())
        loop.exec();
    SyncSummary summary = engine.summary();
    // A sign-in service out of reach is being offline, not signed out.
    summary.unreachable = reachable == 0 || signInUnreachable;
    summary.signInNeeded = refreshFailed || refusedAfterRefresh;
    {
        QMutexLocker lock(&m_mutex);
        m_engine = nullptr;
        m_transport = nullptr;
        m_summary = summary;
    }
    Q_EMIT syncFinished(summary);
}

} // namespace sl
