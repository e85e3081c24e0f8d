#include "capturegallerywidget.h"

#include "common/logging.h"
#include "media/thumbnailer.h"
#include "store/mediacache.h"
#include "uitext.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPainterPath>
#include <QStackedWidget>
#include <QStyle>
#include <QComboBox>
#include <QInputDialog>
#include <QMenu>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace sl {

namespace {

constexpr int kCaptureIdRole = Qt::UserRole + 1;
constexpr int kCacheCapacity = 400; // thumbnails kept across asset changes

} // namespace

CaptureGalleryWidget::CaptureGalleryWidget(QWidget *parent)
    : QWidget(parent)
    , m_cache(kCacheCapacity)
{
    setObjectName(QStringLiteral("captureGallery"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("captureList"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setMovement(QListView::Static);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setWrapping(true);
    m_list->setUniformItemSizes(true);
    m_list->setWordWrap(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection); // review many at once
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, &CaptureGalleryWidget::showReviewMenu);
    m_list->setIconSize(thumbnailSize());
    m_list->setGridSize(thumbnailSize() + QSize(28, 64));
    m_list->setSpacing(4);
    m_list->setTextElideMode(Qt::ElideRight);

    m_empty = new QLabel(tr("This asset has no captures."), this);
    m_empty->setObjectName(QStringLiteral("noCapturesLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_list);

    m_statusFilter = new QComboBox(this);
    m_statusFilter->setObjectName(QStringLiteral("reviewStatusFilter"));
    m_statusFilter->addItem(tr("All review statuses"));
    for (ReviewStatus status :
         {ReviewStatus::New, ReviewStatus::Approved, ReviewStatus::Rejected, ReviewStatus::NeedsFollowUp})
        m_statusFilter->addItem(UiText::reviewStatus(status), int(status));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &CaptureGalleryWidget::applyStatusFilter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_statusFilter);
    layout->addWidget(m_stack);

    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT captureActivated(item->data(kCaptureIdRole).toString());
    });
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *current) {
        Q_EMIT currentCaptureChanged(current ? current->data(kCaptureIdRole).toString() : QString());
    });
    clear();
}

CaptureGalleryWidget::~CaptureGalleryWidget() = default;

void CaptureGalleryWidget::clear()
{
    ++m_generation; // thumbnails still being made are dropped when they arrive
    m_pending = 0;
    m_entries.clear();
    m_list->clear();
    m_empty->setText(tr("Select an asset to see its captures."));
    m_stack->setCurrentWidget(m_empty);
}

void CaptureGalleryWidget::setCaptures(std::vector<GalleryEntry> entries)
{
    clear();
    m_entries = std::move(entries);
    if (m_entries.empty()) {
        m_empty->setText(tr("This asset has no captures."));
        Q_EMIT thumbnailsReady();
        return;
    }
    m_stack->setCurrentWidget(m_list);
    for (int row = 0; row < int(m_entries.size()); ++row) {
        const GalleryEntry &entry = m_entries[size_t(row)];
        auto *item = new QListWidgetItem(caption(entry.record));
        item->setData(kCaptureIdRole, entry.record.id);
        item->setTextAlignment(Qt::AlignHCenter | Qt::AlignTop);
        item->setToolTip(tr("%1\nCaptured by %2\nDouble-click or press Enter to open.")
                             .arg(QFileInfo(entry.record.manifest.mediaFile).fileName(),
                                  entry.record.manifest.capturedBy.isEmpty() ? tr("unknown")
                                                                             : entry.record.manifest.capturedBy));
        m_list->addItem(item);
        requestThumbnail(row);
    }
    m_list->setCurrentRow(0);
    applyStatusFilter();
    if (m_pending == 0)
        Q_EMIT thumbnailsReady();
}

QStringList CaptureGalleryWidget::selectedCaptureIds() const
{
    QStringList ids;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem *item = m_list->item(row);
        if (item->isSelected() && !item->isHidden())
            ids.append(item->data(kCaptureIdRole).toString());
    }
    return ids;
}

void CaptureGalleryWidget::reviewSelected(std::optional<ReviewStatus> status, const std::optional<QString> &note)
{
    const QStringList ids = selectedCaptureIds();
    if (!ids.isEmpty())
        Q_EMIT reviewRequested(ids, status.has_value(), status.value_or(ReviewStatus::New), note.has_value(),
                               note.value_or(QString()));
}

void CaptureGalleryWidget::showReviewMenu(const QPoint &at)
{
    const QStringList ids = selectedCaptureIds();
    if (ids.isEmpty())
        return;
    QMenu menu(this);
    QMenu *review = menu.addMenu(ids.size() == 1 ? tr("Review as") : tr("Review %n captures as", nullptr, int(ids.size())));
    for (ReviewStatus status :
         {ReviewStatus::New, ReviewStatus::Approved, ReviewStatus::Rejected, ReviewStatus::NeedsFollowUp})
        review->addAction(UiText::reviewStatus(status), this, [this, status] { reviewSelected(status); });
    menu.addAction(tr("Review with a note…"), this, [this, ids] {
        const GalleryEntry *first = entry(ids.first());
        bool ok = false;
        const QString note = QInputDialog::getText(this, tr("Review note"), tr("Note for %n capture(s):", nullptr, int(ids.size())),
                                                   QLineEdit::Normal, first ? first->record.reviewNote : QString(), &ok);
        if (ok)
            reviewSelected(std::nullopt, note); // the note only: each keeps its status
    });
    if (m_menuExtension) {
        menu.addSeparator();
        m_menuExtension(&menu, ids);
    }
    menu.exec(m_list->viewport()->mapToGlobal(at));
}

void CaptureGalleryWidget::setStatusFilter(std::optional<ReviewStatus> status)
{
    m_statusFilter->setCurrentIndex(status ? m_statusFilter->findData(int(*status)) : 0);
}

void CaptureGalleryWidget::applyStatusFilter()
{
    const QVariant wanted = m_statusFilter->currentData();
    for (int row = 0; row < m_list->count() && row < count(); ++row) {
        const bool shown = !wanted.isValid() || int(m_entries[size_t(row)].record.reviewStatus) == wanted.toInt();
        m_list->item(row)->setHidden(!shown);
    }
}

int CaptureGalleryWidget::visibleCount() const
{
    int visible = 0;
    for (int row = 0; row < m_list->count(); ++row)
        visible += m_list->item(row)->isHidden() ? 0 : 1;
    return visible;
}

int CaptureGalleryWidget::count() const
{
    return int(m_entries.size());
}

const GalleryEntry *CaptureGalleryWidget::entry(const QString &captureId) const
{
    for (const GalleryEntry &e : m_entries)
        if (e.record.id == captureId)
            return &e;
    return nullptr;
}

bool CaptureGalleryWidget::selectCapture(const QString &captureId)
{
    for (int row = 0; row < count(); ++row) {
        if (m_entries[size_t(row)].record.id == captureId) {
            m_list->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

QString CaptureGalleryWidget::captureIdAt(int row) const
{
    if (row < 0 || row >= count())
        return {};
    return m_entries[size_t(row)].record.id;
}

QString CaptureGalleryWidget::caption(const CaptureRecord &record) const
{
    return tr("%1 · %2\n%3")
        .arg(UiText::mediaType(record.mediaType), UiText::captureDate(record.capturedAt),
             UiText::reviewStatus(record.reviewStatus));
}

void CaptureGalleryWidget::requestThumbnail(int row)
{
    const GalleryEntry &entry = m_entries[size_t(row)];
    QListWidgetItem *item = m_list->item(row);
    // Stored media is named by its content (MediaStore): its hash is a key
    // that never goes stale, and finding it costs no file access here.
    const QString cacheKey = entry.record.mediaSha256.isEmpty() ? entry.mediaPath : entry.record.mediaSha256;
    if (const QPixmap *cached = m_cache.object(cacheKey)) {
        item->setIcon(*cached);
        return;
    }
    item->setIcon(placeholder(entry.record.mediaType));

    ++m_pending;
    const QSize maxSize = thumbnailSize() * devicePixelRatioF();
    const QString path = entry.mediaPath;
    const MediaType type = entry.record.mediaType;
    const bool cached = MediaCache::isCachePath(entry.record.mediaPath);
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<Thumbnail>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher]() {
        onThumbnail(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([=]() {
        Thumbnail thumbnail;
        thumbnail.generation = generation;
        thumbnail.row = row;
        thumbnail.cacheKey = cacheKey;
        if (!QFileInfo::exists(path)) {
            thumbnail.onStore = cached;
            thumbnail.error = CaptureGalleryWidget::tr("The media file is missing: %1").arg(QFileInfo(path).fileName());
            return thumbnail;
        }
        thumbnail.image = Thumbnailer::make(path, type, maxSize, &thumbnail.error);
        return thumbnail;
    }));
}

void CaptureGalleryWidget::onThumbnail(const Thumbnail &thumbnail)
{
    if (thumbnail.generation != m_generation)
        return; // made for captures no longer shown
    --m_pending;
    QListWidgetItem *item = m_list->item(thumbnail.row);
    if (item) {
        const MediaType type = m_entries[size_t(thumbnail.row)].record.mediaType;
        if (thumbnail.onStore) {
            item->setToolTip(item->toolTip() + QLatin1Char('\n')
                             + tr("On the asset store, not fetched yet: open it to fetch it."));
        } else if (thumbnail.image.isNull()) {
            qCWarning(lcUi) << "no thumbnail for" << m_entries[size_t(thumbnail.row)].mediaPath << thumbnail.error;
            item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
            item->setToolTip(tr("No thumbnail: %1").arg(thumbnail.error));
        } else {
            const QPixmap pixmap = decorate(thumbnail.image, type);
            m_cache.insert(thumbnail.cacheKey, new QPixmap(pixmap));
            item->setIcon(pixmap);
        }
    }
    if (m_pending == 0)
        Q_EMIT thumbnailsReady();
}

QPixmap CaptureGalleryWidget::placeholder(MediaType type) const
{
    const qreal dpr = devicePixelRatioF();
    QPixmap pixmap(thumbnailSize() * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(QColor(0x3a, 0x3c, 0x40));
    QPainter painter(&pixmap);
    painter.setPen(QColor(0xa0, 0xa0, 0xa0));
    painter.drawText(QRect(QPoint(0, 0), thumbnailSize()), Qt::AlignCenter,
                     tr("%1\nloading…").arg(UiText::mediaType(type)));
    return pixmap;
}

QPixmap CaptureGalleryWidget::decorate(const QImage &image, MediaType type) const
{
    QPixmap pixmap = QPixmap::fromImage(image);
    pixmap.setDevicePixelRatio(devicePixelRatioF());
    if (type != MediaType::Video)
        return pixmap;
    // A play mark tells videos from photos at a glance.
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QSizeF logical = pixmap.deviceIndependentSize();
    const double radius = std::min(logical.width(), logical.height()) * 0.16;
    const QPointF centre(logical.width() / 2.0, logical.height() / 2.0);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 140));
    painter.drawEllipse(centre, radius, radius);
    QPainterPath triangle;
    triangle.moveTo(centre + QPointF(-radius * 0.35, -radius * 0.5));
    triangle.lineTo(centre + QPointF(radius * 0.55, 0));
    triangle.lineTo(centre + QPointF(-radius * 0.35, radius * 0.5));
    triangle.closeSubpath();
    painter.setBrush(QColor(255, 255, 255, 220));
    painter.drawPath(triangle);
    return pixmap;
}

} // namespace sl
