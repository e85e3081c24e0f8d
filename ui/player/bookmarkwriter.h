#pragma once

#include "capture/bookmark.h"

#include <QObject>
#include <QString>

#include <functional>
#include <vector>

namespace sl {

class CaptureViewerWidget;
class StoreWorker;
class Workspace;

// Writes the bookmark edits a viewer's players ask for on the store worker
// (BookmarkEditor: manifest, outbox entry and audit row in one transaction)
// and shows what the store wrote in the capture's player.
class BookmarkWriter : public QObject
{
    Q_OBJECT
public:
    BookmarkWriter(StoreWorker &store, CaptureViewerWidget &viewer, QObject *parent = nullptr);

    void put(const QString &captureId, const Bookmark &bookmark);
    void remove(const QString &captureId, const QString &bookmarkId);

Q_SIGNALS:
    // `error` is empty when the edit was saved.
    void written(const QString &captureId, const QString &error);

private:
    void write(const QString &captureId, std::function<std::vector<Bookmark>(Workspace &)> job);

    StoreWorker &m_store;
    CaptureViewerWidget &m_viewer;
};

} // namespace sl
