#pragma once

#include <QtGlobal>

#include <memory>

namespace sl {

class Database;
class WalCheckpointer;

// A stretch of many page-sized write transactions on one connection (a
// pull): while it lasts, a commit does not wait for the disk
// (synchronous=NORMAL), and the WAL is checkpointed by a WalCheckpointer on
// a thread and connection of its own whenever it passes kCheckpointBytes,
// while this connection goes on writing; when it ends, the connection's
// settings come back and the WAL is checkpointed once, here.
//
// Why this is safe for a pull: in WAL mode with synchronous=NORMAL every
// commit is still atomic and in order; a power cut can only lose the latest
// commits whole, never part of one, and never a later one without an earlier
// one. A pull's pages and where it ended (sync_state) commit together, so a
// lost tail is read again by the next pull; the outbox is not written here.
// Does nothing when a transaction is open on the connection (the settings
// cannot change inside one). Never throws from its destructor.
class BulkWriteScope
{
public:
    explicit BulkWriteScope(Database &db);
    ~BulkWriteScope();
    // How much WAL wakes the checkpointer: small enough that it copies a
    // few pages' worth at a time, between the writer's commits.
    static constexpr qint64 kCheckpointBytes = 8 * 1024 * 1024;
    BulkWriteScope(const BulkWriteScope &) = delete;
    BulkWriteScope &operator=(const BulkWriteScope &) = delete;

    bool isActive() const { return m_active; }

private:
    Database &m_db;
    bool m_active = false;
    int m_synchronous = 0;       // the connection's PRAGMA synchronous before
    int m_autoCheckpoint = 0;    // its PRAGMA wal_autocheckpoint before (pages)
    std::unique_ptr<WalCheckpointer> m_checkpointer;
};

} // namespace sl
