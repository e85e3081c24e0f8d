#include "render/videoexporter.h"

#include "common/logging.h"
#include "common/outputfile.h"
#include "media/framesource.h"
#include "media/mp4videowriter.h"

#include <cmath>

namespace sl {

namespace {

VideoExporter::Outcome fail(QString *error, const QString &message)
{
    qCWarning(lcRender) << "export-video:" << message;
    if (error)
        *error = message;
    return VideoExporter::Outcome::Failed;
}

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
    return encode(source, outPath, options, error);
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
    const Outcome outcome = encode(source, outPath, options, error);
    if (outcome != Outcome::Done)
        return outcome;
    return FrameExporter::recordExport(workspace, source, outPath, author, error) ? Outcome::Done : Outcome::Failed;
}

VideoExporter::Outcome VideoExporter::encode(const FrameExporter::Source &exported, const QString &outPath,
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
    if (!std::isfinite(from) || !std::isfinite(to) || from < 0 || to > end + 1e-9)
        return fail(error, name + tr("the range %1–%2 s is outside the video (0–%3 s)")
                                      .arg(from, 0, 'f', 3)
                                      .arg(to, 0, 'f', 3)
                                      .arg(end, 0, 'f', 3));
    if (from >= to)
        return fail(error, name + tr("the range %1–%2 s is empty").arg(from, 0, 'f', 3).arg(to, 0, 'f', 3));
    const int first = index.indexAt(from);
    int last = index.indexAt(to);
    if (last > first && index.timeOf(last) >= to)
        --last; // a frame starting exactly at `to` is outside [from, to)
    if (first < 0 || last < first)
        return fail(error, name + tr("the range %1–%2 s holds no frame").arg(from, 0, 'f', 3).arg(to, 0, 'f', 3));

    const int total = last - first + 1;
    const double start = index.timeOf(first);
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
            const QImage frame = source.frame(n);
            if (frame.isNull()) {
                failure = source.lastError();
                return false;
            }
            // The overlay at the frame's own time: the pose of the pixels shown.
            const double frameTime = index.timeOf(n);
            const QImage burned = FrameExporter::burnFrame(frame, source.rotation(), exported, frameTime);
            if (n == first && !writer.open(temporaryPath, burned.size(), source.fps(), reason))
                return false;
            // The last frame of a range shows until the next one would.
            if (!writer.write(burned, frameTime - start, index.durationOf(n), reason))
                return false;
            if (options.progress)
                options.progress(n - first + 1, total);
        }
        return writer.finish(reason);
    };
    if (!OutputFile::writeFile(outPath, produce, &message)) {
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
