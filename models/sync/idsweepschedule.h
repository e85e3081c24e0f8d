#pragma once

#include <QDateTime>
#include <QString>

namespace sl {

class Database;

// How often a table without change tracking (modifiedon polling, which
// cannot see deletions) has its ids read whole to find the rows deleted on
// the store (PullSweep).
struct IdSweepSettings
{
    int everyPolls = 10;   // the Nth poll since the last sweep sweeps; 1: every poll
    int maxAgeHours = 24;  // ... and any poll once the last sweep is older than this
};

// When a table's last id sweep ran and the polls since, per entity set.
// Kept in sync_state under the name "<entity set>/$idsweep" (an entity set
// name has no '/'): pulled_at is when the last sweep ended, last_modified
// the polls since it (a count). The schema has no column for it, and a
// row there joins the pull's transactions and a workspace rebuild.
// Throws StoreError; writes join the caller's transaction.
class IdSweepSchedule
{
public:
    IdSweepSchedule(Database &db, const QString &entitySet);

    // Whether this poll reads the ids first. A table never swept counts
    // from its first poll.
    bool due(const IdSweepSettings &settings, const QDateTime &now) const;
    void countPoll(const QDateTime &now);
    void swept(const QDateTime &now);

private:
    Database &m_db;
    QString m_key;
};

} // namespace sl
