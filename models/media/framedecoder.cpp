#include "media/framedecoder.h"

#include "common/logging.h"
#include "media/imageconversion.h"
#include "common/systemerror.h"
#include "media/mediafile.h"
#include "media/photoreader.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace sl {

namespace {

// Reading forward this many frames (or two seconds' worth, if more) is
// cheaper than a seek, which decodes from the previous keyframe anyway.
constexpr int kMinForwardRead = 30;
// Seek attempts, each starting further back, before decoding from the start.
constexpr int kSeekAttempts = 6;

} // namespace

bool FrameDecoder::open(const QString &path, QString *error)
{
    return openAs(path, std::nullopt, error);
}

bool FrameDecoder::open(const QString &path, MediaType type, QString *error)
{
    return openAs(path, type, error);
}

bool FrameDecoder::openAs(const QString &path, std::optional<MediaType> type, QString *error)
{
    close();
    m_path = path;
    m_error.clear();

    const auto fail = [&](const QString &message) {
        m_error = message;
        if (error)
            *error = message;
        close();
        return false;
    };

    QString message;
    if (!MediaFile::checkReadable(path, &message))
        return fail(message);

    const bool photo = type ? *type == MediaType::Photo
                            : MediaFile::looksLikeImage(path) || MediaFile::hasPhotoExtension(path);
    if (photo) {
        m_photo = PhotoReader::read(path, &message);
        if (m_photo.isNull())
            return fail(message);
        m_frameCount = 1;
        return true;
    }

    if (!MediaFile::openVideo(path, m_capture, &message))
        return fail(message);
    m_fps = m_capture.get(cv::CAP_PROP_FPS);
    if (!std::isfinite(m_fps) || m_fps <= 0 || m_fps > 1000)
        return fail(MediaFile::describe(
            path, QCoreApplication::translate("sl::FrameDecoder", "the video has no usable frame rate")));
    m_isVideo = true;

    const double count = m_capture.get(cv::CAP_PROP_FRAME_COUNT);
    if (std::isfinite(count) && count >= 1) {
        m_frameCount = int(std::min<double>(std::llround(count), std::numeric_limits<int>::max() - 1));
    } else {
        // No count in the container: count by decoding once.
        int counted = 0;
        while (m_capture.grab())
            ++counted;
        m_frameCount = counted;
        if (counted == 0 || !restartFromBeginning())
            return fail(MediaFile::describe(
                path, QCoreApplication::translate("sl::FrameDecoder",
                                                  "the video has no decodable frame (zero frames)")));
    }

    switch (readNext()) {
    case Read::Ok:
        return true;
    case Read::NoMemory:
        return fail(MediaFile::describe(path, SystemError::notEnoughMemory()));
    case Read::EndOfStream:
        break;
    }
    return fail(MediaFile::describe(
        path, QCoreApplication::translate("sl::FrameDecoder", "the video has no decodable frame (zero frames)")));
}

void FrameDecoder::close()
{
    m_capture.release();
    m_isVideo = false;
    m_fps = 0;
    m_frameCount = 0;
    m_nextIndex = 0;
    m_photo = {};
    m_current = {};
    m_currentIndex = -1;
    m_streamEnd = -1;
    m_outOfMemory = false;
    m_countedFromStart = true;
}

int FrameDecoder::frameIndexAt(double seconds) const
{
    if (!m_isVideo || m_frameCount <= 0 || !std::isfinite(seconds))
        return 0;
    const double index = std::floor(seconds * m_fps + 1e-6);
    return int(std::clamp(index, 0.0, double(m_frameCount - 1)));
}

double FrameDecoder::timeOfFrame(int index) const
{
    return m_isVideo && m_fps > 0 ? index / m_fps : 0.0;
}

QImage FrameDecoder::frameAt(double seconds)
{
    if (!std::isfinite(seconds))
        return failWith(
            QCoreApplication::translate("sl::FrameDecoder", "the requested time is not a number"));
    return frameByIndex(frameIndexAt(seconds));
}

QImage FrameDecoder::frameByIndex(int index)
{
    m_error.clear();
    if (!m_isVideo) {
        if (m_photo.isNull())
            return failWith(QCoreApplication::translate("sl::FrameDecoder", "no media is open"));
        return m_photo;
    }
    if (m_frameCount <= 0)
        return failWith(QCoreApplication::translate("sl::FrameDecoder",
                                                    "the video has no decodable frame (zero frames)"));

    index = std::clamp(index, 0, m_frameCount - 1);
    if (index == m_currentIndex && !m_current.isNull())
        return m_current;
    if (!pastStreamEnd(index)) {
        m_outOfMemory = false;
        const int forwardLimit = std::max(kMinForwardRead, int(std::ceil(2 * m_fps)));
        const bool sequential = index >= m_nextIndex && index - m_nextIndex <= forwardLimit;
        if (sequential ? readForwardTo(index) : seekTo(index))
            return m_current;
    }
    // Never an earlier frame in place of the one asked for: a file cut short
    // (a copy that stopped, a recording that crashed) says where it ends.
    if (pastStreamEnd(index))
        return failWith(QCoreApplication::translate("sl::FrameDecoder",
                                                    "the video ends early, at %1 s; the container says %2 s")
                            .arg(timeOfFrame(m_streamEnd), 0, 'f', 2)
                            .arg(timeOfFrame(m_frameCount), 0, 'f', 2));
    if (m_outOfMemory)
        return failWith(SystemError::notEnoughMemory());
    return failWith(QCoreApplication::translate("sl::FrameDecoder", "frame %1 cannot be decoded").arg(index));
}

bool FrameDecoder::pastStreamEnd(int index) const
{
    return m_streamEnd >= 0 && index >= m_streamEnd;
}

FrameDecoder::Read FrameDecoder::readNext()
{
    bool ok = false;
    try {
        ok = m_capture.read(m_bgr);
    } catch (const cv::Exception &e) {
        qCWarning(lcMedia) << "decoding failed in" << m_path << e.what();
        if (SystemError::describe(e, {}) == SystemError::notEnoughMemory()) {
            m_outOfMemory = true;
            return Read::NoMemory;
        }
        ok = false;
    }
    if (!ok || m_bgr.empty())
        return Read::EndOfStream;
    m_current = ImageConversion::toQImage(m_bgr);
    if (m_current.isNull()) {
        m_outOfMemory = true;
        return Read::NoMemory;
    }
    m_currentIndex = m_nextIndex;
    ++m_nextIndex;
    return Read::Ok;
}

bool FrameDecoder::readForwardTo(int index)
{
    while (m_nextIndex < index) {
        if (!m_capture.grab())
            break;
        ++m_nextIndex;
    }
    if (m_nextIndex == index) {
        const Read read = readNext();
        if (read == Read::Ok)
            return true;
        if (read == Read::NoMemory) {
            m_currentIndex = -1;
            m_current = {};
            return false;
        }
    }
    // The stream ended before the container's frame count: remember where,
    // keeping the container's count (the duration it promised). Only a count
    // from the first frame is sure: near a cut, the timestamps a seek lands
    // by can be off (seekTo then counts again from the start).
    if (m_countedFromStart && m_nextIndex < m_frameCount && (m_streamEnd < 0 || m_nextIndex < m_streamEnd)) {
        qCWarning(lcMedia) << m_path << "ends after" << m_nextIndex << "frames; the container says"
                           << m_frameCount;
        m_streamEnd = std::max(m_nextIndex, 0);
    }
    m_currentIndex = -1;
    m_current = {};
    return false;
}

int FrameDecoder::decodedIndexFromTimestamp() const
{
    // The last read frame's presentation time relative to the stream's start
    // is independent of how the backend counts frames after a seek.
    const double ms = m_capture.get(cv::CAP_PROP_POS_MSEC);
    const double position = m_capture.get(cv::CAP_PROP_POS_FRAMES);
    const int counted = std::isfinite(position) ? int(std::llround(position)) - 1 : -1;
    if (!std::isfinite(ms) || ms < 0 || (ms == 0 && counted > 0))
        return counted; // no timestamps in this stream: trust the count
    return int(std::llround(ms * m_fps / 1000.0));
}

bool FrameDecoder::seekTo(int index)
{
    int back = 0;
    for (int attempt = 0; attempt < kSeekAttempts; ++attempt) {
        const int start = std::max(0, index - back);
        bool positioned = false;
        try {
            positioned = m_capture.set(cv::CAP_PROP_POS_FRAMES, double(start));
        } catch (const cv::Exception &e) {
            qCWarning(lcMedia) << "seek failed in" << m_path << e.what();
        }
        if (positioned && readNext() == Read::Ok) {
            // Verify: the frame decoded must be the one asked for.
            const int landed = decodedIndexFromTimestamp();
            if (landed >= 0) {
                m_currentIndex = landed;
                m_nextIndex = landed + 1;
                m_countedFromStart = false;
                if (landed == index)
                    return true;
                if (landed < index) {
                    if (readForwardTo(index)) // from the keyframe side
                        return true;
                    if (m_outOfMemory)
                        return false;
                    break; // the stream ran out: count from the start
                }
            }
            qCDebug(lcMedia) << "seek to" << start << "in" << m_path << "landed on" << landed
                             << "; going back";
        }
        if (start == 0)
            break;
        back = back == 0 ? std::max(kMinForwardRead, int(std::ceil(m_fps))) : back * 2;
    }
    // Last resort, always exact: decode from the first frame.
    qCInfo(lcMedia) << "seeking in" << m_path << "is unreliable; decoding from the start to frame" << index;
    return restartFromBeginning() && readForwardTo(index);
}

bool FrameDecoder::restartFromBeginning()
{
    m_capture.release();
    m_nextIndex = 0;
    m_countedFromStart = true;
    m_currentIndex = -1;
    m_current = {};
    QString message;
    if (!MediaFile::openVideo(m_path, m_capture, &message)) {
        m_error = message;
        return false;
    }
    return true;
}

QImage FrameDecoder::failWith(const QString &reason)
{
    m_error = m_path.isEmpty() ? reason : MediaFile::describe(m_path, reason);
    return {};
}

} // namespace sl
