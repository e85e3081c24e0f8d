#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace sl {

class Workspace;

// The file a capture's push uploads to its attachment, made ready.
struct CaptureMediaFile
{
    QString column;         // msdyn_image (a photo) or msdyn_file (a video)
    QString localPath;      // absolute: what goes to the store
    QString fileName;       // the store's name for it (x-ms-file-name)
    QString originalSha256; // hex, of the stored original (stays here)
    QString sha256;         // hex, of the file that goes
    qint64 bytes = 0;
};

// What leaves the machine for a capture's media, by one rule: a photo goes
// as its flattened export (FrameExporter::exportCapture: the markup the
// viewer shows, every redaction burned in; it writes the audit row with the
// original's SHA-256 beside the export's), never as the unredacted
// original; a video goes as stored, unless it carries a redaction, which is
// refused (burning redactions into a video is not built: the original must
// not leave). A file over its column's limit (remote/remotelimits.h) is
// refused. Runs on the sync's thread: it decodes and encodes.
class CaptureMedia
{
    Q_DECLARE_TR_FUNCTIONS(CaptureMedia)

public:
    enum class Outcome {
        Ready,   // *file is set
        Refused, // never sendable as it is: *reason says why (the entry is refused)
        Failed,  // this time only (e.g. the disk): *reason says why
    };

    // Writes a photo's export into `scratchFolder` (which must exist).
    static Outcome prepare(Workspace &workspace, const QString &captureId, const QString &scratchFolder,
                           CaptureMediaFile *file, QString *reason);
    // The limit of a column, bytes.
    static qint64 limitOf(const QString &column);
};

} // namespace sl
