#include "captureviewerwidget.h"

#include "photoview.h"
#include "player/bookmarkpanel.h"
#include "sync/remotemediapanel.h"
#include "uitext.h"
#include "videocanvas.h"
#include "videoplayerwidget.h"

#include <QAction>
#include <QFileInfo>
#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace sl {

namespace {

const char kCaptureIdProperty[] = "captureId";

} // namespace

CaptureViewerWidget::CaptureViewerWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("captureViewer"));
    m_hint = new QLabel(tr("Double-click a capture, or select it and press Enter, to view it here."), this);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setEnabled(false);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("captureTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_hint);
    m_stack->addWidget(m_tabs);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &CaptureViewerWidget::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this]() {
        Q_EMIT currentCaptureChanged(currentCaptureId());
        Q_EMIT currentWritableChanged(!isRemoved(currentCaptureId()));
    });
}

QWidget *CaptureViewerWidget::openCapture(const CaptureRecord &record, const QString &mediaPath,
                                          std::vector<Markup> worldMarkups, bool mediaToFetch)
{
    return openTab(record, mediaPath, std::move(worldMarkups), mediaToFetch, {}, false);
}

QWidget *CaptureViewerWidget::openCapture(CaptureOpening opening)
{
    return openTab(opening.record, opening.mediaPath, std::move(opening.worldMarkups), opening.mediaToFetch,
                   opening.viewBasis, false);
}

QWidget *CaptureViewerWidget::openTab(const CaptureRecord &record, const QString &mediaPath,
                                      std::vector<Markup> worldMarkups, bool mediaToFetch, QByteArray viewBasis,
                                      bool replace)
{
    const int existing = tabOf(record.id);
    int insertAt = -1;                 // where a view that gives way was
    QWidget *keepCurrent = nullptr;    // the tab the user looks at, when not that one
    if (existing >= 0) {
        // A capture waiting for its file whose file is here now: the panel
        // gives way to the photo or the player, in its place; so does a view
        // being replaced.
        if (replace || (!mediaToFetch && qobject_cast<RemoteMediaPanel *>(m_tabs->widget(existing)))) {
            if (m_tabs->currentIndex() != existing)
                keepCurrent = m_tabs->currentWidget();
            insertAt = existing;
            closeTab(existing);
        } else {
            m_tabs->setCurrentIndex(existing);
            return m_tabs->widget(existing);
        }
    }
    if (int(m_openOrder.size()) >= kMaxTabs)
        closeTab(m_tabs->indexOf(m_openOrder.front()));

    QWidget *view = nullptr;
    QWidget *focusTarget = nullptr;
    OverlayCanvas *canvas = nullptr;
    Shown shown{record, worldMarkups, mediaToFetch, false, std::move(viewBasis)};
    const QString captureId = record.id;
    // A capture whose stored manifest no longer reads shows its media alone.
    if (!record.manifestError.isEmpty())
        worldMarkups.clear();
    if (mediaToFetch) {
        auto *panel = new RemoteMediaPanel(record.mediaType, record.capturedAt, m_tabs);
        connect(panel, &RemoteMediaPanel::fetchRequested, this,
                [this, panel, assetId = record.assetId, captureId] {
                    if (isRemoved(captureId))
                        return;
                    panel->setFetching(true);
                    Q_EMIT mediaFetchRequested(assetId, captureId);
                });
        view = focusTarget = panel;
    } else if (record.mediaType == MediaType::Video) {
        auto *player = new VideoPlayerWidget(m_tabs);
        player->open(record.manifest, mediaPath, std::move(worldMarkups));
        // Edits of a capture gone from the workspace are not passed on.
        connect(player, &VideoPlayerWidget::bookmarkPutRequested, this, [this, captureId](const Bookmark &b) {
            if (!isRemoved(captureId))
                Q_EMIT bookmarkPutRequested(captureId, b);
        });
        connect(player, &VideoPlayerWidget::bookmarkRemoveRequested, this, [this, captureId](const QString &id) {
            if (!isRemoved(captureId))
                Q_EMIT bookmarkRemoveRequested(captureId, id);
        });
        connect(player, &VideoPlayerWidget::snapshotRequested, this, [this, captureId](double seconds, bool baked) {
            if (!isRemoved(captureId))
                Q_EMIT snapshotRequested(captureId, seconds, baked);
        });
        const QString exportName = QFileInfo(mediaPath).completeBaseName();
        connect(player, &VideoPlayerWidget::videoExportRequested, this,
                [this, captureId, exportName](double from, double to) {
                    Q_EMIT videoExportRequested(captureId, exportName, from, to);
                });
        view = player;
        focusTarget = canvas = player->canvas();
    } else {
        auto *photo = new PhotoView(m_tabs);
        photo->open(record.manifest, mediaPath, std::move(worldMarkups));
        connect(photo, &PhotoView::snapshotRequested, this, [this, captureId](bool baked) {
            if (!isRemoved(captureId))
                Q_EMIT snapshotRequested(captureId, 0.0, baked);
        });
        view = photo;
        focusTarget = canvas = photo;
    }
    if (canvas && !record.manifestError.isEmpty())
        canvas->setCaptureNotice(
            tr("The stored manifest of this capture no longer reads (%1): its markup and camera are not shown.")
                .arg(record.manifestError));
    view->setProperty(kCaptureIdProperty, record.id);
    const QString title = tr("%1 · %2").arg(UiText::mediaType(record.mediaType), UiText::captureDate(record.capturedAt));
    const int index = insertAt >= 0 ? m_tabs->insertTab(insertAt, view, title) : m_tabs->addTab(view, title);
    m_tabs->setTabToolTip(index, QFileInfo(mediaPath).fileName());
    m_openOrder.push_back(view);
    m_shown[view] = std::move(shown);
    m_stack->setCurrentWidget(m_tabs);
    if (keepCurrent) {
        m_tabs->setCurrentWidget(keepCurrent);
        return view;
    }
    m_tabs->setCurrentIndex(index);
    focusTarget->setFocus(Qt::OtherFocusReason);
    return view;
}

void CaptureViewerWidget::closeAll()
{
    while (m_tabs->count() > 0)
        closeTab(0);
}

int CaptureViewerWidget::count() const
{
    return m_tabs->count();
}

QWidget *CaptureViewerWidget::currentView() const
{
    return m_tabs->currentWidget();
}

QString CaptureViewerWidget::currentCaptureId() const
{
    const QWidget *view = currentView();
    return view ? view->property(kCaptureIdProperty).toString() : QString();
}

CaptureRecord CaptureViewerWidget::currentRecord() const
{
    const auto it = m_shown.find(currentView());
    return it != m_shown.end() ? it->second.record : CaptureRecord();
}

PhotoView *CaptureViewerWidget::currentPhotoView() const
{
    return qobject_cast<PhotoView *>(currentView());
}

VideoPlayerWidget *CaptureViewerWidget::currentVideoPlayer() const
{
    return qobject_cast<VideoPlayerWidget *>(currentView());
}

void CaptureViewerWidget::setBookmarks(const QString &captureId, std::vector<Bookmark> bookmarks)
{
    const int tab = tabOf(captureId);
    if (tab < 0)
        return; // closed meanwhile: it reads them again when opened
    QWidget *view = m_tabs->widget(tab);
    m_shown[view].record.manifest.bookmarks = bookmarks;
    if (auto *player = qobject_cast<VideoPlayerWidget *>(view))
        player->setBookmarks(std::move(bookmarks));
}

std::vector<ShownCapture> CaptureViewerWidget::shownCaptures() const
{
    std::vector<ShownCapture> captures;
    for (const auto &[view, shown] : m_shown)
        if (!shown.removed)
            captures.push_back({shown.record.id, shown.record.manifest.markups, shown.worldMarkups,
                                shown.record.manifest.bookmarks, shown.mediaToFetch, shown.viewBasis});
    return captures;
}

void CaptureViewerWidget::applyRefresh(std::vector<CaptureRefresh> changes)
{
    for (CaptureRefresh &change : changes) {
        const int tab = tabOf(change.captureId);
        if (tab < 0)
            continue; // closed meanwhile
        QWidget *view = m_tabs->widget(tab);
        if (m_shown[view].removed)
            continue;
        if (!change.opening) {
            showRemoved(view);
        } else if (qobject_cast<RemoteMediaPanel *>(view)) {
            CaptureOpening &opening = *change.opening;
            if (opening.mediaToFetch) {
                m_shown[view] = {opening.record, opening.worldMarkups, true};
                continue; // nothing of it is shown yet
            }
            // The file is here now: the panel gives way to the view, in its place.
            openCapture(std::move(opening));
        } else if (change.viewChanged) {
            // Its poses, camera or file were replaced (a newer version pulled):
            // what the view was built from is gone, so a new view takes its place.
            CaptureOpening &opening = *change.opening;
            openTab(opening.record, opening.mediaPath, std::move(opening.worldMarkups), false,
                    std::move(opening.viewBasis), true);
        } else {
            refreshView(view, change);
        }
        Q_EMIT captureRefreshed(change.captureId);
    }
}

void CaptureViewerWidget::refreshView(QWidget *view, const CaptureRefresh &change)
{
    const CaptureOpening &opening = *change.opening;
    Shown &shown = m_shown[view];
    shown.record = opening.record;
    shown.worldMarkups = opening.worldMarkups;
    // A capture whose stored manifest no longer reads shows its media alone (as when opened).
    std::vector<Markup> world = opening.record.manifestError.isEmpty() ? opening.worldMarkups : std::vector<Markup>();
    if (auto *player = qobject_cast<VideoPlayerWidget *>(view)) {
        if (change.markupsChanged)
            player->setMarkups(opening.record.manifest.markups, std::move(world));
        if (change.bookmarksChanged)
            player->setBookmarks(opening.record.manifest.bookmarks);
    } else if (auto *photo = qobject_cast<PhotoView *>(view)) {
        if (change.markupsChanged)
            photo->setCapture(opening.record.manifest, std::move(world));
    }
}

QString CaptureViewerWidget::removedNotice()
{
    return tr("This capture was deleted on the asset store. What is shown is what was open; it is no longer in "
              "this workspace.");
}

void CaptureViewerWidget::showRemoved(QWidget *view)
{
    m_shown[view].removed = true;
    if (auto *panel = qobject_cast<RemoteMediaPanel *>(view)) {
        panel->showRemoved(removedNotice());
    } else if (auto *player = qobject_cast<VideoPlayerWidget *>(view)) {
        player->canvas()->setCaptureNotice(removedNotice());
        player->bookmarkPanel()->setEditable(false);
    } else if (auto *photo = qobject_cast<PhotoView *>(view)) {
        photo->setCaptureNotice(removedNotice());
    }
    // What would write to it (the signals they send are not passed on either).
    for (const char *name : {"snapshotAction", "bakedSnapshotAction", "addBookmarkAction"})
        if (auto *action = view->findChild<QAction *>(QLatin1String(name)))
            action->setEnabled(false);
    const int index = m_tabs->indexOf(view);
    m_tabs->setTabText(index, tr("%1 (deleted)").arg(m_tabs->tabText(index)));
    if (view == currentView())
        Q_EMIT currentWritableChanged(false);
}

bool CaptureViewerWidget::isRemoved(const QString &captureId) const
{
    const int tab = tabOf(captureId);
    if (tab < 0)
        return false;
    const auto it = m_shown.find(m_tabs->widget(tab));
    return it != m_shown.end() && it->second.removed;
}

QStringList CaptureViewerWidget::capturesWaitingForMedia() const
{
    QStringList ids;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *panel = qobject_cast<RemoteMediaPanel *>(m_tabs->widget(i)); panel && !panel->isRemoved())
            ids.append(m_tabs->widget(i)->property(kCaptureIdProperty).toString());
    return ids;
}

RemoteMediaPanel *CaptureViewerWidget::remoteMediaPanel(const QString &captureId) const
{
    const int tab = tabOf(captureId);
    return tab >= 0 ? qobject_cast<RemoteMediaPanel *>(m_tabs->widget(tab)) : nullptr;
}

int CaptureViewerWidget::tabOf(const QString &captureId) const
{
    for (int i = 0; i < m_tabs->count(); ++i)
        if (m_tabs->widget(i)->property(kCaptureIdProperty).toString() == captureId)
            return i;
    return -1;
}

void CaptureViewerWidget::closeTab(int index)
{
    QWidget *view = m_tabs->widget(index);
    if (!view)
        return;
    m_tabs->removeTab(index);
    m_openOrder.erase(std::remove(m_openOrder.begin(), m_openOrder.end(), view), m_openOrder.end());
    m_shown.erase(view);
    view->deleteLater();
    if (m_tabs->count() == 0)
        m_stack->setCurrentWidget(m_hint);
}

} // namespace sl
