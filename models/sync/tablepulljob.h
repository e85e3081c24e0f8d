#pragma once

#include "remote/odatapage.h"
#include "remote/remoteerror.h"
#include "sync/idsweepschedule.h"
#include "sync/syncpageapplier.h"
#include "sync/synctable.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QUrl>

namespace sl {

class Database;
class PagedReadJob;
class RequestRunner;

// What the pull of one table did.
struct TablePullOutcome
{
    bool ok = false;
    int upserted = 0;
    int deleted = 0;
    int keptPending = 0;
    bool delta = false;          // read the changes since the last pull (a delta link or modifiedon polling)
    bool deletionsSeen = true;   // false: the store has no change tracking for the table
    bool reread = false;         // the table was read whole again (its delta link had expired)
    bool swept = false;          // a whole read or an id sweep ended, and rows it did not return were removed
    QStringList keptGone;        // ids the store no longer has, kept here for the edit waiting on them
    int capturesAdded = 0;       // attachments made captures here
    int capturesRemoved = 0;     // of `deleted`, captures from the store whose attachment was deleted there
    QStringList capturesKeptEdited;   // attachments deleted there whose captures wait with an edit here
    QStringList capturesKeptImported; // attachments deleted there whose captures were imported here
    QStringList notices;         // what the pages' application said (PageApplied::notices)
    QString error;               // why it stopped; empty when ok
};

// Pulls one table into the workspace on the calling thread's connection:
// the first time a full read with Prefer: odata.track-changes, then the
// stored @odata.deltaLink (changed rows and $deletedEntity rows); where the
// store sends no delta link, `$filter=modifiedon gt <newest seen>` polling,
// which cannot see deletions. A delta link the store no longer takes (an
// expired token) falls back to a full read. Each page is applied in one
// transaction (SyncPageApplier); where the pull ended is stored with the
// last page, so a pull cut half-way starts again from the same point.
// Deletions neither can tell (PullSweep): a table read whole again (pulled
// before) removes, with its last page, the rows the read did not return;
// a polled table reads its ids alone every so often (IdSweepSchedule)
// before its poll, to the same end. A first pull of the assets (the table
// never pulled whole) is a bulk load (AssetBulkLoad): its indexes are built
// by the transaction of its last page, or when it is cut.
class TablePullJob : public QObject
{
    Q_OBJECT

public:
    TablePullJob(RequestRunner &runner, Database &db, const QUrl &serviceRoot, SyncTable table, int pageSize,
                 QObject *parent = nullptr);
    ~TablePullJob() override;

    void start();
    void cancel();
    void setIdSweepSettings(const IdSweepSettings &settings) { m_idSweep = settings; }
    const TablePullOutcome &outcome() const { return m_outcome; }

Q_SIGNALS:
    // After each page was committed: rows applied so far in this pull.
    void pageApplied(int rowsSoFar);
    void finished();

private:
    enum class Mode { Full, Delta, Polling, IdSweep };
    void read(Mode mode, const QUrl &url);
    void onPage(const ODataPage &page);
    void onReadFinished(bool ok);
    void finish(const QString &error);
    void poll();
    // A page of a read that sweeps: its ids marked, the page applied (not
    // for an id sweep), and after the last one the sweep, in one transaction.
    PageApplied applySweeping(const ODataPage &page, const std::optional<SyncTableState> &endState);
    // A page not swept: the last page of a bulk load also ends the load.
    PageApplied applyPage(const ODataPage &page, const std::optional<SyncTableState> &endState);
    // Ends a bulk load cut before its last page (its indexes built now);
    // never throws.
    void endCutBulkLoad();

    RequestRunner &m_runner;
    Database &m_db;
    QUrl m_serviceRoot;
    SyncTableSpec m_spec;
    int m_pageSize;
    Mode m_mode = Mode::Full;
    bool m_sweeping = false; // this read marks the ids it returns and sweeps after its last page
    bool m_bulkLoad = false; // this read is a first pull of the assets, loaded in bulk (AssetBulkLoad)
    IdSweepSettings m_idSweep;
    QString m_newestModified;
    QString m_previousModified;
    QString m_pageError; // a page that could not be stored
    QPointer<PagedReadJob> m_read;
    int m_pagesApplied = 0;
    TablePullOutcome m_outcome;
};

} // namespace sl
