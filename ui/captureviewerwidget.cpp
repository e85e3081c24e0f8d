#include "captureviewerwidget.h"

#include "photoview.h"
#include "sync/remotemediapanel.h"
#include "uitext.h"
#include "videocanvas.h"
#include "videoplayerwidget.h"

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
    connect(m_tabs, &QTabWidget::currentChanged, this, [this]() { Q_EMIT currentCaptureChanged(currentCaptureId()); });
}

QWidget *CaptureViewerWidget::openCapture(const CaptureRecord &record, const QString &mediaPath,
                                          std::vector<Markup> worldMarkups, bool mediaToFetch)
{
    const int existing = tabOf(record.id);
    int insertAt = -1;                 // where a panel that gives way was
    QWidget *keepCurrent = nullptr;    // the tab the user looks at, when not that panel
    if (existing >= 0) {
        // A capture waiting for its file whose file is here now: the panel
        // gives way to the photo or the player, in its place.
        if (!mediaToFetch && qobject_cast<RemoteMediaPanel *>(m_tabs->widget(existing))) {
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
    // A capture whose stored manifest no longer reads shows its media alone.
    if (!record.manifestError.isEmpty())
        worldMarkups.clear();
    if (mediaToFetch) {
        auto *panel = new RemoteMediaPanel(record.mediaType, record.capturedAt, m_tabs);
        connect(panel, &RemoteMediaPanel::fetchRequested, this,
                [this, panel, assetId = record.assetId, captureId = record.id] {
                    panel->setFetching(true);
                    Q_EMIT mediaFetchRequested(assetId, captureId);
                });
        view = focusTarget = panel;
    } else if (record.mediaType == MediaType::Video) {
        auto *player = new VideoPlayerWidget(m_tabs);
        player->open(record.manifest, mediaPath, std::move(worldMarkups));
        const QString captureId = record.id;
        connect(player, &VideoPlayerWidget::bookmarkPutRequested, this,
                [this, captureId](const Bookmark &b) { Q_EMIT bookmarkPutRequested(captureId, b); });
        connect(player, &VideoPlayerWidget::bookmarkRemoveRequested, this,
                [this, captureId](const QString &id) { Q_EMIT bookmarkRemoveRequested(captureId, id); });
        connect(player, &VideoPlayerWidget::snapshotRequested, this,
                [this, id = record.id](double seconds, bool baked) { Q_EMIT snapshotRequested(id, seconds, baked); });
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
        connect(photo, &PhotoView::snapshotRequested, this,
                [this, id = record.id](bool baked) { Q_EMIT snapshotRequested(id, 0.0, baked); });
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
    m_records[view] = record;
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
    const auto it = m_records.find(currentView());
    return it != m_records.end() ? it->second : CaptureRecord();
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
    m_records[view].manifest.bookmarks = bookmarks;
    if (auto *player = qobject_cast<VideoPlayerWidget *>(view))
        player->setBookmarks(std::move(bookmarks));
}

QStringList CaptureViewerWidget::capturesWaitingForMedia() const
{
    QStringList ids;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (qobject_cast<RemoteMediaPanel *>(m_tabs->widget(i)))
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
    m_records.erase(view);
    view->deleteLater();
    if (m_tabs->count() == 0)
        m_stack->setCurrentWidget(m_hint);
}

} // namespace sl
