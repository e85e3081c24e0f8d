#pragma once

#include <QString>

#include <vector>

namespace sl {

class Database;

// One changed field of one record: who changed it, when, from what to what.
// Values are text as a person reads them (a display name, not a GUID; ''
// for none).
struct AuditEntry
{
    qint64 seq = 0;
    QString entity; // "asset" or "capture"
    QString entityId;
    QString author;
    QString at; // ISO 8601, UTC; empty on append: now
    QString field; // a stable field key, e.g. "name", "account" (translated for display by the caller)
    QString oldValue;
    QString newValue;
    qint64 outboxSeq = 0; // the outbox entry that carries the change; 0 if none
};

// Table access for the audit log (the History tab, the evidence trail).
// Throws StoreError (store/database.h); append() joins the caller's
// transaction, so an edit and its audit rows commit together.
class AuditRepository
{
public:
    explicit AuditRepository(Database &db);

    qint64 append(const AuditEntry &entry);
    // The record's entries, newest first, at most `limit`.
    std::vector<AuditEntry> history(const QString &entity, const QString &entityId, int limit = 1000) const;

private:
    Database &m_db;
};

} // namespace sl
