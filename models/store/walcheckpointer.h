#pragma once

#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace sl {

// Copies a database's WAL into the database on a thread and connection of
// its own, while another connection goes on writing (SQLite's PASSIVE
// checkpoint: it never blocks the writer nor waits for readers). For long
// stretches of writes (BulkWriteScope): the writer's own connection then
// never pauses to checkpoint, and on two cores the copying runs beside the
// work that only the writer can do (building indexes at the end of a load).
//
// watch() makes the writer's commits wake the checkpointer once the WAL
// holds `frames` frames or more (sqlite3_wal_hook: it replaces the
// connection's automatic checkpoints until PRAGMA wal_autocheckpoint is set
// again). The destructor waits for a checkpoint under way and closes its
// connection; what the WAL still holds is the writer's to checkpoint.
class WalCheckpointer
{
public:
    explicit WalCheckpointer(const QString &databasePath);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    void watch(sqlite3 *writer, int frames);
    // How many checkpoints ran, and how many failed (logged; a failure only
    // leaves more for the next one).
    int checkpoints() const;
    int failures() const;

private:
    static int onCommit(void *self, sqlite3 *db, const char *schema, int frames);
    void run();

    const QString m_path;
    int m_threshold = 0; // frames
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_wanted = false;
    bool m_stopping = false;
    int m_checkpoints = 0;
    int m_failures = 0;
    std::thread m_thread; // last: starts after everything above exists
};

} // namespace sl
