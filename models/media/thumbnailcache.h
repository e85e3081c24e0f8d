#pragma once

#include "common/inputlimits.h"
#include "media/thumbnailplan.h"

#include <QImage>
#include <QString>

#include <optional>
#include <vector>

namespace sl {

// The timeline's thumbnails on disk, so that a video opened again shows its
// strip without decoding, and its frame index, so that it is not read
// through again (PacketScan). One folder per media identity (a hash of the
// file's absolute path, size and modification time: a file replaced or
// edited gets new thumbnails), holding one file per frame index and height,
// the strip plans (which frames a strip of N shows) and the packet index. Each file carries
// a checksum of its bytes: a damaged or foreign file is ignored and
// removed (the caller decodes and writes it again), never shown. Files are
// written to a temporary file and renamed (OutputFile), so a reader never
// sees half a file. Bounded: past `maxBytes` the least recently written
// files go. Stats the disk: call it from worker threads only, never the
// GUI thread. Separate instances on one folder are safe (each file is
// replaced whole).
class ThumbnailCache
{
  public:
    explicit ThumbnailCache(QString folder, qint64 maxBytes = limits::kThumbnailCacheBytes);

    // The default folder: "thumbnails" under the user's cache location.
    static QString defaultFolder();
    // The identity of the media at `path` (stats the file); empty when it
    // cannot be read.
    static QString mediaKey(const QString &path);

    const QString &folder() const { return m_folder; }
    QImage read(const QString &mediaKey, int frame, int height);
    bool write(const QString &mediaKey, int frame, int height, const QImage &image, QString *error = nullptr);
    std::optional<std::vector<ThumbnailSlot>> readPlan(const QString &mediaKey, int count);
    bool writePlan(const QString &mediaKey, int count, const std::vector<ThumbnailSlot> &plan);
    // The media's packet index (PacketScan::toBytes), checked like every file.
    std::optional<QByteArray> readIndex(const QString &mediaKey);
    bool writeIndex(const QString &mediaKey, const QByteArray &index);
    // Removes the least recently written files until the folder holds at
    // most maxBytes; returns the bytes held afterwards.
    qint64 prune();
    // Damaged files found (and removed) by this instance.
    int damagedFiles() const { return m_damaged; }

    // Where a thumbnail is kept (for tests that damage one).
    QString thumbnailPath(const QString &mediaKey, int frame, int height) const;

  private:
    QString planPath(const QString &mediaKey, int count) const;
    QString indexPath(const QString &mediaKey) const;
    // The payload of a checked file of at most `maxPayload` bytes; nullopt
    // (the file removed) when absent or damaged.
    std::optional<QByteArray> readChecked(const QString &path, qint64 maxPayload);
    bool writeChecked(const QString &path, const QByteArray &payload, QString *error);

    QString m_folder;
    qint64 m_maxBytes;
    int m_damaged = 0;
};

} // namespace sl
