#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace sl::test {

// Hostile and lying media for the robustness tests, made at test time (no
// binary is committed). Each writer returns false with *error set when it
// cannot make the file.
class BadMedia
{
  public:
    // A real, valid 1-bit grey PNG of any size (rows streamed through zlib:
    // a 30000 x 30000 one is ~110 KB and takes well under a second).
    static bool writePng(const QString &path, int width, int height, QString *error);
    // A PNG whose header (with a valid CRC) declares `width` x `height` but
    // whose pixel data holds only a few rows.
    static bool writeLyingPng(const QString &path, int width, int height, QString *error);
    // A small real JPEG whose frame header is patched to declare `width` x
    // `height`, padded with entropy-coded noise to `bytes` bytes.
    static bool writeLyingJpeg(const QString &path, int width, int height, int bytes, QString *error);
    // A valid 64 x 48 JPEG.
    static QByteArray jpeg();
    // Runs the ffmpeg tool with `arguments` (after "-v error -y").
    static bool ffmpeg(const QStringList &arguments, QString *error);
    // An H.264 MP4 of `seconds` at `fps` whose index comes first (so a cut
    // copy still opens), frames numbered as TestClip draws them.
    static bool writeFastStartClip(const QString &path, int frames, double fps, QString *error);
    // Copies the first `fraction` of `from`'s bytes to `to`.
    static bool truncateCopy(const QString &from, const QString &to, double fraction, QString *error);
    // Patches an MP4's avc1 sample entry to declare `width` x `height`.
    static bool patchMp4Size(const QString &path, int width, int height, QString *error);
    static bool writeBytes(const QString &path, const QByteArray &bytes);
};

} // namespace sl::test
