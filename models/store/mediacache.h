#pragma once

#include <QCoreApplication>
#include <QFileInfoList>
#include <QString>
#include <QStringList>

#include <optional>

namespace sl {

class Workspace;

// The workspace's cache of media downloaded from the asset store
// (schema 7: media_cache, offline_assets), in its cache/ folder. A file is
// named by its capture's id and an extension from a short list, never by a
// name the store gave. Past the size cap the least recently used files go
// first, except those of assets kept available offline, which are never
// evicted (they may hold the cache over its cap). Throws StoreError.
class MediaCache
{
    Q_DECLARE_TR_FUNCTIONS(MediaCache)

public:
    static constexpr const char *kFolder = "cache";
    // A part file not written to for a day belongs to a download nobody
    // resumes (a resume rewrites it within seconds of starting).
    static constexpr qint64 kStalePartSeconds = 24 * 3600;

    // `capBytes`: remote/remotelimits.h's kMediaCacheBytes unless the user set one.
    MediaCache(Workspace &workspace, qint64 capBytes);

    // The absolute path a capture's download goes to: cache/<id>.<ext>,
    // where <ext> is `storeFileName`'s suffix when it is a known media one,
    // else by kind ("jpg" for a photo, "mp4" for a video). Empty, with
    // *reason set, when the capture id is not a GUID.
    QString pathFor(const QString &captureId, const QString &storeFileName, bool video, QString *reason) const;
    // The same relative to the workspace: a capture pulled from the store
    // keeps it as its media path (CaptureRecord::mediaPath) before and after
    // its file is downloaded.
    static QString relativePathFor(const QString &captureId, const QString &storeFileName, bool video,
                                   QString *reason);
    // Whether a capture's media path (relative) is in the cache: its file may
    // not be here yet, or may have been evicted; fetching brings it back.
    static bool isCachePath(const QString &relativePath);

    // The cached file of a capture (absolute), marked used now; nullopt when
    // it is not cached, its file is gone (the row is dropped then), or `etag`
    // is given and the file was downloaded under another (the store has a
    // newer one; the next download replaces it).
    std::optional<QString> use(const QString &captureId, const QString &etag = QString());
    // Records a downloaded file (absolute, inside the cache folder) with the
    // attachment's ETag as used now, then evicts past the cap (others than
    // this one: it is being used). Returns the capture ids evicted.
    QStringList add(const QString &captureId, const QString &assetId, const QString &absolutePath,
                    const QString &etag = QString());
    // Removes least recently used files of assets not kept offline until
    // the cache is within its cap, `keep` aside. Part files of downloads cut
    // off count against the cap; one untouched for kStalePartSeconds is
    // abandoned and removed first. Returns the capture ids evicted.
    QStringList evict(const QString &keep = QString());

    void setKeptOffline(const QString &assetId, bool keep);
    bool isKeptOffline(const QString &assetId) const;
    QStringList keptOfflineAssets() const; // ordered by id
    qint64 usedBytes() const;
    // Bytes of part files in the cache folder now.
    qint64 partBytes() const;
    qint64 capBytes() const { return m_capBytes; }

private:
    QString folder() const;
    QFileInfoList partFiles() const;
    // Removes stale part files; the bytes of those left.
    qint64 sweepPartFiles() const;

    Workspace &m_workspace;
    qint64 m_capBytes;
};

} // namespace sl
