#include "player/bookmarkwriter.h"

#include "annotation/bookmarkeditor.h"
#include "captureviewerwidget.h"
#include "editing/editauthor.h"
#include "store/storeworker.h"
#include "store/workspace.h"

namespace sl {

BookmarkWriter::BookmarkWriter(StoreWorker &store, CaptureViewerWidget &viewer, QObject *parent)
    : QObject(parent), m_store(store), m_viewer(viewer)
{
    connect(&viewer, &CaptureViewerWidget::bookmarkPutRequested, this, &BookmarkWriter::put);
    connect(&viewer, &CaptureViewerWidget::bookmarkRemoveRequested, this, &BookmarkWriter::remove);
}

void BookmarkWriter::put(const QString &captureId, const Bookmark &bookmark)
{
    write(captureId, [captureId, bookmark](Workspace &workspace) {
        return BookmarkEditor(workspace.database()).put(captureId, bookmark, EditAuthor::current());
    });
}

void BookmarkWriter::remove(const QString &captureId, const QString &bookmarkId)
{
    write(captureId, [captureId, bookmarkId](Workspace &workspace) {
        return BookmarkEditor(workspace.database()).remove(captureId, bookmarkId, EditAuthor::current());
    });
}

void BookmarkWriter::write(const QString &captureId, std::function<std::vector<Bookmark>(Workspace &)> job)
{
    m_store.post<std::vector<Bookmark>>(this, std::move(job),
                                        [this, captureId](StoreResult<std::vector<Bookmark>> result) {
                                            if (!result.ok()) {
                                                Q_EMIT written(captureId, result.error);
                                                return;
                                            }
                                            m_viewer.setBookmarks(captureId, std::move(*result.value));
                                            Q_EMIT written(captureId, QString());
                                        });
}

} // namespace sl
