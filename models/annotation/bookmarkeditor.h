#pragma once

#include "capture/bookmark.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <vector>

namespace sl {

class Database;

// Writes bookmark edits of a capture, on the calling thread's connection
// (the store worker's in the GUI). Bookmarks live in the capture's manifest
// (CAPTURE-FORMAT.md "bookmarks"), so each edit is one write transaction
// holding the stored manifest with the new bookmarks, one outbox entry
// (sl_manifest as it now is, CurrentManifest; coalescing into the capture's
// still queued update through ChangeLog) and one audit row ("bookmark":
// what it was, what it is). A failure leaves nothing.
class BookmarkEditor
{
    Q_DECLARE_TR_FUNCTIONS(BookmarkEditor)
public:
    explicit BookmarkEditor(Database &db);

    // Adds `bookmark`, or replaces the capture's bookmark with its id. A new
    // bookmark without author or creation time gets `author` and now.
    // Returns the capture's bookmarks after the edit. Throws StoreError (no
    // such capture, a limit of CAPTURE-FORMAT.md, a full disk, ...).
    std::vector<Bookmark> put(const QString &captureId, const Bookmark &bookmark, const QString &author);
    // Removes the bookmark `bookmarkId`; an unknown id changes nothing.
    std::vector<Bookmark> remove(const QString &captureId, const QString &bookmarkId, const QString &author);

    // How the audit log shows a bookmark: name and time range.
    static QString summary(const Bookmark &bookmark);

private:
    using Change = std::function<bool(std::vector<Bookmark> &bookmarks, QString *before, QString *after)>;
    std::vector<Bookmark> write(const QString &captureId, const QString &author, const Change &change);

    Database &m_db;
};

} // namespace sl
