#pragma once

#include "overlaycanvas.h"

#include <QFutureWatcher>
#include <QVideoFrame>

namespace sl {

// Shows a playing video's frames with their markup. Frames arrive from a
// QVideoSink on the GUI thread; converting one to a QImage costs 8-22 ms at
// 1080p, so it runs on a worker: at most one conversion in flight, and a frame
// that arrives meanwhile replaces any older one still waiting (stale frames
// are dropped, never queued). Markup is drawn at the frame's own time.
class VideoCanvas : public OverlayCanvas
{
    Q_OBJECT
public:
    explicit VideoCanvas(QWidget *parent = nullptr);
    ~VideoCanvas() override;

    // A frame from the sink and its media time in seconds (the frame's own
    // start time when it has one). A frame with the same start time as the
    // last one (GStreamer delivers the first frame twice) is ignored.
    void presentFrame(const QVideoFrame &frame, double seconds);
    // Forgets pending frames and conversions (a new source, or a stop).
    void reset();
    // Forgets pending frames and conversions, keeping the frame on screen
    // (playback stops and an exact frame will replace it).
    void dropPendingFrames();

private:
    struct Converted
    {
        quint64 generation = 0;
        QImage image;
        double seconds = 0;
    };
    void startConversion();
    void onConverted();

    QFutureWatcher<Converted> m_watcher;
    QVideoFrame m_pending; // the newest frame not converted yet; invalid when none waits
    double m_pendingSeconds = 0;
    bool m_converting = false;
    quint64 m_generation = 0;
    qint64 m_lastStartUs = -1;
};

} // namespace sl
