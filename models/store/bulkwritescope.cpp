#include "store/bulkwritescope.h"

#include "common/logging.h"
#include "store/database.h"
#include "store/walcheckpointer.h"

#include <sqlite3.h>

namespace sl {

BulkWriteScope::BulkWriteScope(Database &db) : m_db(db)
{
    if (m_db.inTransaction())
        return;
    try {
        m_synchronous = m_db.queryText(QStringLiteral("PRAGMA synchronous")).toInt();
        m_autoCheckpoint = m_db.queryText(QStringLiteral("PRAGMA wal_autocheckpoint")).toInt();
        const qint64 pageSize = qMax(512, m_db.queryText(QStringLiteral("PRAGMA page_size")).toInt());
        m_db.exec(QStringLiteral("PRAGMA synchronous=1")); // NORMAL
        m_active = true;
        // This connection's own checkpoints stop (the hook replaces them).
        m_checkpointer = std::make_unique<WalCheckpointer>(m_db.path());
        m_checkpointer->watch(m_db.handle(), int(kCheckpointBytes / pageSize));
    } catch (const StoreError &error) {
        // Only slower without it: the writes stay as safe as ever.
        qCWarning(lcStore).noquote() << "bulk write settings not taken:" << error.message();
    }
}

BulkWriteScope::~BulkWriteScope()
{
    if (!m_active)
        return;
    sqlite3_wal_hook(m_db.handle(), nullptr, nullptr);
    m_checkpointer.reset(); // waits for a checkpoint under way
    try {
        // The pragma puts the connection's own checkpoints back.
        m_db.exec(QStringLiteral("PRAGMA synchronous=%1; PRAGMA wal_autocheckpoint=%2")
                      .arg(m_synchronous)
                      .arg(m_autoCheckpoint));
        m_db.checkpointIfIdle();
    } catch (const StoreError &error) {
        qCWarning(lcStore).noquote() << "bulk write settings not restored:" << error.message();
    }
}

} // namespace sl
