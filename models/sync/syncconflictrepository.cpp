#include "sync/syncconflictrepository.h"

#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sl {

namespace {

// One JSON value as text (QJsonDocument only takes arrays and objects).
QString jsonText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QJsonValue jsonValue(const QString &text)
{
    return QJsonDocument::fromJson(QByteArray('[' + text.toUtf8() + ']')).array().at(0);
}

} // namespace

SyncConflictRepository::SyncConflictRepository(Database &db) : m_db(db) {}

void SyncConflictRepository::record(qint64 outboxSeq, const std::vector<FieldConflict> &fields,
                                    const QString &theirEtag)
{
    Statement clear = m_db.cached("DELETE FROM sync_conflicts WHERE outbox_seq = ?");
    clear.bind(1, outboxSeq).run();
    Statement insert = m_db.cached(
        "INSERT INTO sync_conflicts(outbox_seq, field, base_value, mine, theirs, their_etag) VALUES (?, ?, ?, ?, ?, ?)");
    for (const FieldConflict &field : fields) {
        insert.bind(1, outboxSeq).bind(2, field.field).bind(3, jsonText(field.base));
        insert.bind(4, jsonText(field.mine)).bind(5, jsonText(field.theirs)).bind(6, theirEtag).run();
        insert.reset();
    }
}

std::vector<SyncConflict> SyncConflictRepository::all() const
{
    std::vector<SyncConflict> conflicts;
    Statement query = m_db.cached(
        "SELECT c.outbox_seq, o.entity, o.entity_id, c.field, c.base_value, c.mine, c.theirs, c.their_etag, "
        "c.found_at FROM sync_conflicts c JOIN outbox o ON o.seq = c.outbox_seq ORDER BY c.outbox_seq, c.field");
    while (query.step()) {
        SyncConflict conflict;
        conflict.outboxSeq = query.columnInt64(0);
        conflict.entity = query.columnText(1);
        conflict.entityId = query.columnText(2);
        conflict.field = {query.columnText(3), jsonValue(query.columnText(4)), jsonValue(query.columnText(5)),
                          jsonValue(query.columnText(6))};
        conflict.theirEtag = query.columnText(7);
        conflict.foundAt = query.columnText(8);
        conflicts.push_back(std::move(conflict));
    }
    return conflicts;
}

int SyncConflictRepository::count() const
{
    Statement query = m_db.cached("SELECT count(*) FROM sync_conflicts");
    return query.step() ? query.columnInt(0) : 0;
}

} // namespace sl
