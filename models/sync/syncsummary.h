#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace sl {

// Where a sync is, for a progress bar or a status line.
struct SyncProgress
{
    enum class Phase { Pushing, Pulling, Fetching, Done };
    Phase phase = Phase::Pushing;
    QString entitySet; // the table being pulled; empty while pushing; the asset whose media is fetched
    int done = 0;      // edits pushed, rows applied of this table so far, or files fetched of the asset's
    int total = -1;    // edits to push, or files of the asset; -1 when unknown (a pull)
};

// What one sync did: the one-line summary of `sightline-cli sync` and the
// status of the GUI.
struct SyncSummary
{
    Q_DECLARE_TR_FUNCTIONS(SyncSummary)

public:
    int pulled = 0;      // rows written from the store
    int deleted = 0;     // rows removed because the store deleted them
    int keptPending = 0; // rows the store sent that have edits here waiting (left alone)
    int capturesAdded = 0; // of the pulled rows, attachments that became captures here
    int capturesRemoved = 0; // of the deleted rows, captures from the store whose attachment was deleted there
    int mediaFetched = 0;  // capture files downloaded into the media cache
    int pushed = 0;      // edits the store confirmed
    int pushedCaptures = 0; // of those, edits of captures (reviews, markup)
    int uploads = 0;     // media files uploaded with the captures created
    int conflicts = 0;   // edits now waiting for the user (changed on both sides)
    int failed = 0;      // edits kept queued after an error
    int waiting = 0;     // edits not pushed this time
    bool cancelled = false;
    // The last request got no answer (connection refused, DNS, timeout): offline.
    bool unreachable = false;
    // The store refused the token and a refresh did not help: sign in again.
    bool signInNeeded = false;
    QStringList notices; // e.g. "accounts: deletions are not seen (no change tracking)"
    QStringList errors;  // one line each

    // Failed: an error stopped a pull, or an edit failed. Conflicts are not
    // failures (they wait for the user).
    bool ok() const { return errors.isEmpty() && failed == 0 && !cancelled; }
    // "pulled 20000, deleted 0, pushed 3, conflicts 1, failed 0"; with
    // captures among the pushed: "pushed 3 (2 captures), ..."; with new
    // captures among the pulled: "pulled 40 (new captures: 2), ..."; with
    // captures among the deleted: "deleted 3 (captures removed: 1), ...";
    // with media fetched, ", files fetched: 2" at the end.
    QString line() const;
};

} // namespace sl
