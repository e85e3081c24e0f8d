#include "store/mediacache.h"

#include "common/partfile.h"
#include "store/database.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QUuid>

#include <vector>

namespace sl {

namespace {

// The suffixes a cached file may carry (lower case); anything else the
// store names a file is replaced by the kind's own.
const QStringList kPhotoSuffixes{QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png")};
const QStringList kVideoSuffixes{QStringLiteral("mp4"), QStringLiteral("mov"), QStringLiteral("m4v"),
                                 QStringLiteral("avi"), QStringLiteral("mkv"), QStringLiteral("webm")};

} // namespace

MediaCache::MediaCache(Workspace &workspace, qint64 capBytes) : m_workspace(workspace), m_capBytes(capBytes) {}

QString MediaCache::folder() const
{
    return QDir(m_workspace.directory()).filePath(QLatin1String(kFolder));
}

QString MediaCache::relativePathFor(const QString &captureId, const QString &storeFileName, bool video,
                                    QString *reason)
{
    const QUuid id = QUuid::fromString(captureId);
    if (id.isNull()) {
        *reason = tr("'%1' is not a capture id (a GUID)").arg(captureId);
        return {};
    }
    // Only the suffix of the store's name is looked at, and only taken
    // from the list: the name itself never becomes a path.
    const QString suffix = QFileInfo(storeFileName).suffix().toLower();
    const QStringList &known = video ? kVideoSuffixes : kPhotoSuffixes;
    const QString extension = known.contains(suffix) ? suffix : known.first();
    return QLatin1String(kFolder) + QLatin1Char('/') + id.toString(QUuid::WithoutBraces) + QLatin1Char('.') + extension;
}

bool MediaCache::isCachePath(const QString &relativePath)
{
    return relativePath.startsWith(QLatin1String(kFolder) + QLatin1Char('/'));
}

QString MediaCache::pathFor(const QString &captureId, const QString &storeFileName, bool video, QString *reason) const
{
    const QString relative = relativePathFor(captureId, storeFileName, video, reason);
    return relative.isEmpty() ? QString() : QDir(m_workspace.directory()).filePath(relative);
}

std::optional<QString> MediaCache::use(const QString &captureId, const QString &etag)
{
    Database &db = m_workspace.database();
    Statement query = db.cached("SELECT file, etag FROM media_cache WHERE capture_id = ?");
    query.bind(1, captureId);
    if (!query.step() || (!etag.isEmpty() && query.columnText(1) != etag))
        return std::nullopt;
    // A path read from the database goes through MediaPath's rule.
    const QString path = m_workspace.absoluteMediaPath(query.columnText(0));
    query = Statement();
    if (path.isEmpty() || !QFileInfo(path).isFile()) {
        Statement drop = db.cached("DELETE FROM media_cache WHERE capture_id = ?");
        drop.bind(1, captureId).run();
        return std::nullopt;
    }
    Statement touch = db.cached(
        "UPDATE media_cache SET last_used = (SELECT coalesce(max(last_used), 0) + 1 FROM media_cache) "
        "WHERE capture_id = ?");
    touch.bind(1, captureId).run();
    return path;
}

QStringList MediaCache::add(const QString &captureId, const QString &assetId, const QString &absolutePath,
                            const QString &etag)
{
    Database &db = m_workspace.database();
    Statement upsert = db.cached(
        "INSERT INTO media_cache (capture_id, asset_id, file, bytes, etag, last_used) "
        "VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(last_used), 0) + 1 FROM media_cache)) "
        "ON CONFLICT(capture_id) DO UPDATE SET asset_id = excluded.asset_id, file = excluded.file, "
        "bytes = excluded.bytes, etag = excluded.etag, last_used = excluded.last_used");
    upsert.bind(1, captureId)
        .bind(2, assetId)
        .bind(3, QDir(m_workspace.directory()).relativeFilePath(absolutePath))
        .bind(4, QFileInfo(absolutePath).size())
        .bind(5, etag)
        .run();
    return evict(captureId);
}

QStringList MediaCache::evict(const QString &keep)
{
    Database &db = m_workspace.database();
    struct Victim
    {
        QString captureId;
        QString file;
    };
    std::vector<Victim> victims;
    const qint64 parts = sweepPartFiles();
    {
        Transaction transaction(db);
        qint64 used = usedBytes() + parts;
        Statement oldest = db.cached(
            "SELECT capture_id, file, bytes FROM media_cache "
            "WHERE asset_id NOT IN (SELECT asset_id FROM offline_assets) AND capture_id != ? ORDER BY last_used");
        oldest.bind(1, keep);
        while (used > m_capBytes && oldest.step()) {
            victims.push_back({oldest.columnText(0), oldest.columnText(1)});
            used -= oldest.columnInt64(2);
        }
        oldest = Statement();
        for (const Victim &victim : victims) {
            Statement drop = db.cached("DELETE FROM media_cache WHERE capture_id = ?");
            drop.bind(1, victim.captureId).run();
        }
        transaction.commit();
    }
    // The files go after the commit: a crash in between leaves a file no
    // row names, which the next download of that capture replaces.
    QStringList evicted;
    for (const Victim &victim : victims) {
        const QString path = m_workspace.absoluteMediaPath(victim.file); // empty when it breaks the rule
        if (!path.isEmpty())
            QFile::remove(path);
        evicted.append(victim.captureId);
    }
    return evicted;
}

void MediaCache::setKeptOffline(const QString &assetId, bool keep)
{
    Statement statement = m_workspace.database().cached(
        keep ? "INSERT INTO offline_assets (asset_id) VALUES (?) ON CONFLICT(asset_id) DO NOTHING"
             : "DELETE FROM offline_assets WHERE asset_id = ?");
    statement.bind(1, assetId).run();
}

QStringList MediaCache::keptOfflineAssets() const
{
    QStringList assets;
    Statement query = m_workspace.database().cached("SELECT asset_id FROM offline_assets ORDER BY asset_id");
    while (query.step())
        assets.append(query.columnText(0));
    return assets;
}

bool MediaCache::isKeptOffline(const QString &assetId) const
{
    Statement query = m_workspace.database().cached("SELECT 1 FROM offline_assets WHERE asset_id = ?");
    query.bind(1, assetId);
    return query.step();
}

QFileInfoList MediaCache::partFiles() const
{
    return QDir(folder()).entryInfoList({QLatin1Char('*') + PartFile::suffix()}, QDir::Files | QDir::Hidden);
}

qint64 MediaCache::sweepPartFiles() const
{
    const QDateTime staleBefore = QDateTime::currentDateTimeUtc().addSecs(-kStalePartSeconds);
    qint64 kept = 0;
    for (const QFileInfo &part : partFiles()) {
        if (part.lastModified().toUTC() < staleBefore && QFile::remove(part.filePath())) {
            QFile::remove(part.filePath() + QStringLiteral(".tag")); // PartFile::tagPathOf of its target
            continue;
        }
        kept += part.size();
    }
    return kept;
}

qint64 MediaCache::partBytes() const
{
    qint64 bytes = 0;
    for (const QFileInfo &part : partFiles())
        bytes += part.size();
    return bytes;
}

qint64 MediaCache::usedBytes() const
{
    Statement query = m_workspace.database().cached("SELECT coalesce(sum(bytes), 0) FROM media_cache");
    return query.step() ? query.columnInt64(0) : 0;
}

} // namespace sl
