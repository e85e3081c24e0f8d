#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <vector>

namespace sl {

class Database;

// One changed field of one record: the values the outbox carries (JSON, as
// the push sends them) and the text the audit log shows.
struct RecordFieldChange
{
    QString key; // the outbox payload's key and the audit row's field
    QJsonValue oldValue;
    QJsonValue newValue;
    QString oldText;
    QString newText;
    bool audited = true; // false: travels in the outbox only (e.g. a whole manifest)
    bool sent = true;    // false: an audit row only (e.g. what one markup was and is)
};

// One edit of one record (an asset, a capture), as the outbox and the audit
// log record it.
struct RecordChange
{
    QString entity;    // "asset", "capture"
    QString entityId;
    QString operation; // e.g. "update", "create", "review", "markup"
    QString baseEtag;  // the record's ETag when the edit was made; '' when none is known
    std::vector<RecordFieldChange> fields;
    // The operations of a still-queued newest entry of the record that this
    // change coalesces into (its own operation usually); empty: never.
    QStringList coalescesInto;
};

// Writes an edit's outbox entry and its audit rows (one per audited field),
// in the caller's transaction: the one writer of both for every kind of
// record. A change coalesces into the record's newest outbox entry while
// that is still queued and its operation is in `coalescesInto`: the payload
// takes the new values, and the base keeps the value each field had before
// the FIRST of the coalesced edits (the sync merges against what the store
// last sent); an entry that creates the record has no base.
class ChangeLog
{
public:
    explicit ChangeLog(Database &db);

    // Returns the outbox seq that carries the change. `at`: ISO 8601, UTC.
    qint64 record(const RecordChange &change, const QString &author, const QString &at);

private:
    qint64 writeOutbox(const RecordChange &change);

    Database &m_db;
};

} // namespace sl
