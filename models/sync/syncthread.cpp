#include "sync/syncthread.h"

#include "remote/curltransport.h"
#include "remote/systemclock.h"
#include "remote/tokensource.h"
#include "store/workspace.h"

#include <QEventLoop>
#include <QMetaObject>

namespace sl {

SyncThread::SyncThread(const QString &workspaceDirectory, const QUrl &serviceRoot, const QByteArray &token,
                       SyncOptions options, QObject *parent)
    : QThread(parent), m_directory(workspaceDirectory), m_serviceRoot(serviceRoot), m_token(token),
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
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &SyncEngine::cancel, Qt::QueuedConnection);
}

SyncSummary SyncThread::summary() const
{
    QMutexLocker lock(&m_mutex);
    return m_summary;
}

void SyncThread::run()
{
    QString error;
    std::unique_ptr<Workspace> workspace = Workspace::open(m_directory, &error);
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
    CurlTransport transport;
    SystemClock clock;
    FixedTokenSource tokens(m_token);
    SyncEngine engine(transport, clock, tokens, *workspace, m_serviceRoot, m_options);
    QEventLoop loop;
    connect(&engine, &SyncEngine::progress, this, &SyncThread::progress, Qt::DirectConnection);
    connect(&engine, &SyncEngine::storeBusy, this, &SyncThread::storeBusy, Qt::DirectConnection);
    connect(&engine, &SyncEngine::finished, &loop, &QEventLoop::quit);
    bool cancelled = false;
    {
        QMutexLocker lock(&m_mutex);
        m_engine = &engine;
        cancelled = m_cancelRequested;
    }
    engine.start();
    if (cancelled)
        engine.cancel();
    if (engine.isRunning())
        loop.exec();
    const SyncSummary summary = engine.summary();
    {
        QMutexLocker lock(&m_mutex);
        m_engine = nullptr;
        m_summary = summary;
    }
    Q_EMIT syncFinished(summary);
}

} // namespace sl
