#include "store/walcheckpointer.h"

#include "common/logging.h"
#include "store/database.h"

#include <sqlite3.h>

namespace sl {

WalCheckpointer::WalCheckpointer(const QString &databasePath)
    : m_path(databasePath), m_thread([this] { run(); })
{
}

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void WalCheckpointer::watch(sqlite3 *writer, int frames)
{
    m_threshold = qMax(1, frames);
    sqlite3_wal_hook(writer, &WalCheckpointer::onCommit, this);
}

int WalCheckpointer::checkpoints() const
{
    std::lock_guard lock(m_mutex);
    return m_checkpoints;
}

int WalCheckpointer::failures() const
{
    std::lock_guard lock(m_mutex);
    return m_failures;
}

// On the writer's thread, after each commit, with the WAL's size in frames.
int WalCheckpointer::onCommit(void *self, sqlite3 *, const char *, int frames)
{
    auto *checkpointer = static_cast<WalCheckpointer *>(self);
    if (frames >= checkpointer->m_threshold) {
        {
            std::lock_guard lock(checkpointer->m_mutex);
            checkpointer->m_wanted = true;
        }
        checkpointer->m_wake.notify_one();
    }
    return SQLITE_OK;
}

void WalCheckpointer::run()
{
    std::unique_ptr<Database> db;
    try {
        db = Database::open(m_path);
    } catch (const StoreError &error) {
        qCWarning(lcStore).noquote() << "no WAL checkpoint until the bulk write ends:" << error.message();
    }
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_wanted || m_stopping; });
        if (m_stopping)
            break;
        m_wanted = false;
        if (!db)
            continue;
        lock.unlock();
        const int rc = sqlite3_wal_checkpoint_v2(db->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        lock.lock();
        ++m_checkpoints;
        if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
            ++m_failures;
            qCWarning(lcStore).noquote() << "WAL checkpoint beside the writer failed:" << sqlite3_errstr(rc);
        }
    }
    lock.unlock();
    db.reset(); // closed on the thread that opened it
}

} // namespace sl
