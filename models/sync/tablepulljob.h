#pragma once

#include "remote/odatapage.h"
#include "remote/remoteerror.h"
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
    bool reread = false;         // the delta link had expired: read whole, deletions meanwhile not seen
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
class TablePullJob : public QObject
{
    Q_OBJECT

public:
    TablePullJob(RequestRunner &runner, Database &db, const QUrl &serviceRoot, SyncTable table, int pageSize,
                 QObject *parent = nullptr);

    void start();
    void cancel();
    const TablePullOutcome &outcome() const { return m_outcome; }

Q_SIGNALS:
    // After each page was committed: rows applied so far in this pull.
    void pageApplied(int rowsSoFar);
    void finished();

private:
    enum class Mode { Full, Delta, Polling };
    void read(Mode mode, const QUrl &url);
    void onPage(const ODataPage &page);
    void onReadFinished(bool ok);
    void finish(const QString &error);

    RequestRunner &m_runner;
    Database &m_db;
    QUrl m_serviceRoot;
    SyncTableSpec m_spec;
    int m_pageSize;
    Mode m_mode = Mode::Full;
    QString m_newestModified;
    QString m_previousModified;
    QString m_pageError; // a page that could not be stored
    QPointer<PagedReadJob> m_read;
    int m_pagesApplied = 0;
    TablePullOutcome m_outcome;
};

} // namespace sl
