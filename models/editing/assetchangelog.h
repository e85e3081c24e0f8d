#pragma once

#include "editing/assetedit.h"

#include <QString>

#include <vector>

namespace sl {

class Database;

// One edit of one asset, as the outbox and the audit log record it.
struct AssetChange
{
    QString assetId;
    QString operation; // "create", "update", "deactivate" or "activate"
    QString baseEtag;  // the asset's ETag when the edit was made; '' for one made here
    std::vector<FieldChange> fields;
};

// Writes an asset edit's outbox entry and its audit rows (one per changed
// field), in the caller's transaction, through ChangeLog. An update coalesces into the
// record's newest outbox entry while that is still queued and is an update
// or a create: the payload takes the new values, and the base keeps the
// value each field had before the FIRST of the coalesced edits (the sync
// merges against what the store last sent).
class AssetChangeLog
{
public:
    explicit AssetChangeLog(Database &db);

    // Returns the outbox seq that carries the change. `at`: ISO 8601, UTC.
    qint64 record(const AssetChange &change, const QString &author, const QString &at);

private:
    Database &m_db;
};

} // namespace sl
