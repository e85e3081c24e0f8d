#include "store/storeworker.h"

#include "common/logging.h"
#include "store/database.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QSemaphore>
#include <QTimer>

#include <sqlite3.h>

namespace sl {

namespace {

// Commits seen within this many ms are announced once.
constexpr int kChangeCoalesceMs = 150;
constexpr int kDefaultPollMs = 700;

} // namespace

// The worker thread's side: owns the workspace, watches for changes.
class StoreWorker::Context : public QObject
{
public:
    explicit Context(StoreWorker *owner) : m_owner(owner), m_poll(this), m_announce(this)
    {
        m_poll.setInterval(kDefaultPollMs);
        connect(&m_poll, &QTimer::timeout, this, [this] { lookForChanges(); });
        m_announce.setSingleShot(true);
        m_announce.setInterval(kChangeCoalesceMs);
        connect(&m_announce, &QTimer::timeout, this, [this] { Q_EMIT m_owner->changed(); });
    }

    void open(const QString &directory, Workspace::Check check)
    {
        close();
        QString error;
        m_workspace = Workspace::open(directory, check, &error);
        if (!m_workspace) {
            m_noWorkspace = error;
            Q_EMIT m_owner->openFailed(directory, error);
            return;
        }
        m_noWorkspace.clear();
        remember();
        if (m_poll.interval() > 0)
            m_poll.start();
        Q_EMIT m_owner->opened(m_workspace->directory());
    }

    void close()
    {
        m_poll.stop();
        m_announce.stop();
        m_workspace.reset();
        m_noWorkspace = QCoreApplication::translate("sl::StoreWorker", "No workspace is open.");
    }

    void run(const Job &job)
    {
        job(m_workspace.get(), m_noWorkspace);
        lookForChanges();
    }

    void setPollInterval(int ms)
    {
        m_poll.setInterval(ms);
        if (ms <= 0)
            m_poll.stop();
        else if (m_workspace)
            m_poll.start();
    }

private:
    // Remembers the connection's view of the file, so that only later
    // commits count as changes.
    void remember()
    {
        m_dataVersion = dataVersion();
        m_totalChanges = sqlite3_total_changes64(m_workspace->database().handle());
    }

    qint64 dataVersion()
    {
        try {
            Statement query = m_workspace->database().cached("PRAGMA data_version");
            return query.step() ? query.columnInt64(0) : 0;
        } catch (const StoreError &e) {
            qCWarning(lcStore).noquote() << "cannot read the data version:" << e.message();
            return m_dataVersion;
        }
    }

    void lookForChanges()
    {
        if (!m_workspace)
            return;
        const qint64 version = dataVersion();
        const qint64 total = sqlite3_total_changes64(m_workspace->database().handle());
        // data_version moves on other connections' commits, total_changes on ours.
        if (version != m_dataVersion || total != m_totalChanges) {
            m_dataVersion = version;
            m_totalChanges = total;
            if (!m_announce.isActive())
                m_announce.start();
        }
    }

    StoreWorker *m_owner;
    std::unique_ptr<Workspace> m_workspace;
    QString m_noWorkspace;
    QTimer m_poll;
    QTimer m_announce;
    qint64 m_dataVersion = 0;
    qint64 m_totalChanges = 0;
};

StoreWorker::StoreWorker(QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("store"));
    m_context = new Context(this);
    m_context->moveToThread(&m_thread);
    m_thread.start();
    // The timers belong to the context: start/stop them on its thread.
    QMetaObject::invokeMethod(m_context, [context = m_context] { context->close(); }, Qt::QueuedConnection);
}

StoreWorker::~StoreWorker()
{
    m_stopping->store(true);
    Context *context = m_context;
    QMetaObject::invokeMethod(m_context, [context] { context->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context; // its thread has ended: nothing else can touch it
}

void StoreWorker::open(const QString &directory, Workspace::Check check)
{
    m_directory = directory;
    Context *context = m_context;
    QMetaObject::invokeMethod(m_context, [context, directory, check] { context->open(directory, check); },
                              Qt::QueuedConnection);
}

void StoreWorker::close()
{
    Context *context = m_context;
    QMetaObject::invokeMethod(m_context, [context] { context->close(); }, Qt::QueuedConnection);
}

QString StoreWorker::directory() const
{
    return m_directory;
}

void StoreWorker::setChangePollInterval(int milliseconds)
{
    Context *context = m_context;
    QMetaObject::invokeMethod(m_context, [context, milliseconds] { context->setPollInterval(milliseconds); },
                              Qt::QueuedConnection);
}

void StoreWorker::enqueue(Job job)
{
    Context *context = m_context;
    std::shared_ptr<std::atomic<bool>> stopping = m_stopping;
    QMetaObject::invokeMethod(
        m_context,
        [context, stopping, job = std::move(job)] {
            if (!stopping->load())
                context->run(job);
        },
        Qt::QueuedConnection);
}

void StoreWorker::drain()
{
    QSemaphore done;
    QMetaObject::invokeMethod(m_context, [&done] { done.release(); }, Qt::QueuedConnection);
    done.acquire();
}

void StoreWorker::runGuarded(const std::function<void()> &fn, QString *error)
{
    try {
        fn();
    } catch (const StoreError &e) {
        *error = e.message();
    } catch (const std::exception &e) {
        *error = QString::fromLocal8Bit(e.what());
    }
}

} // namespace sl
