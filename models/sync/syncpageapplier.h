#pragma once

#include "remote/odatapage.h"
#include "remote/pagedreadjob.h"
#include "sync/syncstaterepository.h"
#include "sync/synctable.h"

#include <optional>

namespace sl {

class Database;

// What applying one page did.
struct PageApplied
{
    int upserted = 0;      // rows written (inserted, or replaced by the store's values)
    int deleted = 0;       // rows removed ($deletedEntity)
    int keptPending = 0;   // rows left alone because an edit here waits to be pushed
    QString newestModified; // the newest modifiedon of the page's rows ('' when none)
    int capturesAdded = 0;  // attachments made captures here (RemoteCapture)
    int capturesRemoved = 0; // of `deleted`, captures that came from the store and were removed
    QStringList capturesKeptEdited;   // deleted on the store, kept: an edit here waits to be pushed
    QStringList capturesKeptImported; // deleted on the store, kept: imported here (media and markup its own)
    QStringList notices;    // what the user should know (an attachment's manifest not taken)
};

// Applies one page of a pull to the workspace in ONE transaction, so that a
// cut never half-applies it: rows through AssetRepository's upserts (which
// keep the search indexes right), each asset's ETag, $deletedEntity rows
// removed; attachments update the captures this workspace has (their ETag
// and review) and become captures where it has none (RemoteCapture, media
// fetched later), and a deleted one removes the capture that came from it
// (its files are journaled: they go after the commit); and, with the last
// page, where the pull ended. A row with an
// outbox entry (any state) is never removed nor overwritten: the push and
// its merge deal with it. Throws StoreError; nothing is written then.
class SyncPageApplier
{
public:
    explicit SyncPageApplier(Database &db);

    PageApplied apply(SyncTable table, const ODataPage &page, const std::optional<SyncTableState> &endState);

    // The reading of a page of `table` that needs no database, for
    // PagedReadJob::setPageParser (thread-safe; none where ODataPageParser
    // does as well): the assets' rows decoded as they are read
    // (AssetPageParser). apply() decodes a page read without it itself.
    static PagedReadJob::PageParser parserFor(SyncTable table);
    // The newest modifiedon of the page's rows (ISO 8601; empty if none).
    static QString newestModified(const ODataPage &page);

private:
    PageApplied applyAssets(const ODataPage &page);
    // Known captures: their ETag and review; an attachment with no capture
    // here is made one (RemoteCapture).
    PageApplied applyAttachments(const ODataPage &page);
    // Deleted attachments: their captures by DeletedAttachment's rule.
    void removeDeletedAttachments(const ODataPage &page, PageApplied &applied);
    PageApplied applyLookups(SyncTable table, const ODataPage &page);

    Database &m_db;
};

} // namespace sl
