#pragma once

#include "capture/bookmark.h"
#include "capture/markup.h"
#include "domain/capturerecord.h"
#include "store/capturerefresh.h"

#include <QWidget>

#include <map>
#include <vector>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace sl {

class PhotoView;
class RemoteMediaPanel;
class VideoPlayerWidget;

// Where opened captures are viewed: one tab per capture, a PhotoView for a
// photo and a VideoPlayerWidget for a video; a hint while none is open.
class CaptureViewerWidget : public QWidget
{
    Q_OBJECT
public:
    explicit CaptureViewerWidget(QWidget *parent = nullptr);

    // Opens a capture in a new tab, or switches to its tab when it is open.
    // `mediaPath` is absolute; `worldMarkups` are its spatial frame's.
    // `mediaToFetch`: its file is on the asset store only (CaptureOpening):
    // the tab offers to fetch it, and gives way to the view when the
    // capture is opened again with its file here.
    QWidget *openCapture(const CaptureRecord &record, const QString &mediaPath, std::vector<Markup> worldMarkups,
                         bool mediaToFetch = false);
    // The same from a read of the store, whose viewBasis lets a refresh
    // open the tab again when its poses, camera or file are replaced.
    QWidget *openCapture(CaptureOpening opening);
    void closeAll();

    int count() const;
    QWidget *currentView() const;
    QString currentCaptureId() const;
    // The record (with its manifest) of the current tab's capture.
    CaptureRecord currentRecord() const;
    PhotoView *currentPhotoView() const;
    VideoPlayerWidget *currentVideoPlayer() const;
    QTabWidget *tabWidget() const { return m_tabs; }
    // What the store wrote for a capture's bookmarks: shown in its player.
    void setBookmarks(const QString &captureId, std::vector<Bookmark> bookmarks);

    // What each open tab shows, to be read again after the workspace changed
    // (refreshShownCaptures); a tab whose capture is gone is left out.
    std::vector<ShownCapture> shownCaptures() const;
    // Shows what was read again, in place: new markup drawn from the frame
    // on screen (zoom, pan, play state, loop range and legend toggles stay),
    // bookmarks listed, a tab waiting for its file giving way to the view,
    // a capture that is gone marked so (removedNotice(), its write actions
    // off). Emits captureRefreshed() for each tab it touched.
    void applyRefresh(std::vector<CaptureRefresh> changes);
    // The capture of an open tab is no longer in the workspace.
    bool isRemoved(const QString &captureId) const;
    static QString removedNotice();

    // The captures whose tabs wait for their file from the asset store.
    QStringList capturesWaitingForMedia() const;
    RemoteMediaPanel *remoteMediaPanel(const QString &captureId) const;

    // Tabs kept open at most; opening another closes the oldest.
    static constexpr int kMaxTabs = 8;

Q_SIGNALS:
    void currentCaptureChanged(const QString &captureId);
    // Whether edits of the current tab's capture may be asked for (false
    // once it is gone from the workspace); on every tab change.
    void currentWritableChanged(bool writable);
    // An open tab shows its capture as read again (applyRefresh).
    void captureRefreshed(const QString &captureId);
    // A player asks for a bookmark edit of its capture (to be written to the store).
    void bookmarkPutRequested(const QString &captureId, const sl::Bookmark &bookmark);
    void bookmarkRemoveRequested(const QString &captureId, const QString &bookmarkId);
    // A view asked for a snapshot of its capture: a video's frame at
    // `seconds`, or a photo (seconds 0); `baked`: the overlay burned in.
    void snapshotRequested(const QString &captureId, double seconds, bool baked);
    // A player asked to export its video (seconds; negative: start or end).
    void videoExportRequested(const QString &captureId, const QString &suggestedName, double from, double to);
    // A tab asked for its capture's file from the asset store (its asset's files come).
    void mediaFetchRequested(const QString &assetId, const QString &captureId);

private:
    // What a tab was opened or refreshed with.
    struct Shown
    {
        CaptureRecord record;
        std::vector<Markup> worldMarkups; // as read, also when a manifest error hides them
        bool mediaToFetch = false;
        bool removed = false;
        QByteArray viewBasis; // CaptureOpening::viewBasis; empty when opened without one
    };
    // openCapture(); `replace`: an open tab of the capture is closed and the
    // new view takes its place (not only switched to).
    QWidget *openTab(const CaptureRecord &record, const QString &mediaPath, std::vector<Markup> worldMarkups,
                     bool mediaToFetch, QByteArray viewBasis, bool replace);
    int tabOf(const QString &captureId) const;
    void closeTab(int index);
    void refreshView(QWidget *view, const CaptureRefresh &change);
    void showRemoved(QWidget *view);

    QStackedWidget *m_stack = nullptr;
    QLabel *m_hint = nullptr;
    QTabWidget *m_tabs = nullptr;
    std::vector<QWidget *> m_openOrder; // oldest first
    std::map<const QWidget *, Shown> m_shown; // by view
};

} // namespace sl
