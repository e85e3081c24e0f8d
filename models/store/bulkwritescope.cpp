#include "store/bulkwritescope.h"

#include "common/logging.h"
#include "store/database.h"

namespace sl {

BulkWriteScope::BulkWriteScope(Database &db) : m_db(db)
{
    if (m_db.inTransaction())
        return;
    try {
        m_synchronous = m_db.queryText(QStringLiteral("PRAGMA synchronous")).toInt();
        m_autoCheckpoint = m_db.queryText(QStringLiteral("PRAGMA wal_autocheckpoint")).toInt();
        const qint64 pageSize = qMax(512, m_db.queryText(QStringLiteral("PRAGMA page_size")).toInt());
        // 1 = NORMAL. The checkpoint threshold is in pages: the journal size limit's worth.
        m_db.exec(QStringLiteral("PRAGMA synchronous=1; PRAGMA wal_autocheckpoint=%1")
                      .arg(Database::kJournalSizeLimit / pageSize));
        m_active = true;
    } catch (const StoreError &error) {
        // Only slower without it: the writes stay as safe as ever.
        qCWarning(lcStore).noquote() << "bulk write settings not taken:" << error.message();
    }
}

BulkWriteScope::~BulkWriteScope()
{
    if (!m_active)
        return;
    try {
        m_db.exec(QStringLiteral("PRAGMA synchronous=%1; PRAGMA wal_autocheckpoint=%2")
                      .arg(m_synchronous)
                      .arg(m_autoCheckpoint));
        m_db.checkpointIfIdle();
    } catch (const StoreError &error) {
        qCWarning(lcStore).noquote() << "bulk write settings not restored:" << error.message();
    }
}

} // namespace sl
