#include "media/thirdpartylog.h"

#include "common/logging.h"

#include <QByteArray>
#include <QtGlobal>

#include <opencv2/core/utils/logger.hpp>

#include <cstdio>
#include <mutex>

extern "C" {
#include <libavutil/log.h>
}

namespace sl {

namespace {

// FFmpeg calls this from any thread, possibly with a partial line; each piece
// becomes one log message.
void forwardFfmpeg(void *context, int level, const char *format, va_list arguments)
{
    if (level > AV_LOG_VERBOSE)
        return; // debug and trace: too many to be of use, and costly
    char line[1024];
    int prefix = 1;
    av_log_format_line2(context, level, format, arguments, line, int(sizeof line), &prefix);
    const QByteArray text = QByteArray(line).trimmed();
    if (text.isEmpty())
        return;
    if (level <= AV_LOG_WARNING)
        qCWarning(lcMedia, "ffmpeg: %s", text.constData());
    else if (level <= AV_LOG_INFO)
        qCInfo(lcMedia, "ffmpeg: %s", text.constData());
    else
        qCDebug(lcMedia, "ffmpeg: %s", text.constData());
}

} // namespace

void ThirdPartyLog::route()
{
    static std::once_flag openCv;
    std::call_once(openCv, [] {
        // OpenCV 4.6 has no hook for its log lines, only a level. A level set
        // by the user (OPENCV_LOG_LEVEL) wins.
        if (!qEnvironmentVariableIsSet("OPENCV_LOG_LEVEL") && !lcMedia().isDebugEnabled())
            cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
    });
    // OpenCV's FFmpeg backend installs its own callback when OPENCV_FFMPEG_DEBUG
    // is set; setting ours every time keeps ours in place. A pointer store.
    av_log_set_callback(forwardFfmpeg);
}

} // namespace sl
