#pragma once

#include "capture/markup.h"
#include "domain/capturerecord.h"
#include "media/frameindex.h"

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace sl {

class CompareCanvas;
class FrameSourceWorker;

// One side of a comparison: a capture's media on a FrameSourceWorker of its
// own (opened and decoded off the GUI thread, exact frames by presentation
// time) shown with its markup on a CompareCanvas. A photo is one frame
// whatever the time; a video shows the frame whose interval holds its
// media time on the shared clock.
class CompareSide : public QObject
{
    Q_OBJECT
public:
    CompareSide(CompareCanvas *canvas, QObject *parent = nullptr);
    ~CompareSide() override;

    // `mediaPath` absolute; `worldMarkups` the capture's spatial frame's.
    void open(const CaptureRecord &record, const QString &mediaPath, std::vector<Markup> worldMarkups);
    // Seconds on the shared clock before this side's first frame.
    void setLead(double seconds) { m_lead = seconds; }
    double lead() const { return m_lead; }
    // Shows the frame for shared time `shared` (a video; a photo stays).
    void showSharedTime(double shared);

    const CaptureRecord &record() const { return m_record; }
    bool isVideo() const { return m_record.mediaType == MediaType::Video; }
    bool isOpen() const { return m_opened; }
    // The video's frame index; null for a photo and until opened.
    const FrameIndex *frameIndex() const { return m_index && !m_index->isEmpty() ? m_index.get() : nullptr; }
    // The frame on screen (0 for a photo once shown), -1 while none.
    int shownIndex() const { return m_shownIndex; }
    CompareCanvas *canvas() const { return m_canvas; }

Q_SIGNALS:
    void opened();
    void frameShown(int index);
    void failed(const QString &message);

private:
    void onOpened(std::shared_ptr<const FrameIndex> index, int rotation, QSize codedSize);
    void onOpenFailed(const QString &error);
    void onFrame(int index, double seconds, const QImage &image);
    void onFrameFailed(int index, const QString &error);
    void request(int index);

    CompareCanvas *m_canvas;
    FrameSourceWorker *m_frames = nullptr;
    CaptureRecord m_record;
    QString m_mediaPath;
    std::shared_ptr<const FrameIndex> m_index;
    double m_lead = 0;
    double m_pendingShared = 0; // the shared time asked for before the video was opened
    bool m_opened = false;
    int m_shownIndex = -1;
    int m_requestedIndex = -1;
};

} // namespace sl
