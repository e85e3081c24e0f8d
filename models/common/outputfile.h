#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QIODevice>
#include <QString>

#include <functional>

namespace sl {

// Writes a file so that a failure can never damage what was there: the bytes
// go to a new temporary file in the target's folder, which is flushed and
// synced to disk and only then renamed over the target. On any failure the
// target is untouched and the temporary file is removed. A target that
// exists and is not a regular file (a FIFO, a device node, a folder, or a
// symbolic link to one) is refused: it is never replaced or written into.
// A symbolic link to a regular file is followed: the file it names is
// replaced and the link stays.
class OutputFile
{
    Q_DECLARE_TR_FUNCTIONS(OutputFile)
  public:
    // Fills `device` (an open in-memory buffer) with the file's contents;
    // false with *reason set (one line) when it cannot.
    using Writer = std::function<bool(QIODevice &device, QString *reason)>;

    // Fills the file at `temporaryPath` (created empty, beside the target)
    // by name, for producers that write files themselves (a video muxer);
    // false with *reason set (one line) when it cannot or was cancelled.
    using FileWriter = std::function<bool(const QString &temporaryPath, QString *reason)>;

    static bool write(const QString &path, const QByteArray &bytes, QString *error);
    static bool write(const QString &path, const Writer &writer, QString *error);
    // The same guarantees for output too large to hold in memory: on any
    // failure the temporary file is removed and the target is untouched.
    static bool writeFile(const QString &path, const FileWriter &writer, QString *error);

    // Whether `path` may be written (absent, or a regular file, symbolic
    // links followed): lets a command refuse before it does its work.
    // False with *error set to a one-line message naming the path.
    static bool checkTarget(const QString &path, QString *error);

  private:
    // The file to replace or create (symbolic links followed); empty with
    // *error set when the target is refused.
    static QString resolveTarget(const QString &path, QString *error);
};

} // namespace sl
