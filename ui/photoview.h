#pragma once

#include "overlaycanvas.h"

#include <QFutureWatcher>
#include <QString>

namespace sl {

// A photo capture scaled to fit, with its image and world markup drawn over it.
// The photo is decoded on a worker thread (the same decoder as export-frame,
// so the pixels match what is exported).
class PhotoView : public OverlayCanvas
{
    Q_OBJECT
public:
    explicit PhotoView(QWidget *parent = nullptr);
    ~PhotoView() override;

    // Shows `mediaPath` (absolute) with the capture's markup; `worldMarkups`
    // are the spatial frame's world markups. Decoding runs in the background.
    void open(const CaptureManifest &manifest, const QString &mediaPath, std::vector<Markup> worldMarkups);
    QString mediaPath() const { return m_mediaPath; }
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    // The photo is decoded (ok) or could not be (the view shows why).
    void loaded(bool ok);
    // "Snapshot" (S) / "Snapshot with overlay" (Shift+S), from the keys or
    // the context menu: the photo is to be stored as a new capture.
    void snapshotRequested(bool baked);

private:
    struct Decoded
    {
        quint64 generation = 0;
        QImage image;
        QString error;
        bool missing = false; // the file is not there
    };
    void onDecoded();

    QString m_mediaPath;
    QFutureWatcher<Decoded> m_watcher;
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace sl
