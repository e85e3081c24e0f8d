#pragma once

namespace sl {

// Keeps the media libraries' console output off the user's terminal: FFmpeg's
// av_log lines go to the `sightline.media` logging category (so a command
// line tool's message handler decides what is shown), and OpenCV's own log
// is silenced unless that category's debug output is on. Without this a
// corrupt file prints several lines of FFmpeg or OpenCV chatter on stderr
// beside Sightline's one-line error.
class ThirdPartyLog
{
  public:
    // Installs the routing; cheap and idempotent, called before every use of
    // FFmpeg or OpenCV's video I/O (OpenCV could otherwise replace it).
    static void route();
};

} // namespace sl
