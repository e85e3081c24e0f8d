#include "sync/syncrunner.h"

#include "signin/tokenrelay.h"
#include "sync/syncthread.h"

namespace sl {

SyncRunner::SyncRunner(QObject *parent) : QObject(parent)
{
    m_periodic.setTimerType(Qt::VeryCoarseTimer); // minutes: a second off does not matter
    connect(&m_periodic, &QTimer::timeout, this, [this] { syncNow(); });
    setIntervalMinutes(m_intervalMinutes);
}

SyncRunner::~SyncRunner()
{
    if (m_thread) {
        m_thread->disconnect(this);
        delete m_thread; // asks it to cancel and waits
    }
}

void SyncRunner::setWorkspace(const QString &directory)
{
    if (directory == m_directory)
        return;
    // A sync of the workspace closed ends (its commits are whole pages); one
    // asked for before a workspace was open (the start's) runs now.
    if (m_thread)
        m_thread->requestCancel();
    m_directory = directory;
    if (isConnected() && !m_directory.isEmpty())
        m_wanted = true; // a workspace opened while connected is brought up to date
    if (m_wanted && !m_thread && !m_directory.isEmpty())
        start();
}

void SyncRunner::setConnection(const QUrl &serviceRoot, TokenRelay *relay)
{
    const bool was = isConnected();
    m_serviceRoot = serviceRoot;
    m_relay = relay;
    if (isConnected() && m_intervalMinutes > 0)
        m_periodic.start();
    else
        m_periodic.stop();
    if (!isConnected())
        m_wanted = false;
    if (was != isConnected())
        Q_EMIT connectionChanged(isConnected());
}

void SyncRunner::setIntervalMinutes(int minutes)
{
    m_intervalMinutes = qMax(0, minutes);
    m_periodic.setInterval(m_intervalMinutes * 60 * 1000);
    if (m_intervalMinutes == 0)
        m_periodic.stop();
    else if (isConnected())
        m_periodic.start();
}

bool SyncRunner::syncNow()
{
    if (!isConnected())
        return false;
    // One at a time: asked for while one runs, the next starts when it ends
    // (edits made meanwhile may have missed its push).
    m_wanted = true;
    if (!m_thread && !m_directory.isEmpty())
        start();
    return true;
}

bool SyncRunner::fetchMedia(const QString &assetId)
{
    if (!isConnected())
        return false;
    if (!m_fetchAssets.contains(assetId))
        m_fetchAssets.append(assetId);
    return syncNow();
}

void SyncRunner::cancel()
{
    m_wanted = false;
    if (m_thread)
        m_thread->requestCancel();
}

void SyncRunner::start()
{
    m_wanted = false;
    SyncOptions options = m_options;
    options.fetchMediaOf = std::exchange(m_fetchAssets, {});
    m_thread = new SyncThread(m_directory, m_serviceRoot, m_relay->factory(), options, this);
    // The window hands a workspace over only after its whole-file check passed.
    m_thread->setWorkspaceCheck(Workspace::Check::Deferred);
    connect(m_thread, &SyncThread::progress, this, &SyncRunner::progress);
    connect(m_thread, &SyncThread::storeBusy, this, &SyncRunner::storeBusy);
    connect(m_thread, &SyncThread::reachabilityChanged, this, &SyncRunner::reachabilityChanged);
    // Queued from the sync's thread; the thread may still be ending then.
    connect(m_thread, &SyncThread::syncFinished, this, &SyncRunner::onFinished);
    m_thread->start();
    Q_EMIT started();
}

void SyncRunner::onFinished(const SyncSummary &summary)
{
    SyncThread *thread = std::exchange(m_thread, nullptr);
    thread->wait(); // it has only to return from run()
    thread->deleteLater();
    if (summary.errors.isEmpty() && summary.failed == 0 && !summary.cancelled && !summary.unreachable)
        m_lastSuccessAt = QDateTime::currentDateTimeUtc();
    if (m_periodic.isActive())
        m_periodic.start(); // the next background sync counts from this one's end
    Q_EMIT finished(summary);
    if (m_wanted && isConnected() && !m_directory.isEmpty())
        start(); // asked for while this one ran
}

} // namespace sl
