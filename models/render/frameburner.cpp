#include "render/frameburner.h"

#include "common/hugepagebuffer.h"

#include <QPainter>

#include <opencv2/imgproc.hpp>

#include <atomic>

namespace sl {

namespace {

// Canvases kept for reuse: the frames waiting for the encoder, the one it
// encodes and the one being burned, with room to spare.
constexpr size_t kMaxCanvases = 8;

static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "QImage::Format_RGB32 is written as B, G, R, A bytes");

} // namespace

FrameBurner::FrameBurner(const FrameExporter::Source &source, int rotation)
    : m_source(source), m_rotation(rotation), m_poses(source.manifest.poseTrack())
{
}

QImage FrameBurner::freeCanvas(QSize size)
{
    const size_t bytesPerLine = size_t(size.width()) * 4;
    std::shared_ptr<HugePageBuffer> memory;
    for (const std::shared_ptr<HugePageBuffer> &held : m_canvases) {
        if (held->size() == bytesPerLine * size_t(size.height()) && held.use_count() == 1) {
            // The encoder's thread let it go: its reads come before our writes.
            std::atomic_thread_fence(std::memory_order_acquire);
            memory = held;
            break;
        }
    }
    if (!memory) {
        memory = HugePageBuffer::make(bytesPerLine * size_t(size.height()));
        if (!memory)
            return {};
        if (m_canvases.size() < kMaxCanvases)
            m_canvases.push_back(memory);
    }
    // The image (and every copy of it, in the queue, in the encoder) keeps
    // the memory held; the last one let go frees it for the next frame. The
    // image is the only one over it: painting it copies nothing.
    auto *holder = new std::shared_ptr<HugePageBuffer>(memory);
    return QImage(
        memory->data(), size.width(), size.height(), qsizetype(bytesPerLine), QImage::Format_RGB32,
        [](void *held) { delete static_cast<std::shared_ptr<HugePageBuffer> *>(held); }, holder);
}

QImage FrameBurner::burn(const QImage &frame, double frameTime)
{
    // A turned frame, or one not as FrameSource decodes video: the general
    // burn-in, copies and all.
    if (m_rotation != 0 || frame.format() != QImage::Format_RGB888)
        return FrameExporter::burnFrame(frame.convertToFormat(QImage::Format_RGB32), m_rotation, m_source, frameTime);
    QImage canvas = freeCanvas(frame.size());
    if (canvas.isNull())
        return {};
    // What burnIn paints on: the frame as RGB32 (opaque), written into the
    // canvas in place.
    const cv::Mat rgb(frame.height(), frame.width(), CV_8UC3, const_cast<uchar *>(frame.constBits()),
                      size_t(frame.bytesPerLine()));
    cv::Mat bgra(canvas.height(), canvas.width(), CV_8UC4, const_cast<uchar *>(canvas.constBits()),
                 size_t(canvas.bytesPerLine()));
    cv::cvtColor(rgb, bgra, cv::COLOR_RGB2BGRA);
    {
        QPainter painter(&canvas);
        // `frame` is the pixels under the overlay (what redactions hide):
        // the decoded frame, unpainted, as burnIn gives it.
        OverlayRenderer::paint(painter, m_source.manifest, m_poses, m_source.worldMarkups, canvas.size(), frameTime,
                               frame);
    }
    return canvas;
}

} // namespace sl
