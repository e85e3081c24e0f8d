#include "render/videoexporter.h"

#include "common/logging.h"
#include "common/outputfile.h"
#include "media/framesource.h"
#include "media/mp4videowriter.h"
#include "render/frameburner.h"

#include <cmath>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace sl {

namespace {

VideoExporter::Outcome fail(QString *error, const QString &message)
{
    qCWarning(lcRender) << "export-video:" << message;
    if (error)
        *error = message;
    return VideoExporter::Outcome::Failed;
}

// Burned frames between the thread that makes them and the encoder: at most
// kAhead wait (about 25 MB at 1080p RGB), so memory stays bounded.
class BurnedFrameQueue
{
  public:
    struct Item
    {
        QImage image; // null: `error` says why no more frames come
        QString error;
    };
    static constexpr size_t kAhead = 4;

    void push(Item item)
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [this] { return m_items.size() < kAhead || m_stopped; });
        if (m_stopped)
            return;
        m_items.push_back(std::move(item));
        m_notEmpty.notify_one();
    }
    // Waits for the next frame; the producer always pushes one per frame
    // asked for, or an error item, before it ends.
    Item pop()
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [this] { return !m_items.empty(); });
        Item item = std::move(m_items.front());
        m_items.pop_front();
        m_notFull.notify_one();
        return item;
    }
    // The consumer is done (finished, failed or cancelled): the producer stops.
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_notFull.notify_all();
    }
    bool stopped()
    {
        std::lock_guard lock(m_mutex);
        return m_stopped;
    }

  private:
    std::mutex m_mutex;
    std::condition_variable m_notFull;
    std::condition_variable m_notEmpty;
    std::deque<Item> m_items;
    bool m_stopped = false;
};

} // namespace

VideoExporter::Outcome VideoExporter::exportVideo(const QString &manifestPath, const QString &outPath,
                                                  const Options &options, QString *error)
{
    QString message;
    if (!OutputFile::checkTarget(outPath, &message))
        return fail(error, message);
    FrameExporter::Source source;
    if (!FrameExporter::readManifest(manifestPath, &source, error))
        return Outcome::Failed;
    return exportSource(source, outPath, options, error);
}

VideoExporter::Outcome VideoExporter::exportCapture(Workspace &workspace, const QString &captureId,
                                                    const QString &outPath, const Options &options, QString *error,
                                                    const QString &author)
{
    QString message;
    if (!OutputFile::checkTarget(outPath, &message))
        return fail(error, message);
    FrameExporter::Source source;
    if (!FrameExporter::readCapture(workspace, captureId, &source, error))
        return Outcome::Failed;
    const Outcome outcome = exportSource(source, outPath, options, error);
    if (outcome != Outcome::Done)
        return outcome;
    return FrameExporter::recordExport(workspace, source, outPath, author, error) ? Outcome::Done : Outcome::Failed;
}

VideoExporter::Outcome VideoExporter::exportSource(const FrameExporter::Source &exported, const QString &outPath,
                                             const Options &options, QString *error)
{
    const QString &name = exported.messagePrefix;
    QString message;
    FrameSource source;
    if (!source.open(exported.mediaPath, exported.manifest.mediaType, &message))
        return fail(error, name + QLatin1String("media.file: ") + message);
    if (!source.isVideo())
        return fail(error, name + tr("the capture is a photo, not a video"));

    // The range, in seconds from the first frame, within what can be read.
    const FrameIndex &index = source.index();
    const double end = index.readableEnd();
    const double from = options.from.value_or(0.0);
    const double to = options.to.value_or(end);
    if (std::isfinite(from) && from >= end && !options.to)
        return fail(error, name + tr("the range starts past the end of the video (%1 s, the video lasts %2 s)")
                                      .arg(from, 0, 'f', 3)
                                      .arg(end, 0, 'f', 3));
    if (!std::isfinite(from) || !std::isfinite(to) || from < 0 || to > end + 1e-9 || from >= end) {
        if (index.isCutShort() && to > end + 1e-9)
            return fail(error, name + tr("the range %1–%2 s is outside what can be read: the video ends early, "
                                         "at %3 s (its container says %4 s)")
                                          .arg(from, 0, 'f', 3)
                                          .arg(to, 0, 'f', 3)
                                          .arg(end, 0, 'f', 3)
                                          .arg(index.containerEnd(), 0, 'f', 3));
        return fail(error, name + tr("the range %1–%2 s is outside the video (0–%3 s)")
                                      .arg(from, 0, 'f', 3)
                                      .arg(to, 0, 'f', 3)
                                      .arg(end, 0, 'f', 3));
    }
    if (from >= to)
        return fail(error, name + tr("the range %1–%2 s is empty").arg(from, 0, 'f', 3).arg(to, 0, 'f', 3));
    const int first = index.indexAt(from);
    // To the end: the last frame (indexAt finds none at the readable end of a cut-short file).
    int last = to >= end - 1e-9 ? index.count() - 1 : index.indexAt(to);
    if (last > first && index.timeOf(last) >= to)
        --last; // a frame starting exactly at `to` is outside [from, to)
    if (first < 0 || last < first)
        return fail(error, name + tr("the range %1–%2 s holds no frame").arg(from, 0, 'f', 3).arg(to, 0, 'f', 3));

    const int total = last - first + 1;
    const double start = index.timeOf(first);
    const int rotation = source.rotation();
    const double averageFps = source.fps();
    // Decoding and burning run on a thread of their own, ahead of the
    // encoder on this one, so that the two overlap (the source is used on
    // that thread only from here on).
    BurnedFrameQueue queue;
    FrameBurner burner(exported, rotation);
    std::thread producer([&] {
        for (int n = first; n <= last && !queue.stopped(); ++n) {
            const QImage frame = source.frame(n);
            if (frame.isNull()) {
                queue.push({QImage(), source.lastError()});
                return;
            }
            // The overlay at the frame's own time: the pose of the pixels shown.
            // Burned on RGB32 (the painter's format, lossless from RGB888),
            // which the encoder takes as it is: no conversion back to RGB888.
            QImage burned = burner.burn(frame, index.timeOf(n));
            if (burned.isNull()) {
                queue.push({QImage(), name + tr("not enough memory for frame %1").arg(n)});
                return;
            }
            queue.push({std::move(burned), QString()});
        }
    });
    QString failure; // why a frame could not be made (not a writing error)
    bool cancelled = false;
    const auto produce = [&](const QString &temporaryPath, QString *reason) {
        Mp4VideoWriter writer;
        for (int n = first; n <= last; ++n) {
            if (options.cancel && options.cancel->load()) {
                cancelled = true;
                *reason = tr("cancelled");
                return false;
            }
            const BurnedFrameQueue::Item item = queue.pop();
            if (item.image.isNull()) {
                failure = item.error;
                return false;
            }
            if (n == first && !writer.open(temporaryPath, item.image.size(), averageFps, reason))
                return false;
            // The last frame of a range shows until the next one would.
            if (!writer.write(item.image, index.timeOf(n) - start, index.durationOf(n), reason))
                return false;
            if (options.progress)
                options.progress(n - first + 1, total);
        }
        return writer.finish(reason);
    };
    const bool written = OutputFile::writeFile(outPath, produce, &message);
    queue.stop();
    producer.join();
    if (!written) {
        if (cancelled) {
            if (error)
                *error = tr("export cancelled");
            return Outcome::Cancelled;
        }
        return fail(error, failure.isEmpty() ? message : failure);
    }
    return Outcome::Done;
}

} // namespace sl
