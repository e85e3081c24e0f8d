#include "photoview.h"

#include "common/logging.h"
#include "media/framesource.h"

#include <QAction>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace sl {

PhotoView::PhotoView(QWidget *parent)
    : OverlayCanvas(parent)
{
    setObjectName(QStringLiteral("photoView"));
    enableReviewTools();
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &PhotoView::onDecoded);
    // The same keys as the video player's.
    const auto addSnapshot = [this](const QString &text, const QKeySequence &key, bool baked, const QString &name) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, [this, baked] {
            if (hasFrame())
                Q_EMIT snapshotRequested(baked);
        });
        addAction(action);
    };
    addSnapshot(tr("Snapshot"), QKeySequence(Qt::Key_S), false, QStringLiteral("snapshotAction"));
    addSnapshot(tr("Snapshot with overlay"), QKeySequence(Qt::SHIFT | Qt::Key_S), true,
                QStringLiteral("bakedSnapshotAction"));
    setContextMenuPolicy(Qt::ActionsContextMenu);
}

PhotoView::~PhotoView()
{
    // The decode keeps running on its worker; its result is simply dropped.
    m_watcher.disconnect(this);
}

void PhotoView::open(const CaptureManifest &manifest, const QString &mediaPath, std::vector<Markup> worldMarkups)
{
    m_mediaPath = mediaPath;
    setCapture(manifest, std::move(worldMarkups));
    clearFrame();
    const quint64 generation = ++m_generation; // a decode still running for a previous photo is dropped
    setMessage(tr("Loading photo…"));
    m_loading = true;
    m_watcher.setFuture(QtConcurrent::run([mediaPath, generation]() {
        Decoded decoded;
        decoded.generation = generation;
        if (!QFileInfo::exists(mediaPath)) { // checked here: the GUI thread touches no file
            decoded.missing = true;
            return decoded;
        }
        FrameSource decoder;
        if (!decoder.open(mediaPath, &decoded.error))
            return decoded;
        decoded.image = decoder.frameAt(0).convertToFormat(QImage::Format_RGB32);
        if (decoded.image.isNull())
            decoded.error = PhotoView::tr("no image could be decoded");
        return decoded;
    }));
}

void PhotoView::onDecoded()
{
    const Decoded decoded = m_watcher.result();
    if (decoded.generation != m_generation)
        return;
    m_loading = false;
    if (decoded.missing) {
        setMessage(tr("The photo file is missing: %1").arg(QFileInfo(m_mediaPath).fileName()), true);
        Q_EMIT loaded(false);
        return;
    }
    if (decoded.image.isNull()) {
        qCWarning(lcUi) << "cannot show photo" << m_mediaPath << decoded.error;
        setMessage(tr("This photo cannot be shown: %1").arg(decoded.error), true);
        Q_EMIT loaded(false);
        return;
    }
    setFrame(decoded.image, 0.0);
    Q_EMIT loaded(true);
}

} // namespace sl
