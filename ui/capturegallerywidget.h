#pragma once

#include "domain/capturerecord.h"

#include <QCache>
#include <QImage>
#include <QPixmap>
#include <QWidget>

#include <functional>
#include <optional>

#include <vector>

class QComboBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QMenu;
class QStackedWidget;

namespace sl {

// One capture as the gallery shows it.
struct GalleryEntry
{
    CaptureRecord record;
    QString mediaPath; // absolute path of the media file
};

// The captures of one asset as a grid of thumbnails with captions (type, date,
// review status). Thumbnails are made by Thumbnailer on worker threads; a
// placeholder shows meanwhile. Double-click or Enter opens a capture. The
// context menu reviews the selected captures (one or many); a filter shows
// the captures of one review status.
class CaptureGalleryWidget : public QWidget
{
    Q_OBJECT
public:
    explicit CaptureGalleryWidget(QWidget *parent = nullptr);
    ~CaptureGalleryWidget() override;

    void setCaptures(std::vector<GalleryEntry> entries);
    void clear();

    int count() const;
    const std::vector<GalleryEntry> &entries() const { return m_entries; }
    const GalleryEntry *entry(const QString &captureId) const;
    QString captureIdAt(int row) const;
    // Makes a capture the current item (when it is opened elsewhere); false if it is not listed.
    bool selectCapture(const QString &captureId);
    // Thumbnails still being made for the current captures.
    int thumbnailsPending() const { return m_pending; }
    QListWidget *listWidget() const { return m_list; }
    QStringList selectedCaptureIds() const;
    // Asks for the selected captures' review (emits reviewRequested); `note`
    // absent keeps each capture's note.
    void reviewSelected(std::optional<ReviewStatus> status, const std::optional<QString> &note = std::nullopt);
    // Shows only the captures with this review status (nullopt: all).
    void setStatusFilter(std::optional<ReviewStatus> status);
    int visibleCount() const;

    static QSize thumbnailSize() { return {192, 108}; }
    // Adds entries to the context menu of the selected captures (e.g. Compare with).
    using MenuExtension = std::function<void(QMenu *menu, const QStringList &selectedIds)>;
    void setMenuExtension(MenuExtension extension) { m_menuExtension = std::move(extension); }

Q_SIGNALS:
    void captureActivated(const QString &captureId);
    void currentCaptureChanged(const QString &captureId);
    // Every thumbnail of the current captures is shown (or failed).
    void thumbnailsReady();
    // `withStatus` false: each capture keeps its status (a note alone).
    void reviewRequested(const QStringList &captureIds, bool withStatus, ReviewStatus status, bool withNote,
                         const QString &note);

private:
    struct Thumbnail
    {
        quint64 generation = 0;
        int row = -1;
        QString cacheKey;
        QImage image;
        QString error;
        bool onStore = false; // pulled from the asset store, its file not fetched
    };
    void requestThumbnail(int row);
    void onThumbnail(const Thumbnail &thumbnail);
    QPixmap placeholder(MediaType type) const;
    QPixmap decorate(const QImage &image, MediaType type) const;
    QString caption(const CaptureRecord &record) const;
    void showReviewMenu(const QPoint &at);
    void applyStatusFilter();

    QStackedWidget *m_stack = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_empty = nullptr;
    QComboBox *m_statusFilter = nullptr;
    std::vector<GalleryEntry> m_entries;
    QCache<QString, QPixmap> m_cache; // decorated thumbnails by media hash (else path)
    quint64 m_generation = 0;
    int m_pending = 0;
    MenuExtension m_menuExtension;
};

} // namespace sl
