#pragma once

#include "render/frameexporter.h"
#include "render/videoexporter.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <optional>

class QThread;

namespace sl {

// One export-video run on a thread of its own: an export takes seconds to
// minutes, so it never runs on the GUI thread, nor on a store worker whose
// other jobs would wait behind it. The source is read before (on a store
// worker: FrameExporter::readCapture) and the audit row written after.
// Signals arrive on the thread the task lives on.
class VideoExportTask : public QObject
{
    Q_OBJECT

public:
    explicit VideoExportTask(QObject *parent = nullptr);
    // Cancels a running export and waits for its thread: nothing is left at
    // the target.
    ~VideoExportTask() override;

    // Starts exporting [from, to) seconds (absent: the start, the end) of
    // `source` to `outPath`. Refused (false) while a run is going on.
    bool start(FrameExporter::Source source, const QString &outPath, std::optional<double> from,
               std::optional<double> to);
    // Asks the run to stop before its next frame; finished() then says
    // Cancelled and nothing is left at the target.
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }

Q_SIGNALS:
    // Frames written so far, of `total`: at most about once per percent.
    void progress(int done, int total);
    void finished(sl::VideoExporter::Outcome outcome, const QString &error);

private:
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel = false;
    VideoExporter::Outcome m_outcome = VideoExporter::Outcome::Failed;
    QString m_error;
};

} // namespace sl
