#include "store/capturerepository.h"

#include "capture/manifestreader.h"
#include "capture/manifestwriter.h"
#include "common/logging.h"
#include "common/mediapath.h"
#include "common/partfile.h"
#include "store/database.h"
#include "store/markuprepository.h"
#include "store/mediacache.h"
#include "store/mediastore.h"

#include <QJsonObject>

namespace sl {

namespace {

// Columns read into a CaptureRecord by readRecord().
#define SL_CAPTURE_COLUMNS                                                                                   \
    "id, asset_ref, media_path, media_type, captured_at, spatial_frame, review_status, review_note, "        \
    "manifest_json, media_sha256, manifest_path "

// The columns both lists begin with: id, asset_ref, media_path, media_type,
// captured_at, spatial_frame, review_status, review_note.
void readCommonColumns(const Statement &row, CaptureRecord &record)
{
    record.id = row.columnText(0);
    record.assetId = row.columnText(1);
    record.mediaPath = row.columnText(2);
    record.mediaType = mediaTypeFromName(row.columnText(3)).value_or(MediaType::Photo);
    record.capturedAt = row.columnText(4);
    record.spatialFrame = row.columnText(5);
    record.reviewStatus = reviewStatusFromKey(row.columnText(6));
    record.reviewNote = row.columnText(7);
}

// The manifest fields a record's columns hold, for a record whose manifest
// is not parsed (lists) or no longer reads.
void fillManifestFromColumns(CaptureRecord &record)
{
    record.manifest.id = record.id;
    record.manifest.assetId = record.assetId;
    record.manifest.mediaType = record.mediaType;
    record.manifest.capturedAt = record.capturedAt;
    record.manifest.spatialFrame = record.spatialFrame;
}

CaptureRecord readRecord(const Statement &row)
{
    CaptureRecord record;
    readCommonColumns(row, record);
    record.mediaSha256 = row.columnText(9);
    record.manifestPath = row.columnText(10);
    const ManifestResult parsed =
        ManifestReader::parse(row.columnText(8).toUtf8(), record.id + QStringLiteral(".capture.json"));
    if (const auto *manifest = std::get_if<CaptureManifest>(&parsed)) {
        record.manifest = *manifest;
    } else {
        // Stored manifests were valid when stored; a newer reader may be
        // stricter. Keep the record usable and say why its manifest is empty.
        record.manifestError = std::get<ManifestError>(parsed).message();
        record.storedManifestJson = row.columnText(8);
        qCWarning(lcStore) << "stored manifest of capture" << record.id << "no longer reads:" << record.manifestError;
        fillManifestFromColumns(record);
    }
    return record;
}

// Columns read into a CaptureRecord by readSummary(): what lists show,
// without the manifest.
#define SL_CAPTURE_SUMMARY_COLUMNS                                                                           \
    "id, asset_ref, media_path, media_type, captured_at, spatial_frame, review_status, review_note, "        \
    "media_sha256, manifest_path, captured_by, media_file "

CaptureRecord readSummary(const Statement &row)
{
    CaptureRecord record;
    readCommonColumns(row, record);
    record.mediaSha256 = row.columnText(8);
    record.manifestPath = row.columnText(9);
    fillManifestFromColumns(record);
    record.manifest.capturedBy = row.columnText(10);
    record.manifest.mediaFile = row.columnText(11);
    return record;
}

} // namespace

CaptureRepository::CaptureRepository(Database &db) : m_db(db) {}

void CaptureRepository::upsert(const CaptureRecord &record)
{
    if (record.id.isEmpty())
        throw StoreError(QStringLiteral("A capture without an id cannot be stored"));
    QString reason;
    if (MediaPath::normalised(record.mediaPath, &reason).isEmpty())
        throw StoreError(QStringLiteral("Capture %1: media path: %2").arg(record.id, reason));
    if (!record.manifestPath.isEmpty() && MediaPath::normalised(record.manifestPath, &reason).isEmpty())
        throw StoreError(QStringLiteral("Capture %1: manifest path: %2").arg(record.id, reason));

    const QJsonObject manifestJson = ManifestWriter::toJson(record.manifest);
    const QByteArray manifestBytes = ManifestWriter::toBytes(manifestJson);

    Transaction transaction(m_db);
    // The frame the capture was in: its shared world markup is filed again.
    QString oldFrame;
    {
        Statement previous = m_db.cached("SELECT spatial_frame FROM captures WHERE id = ?");
        previous.bind(1, record.id);
        if (previous.step())
            oldFrame = previous.columnText(0);
    }
    if (!record.spatialFrame.isEmpty()) {
        Statement frame = m_db.cached("INSERT OR IGNORE INTO spatial_frames(id) VALUES (?)");
        frame.bind(1, record.spatialFrame).run();
    }
    Statement upsert = m_db.cached(
        "INSERT INTO captures(id, asset_id, asset_ref, media_path, media_type, captured_at, spatial_frame, "
        "review_status, review_note, manifest_json, media_sha256, manifest_path, captured_by, media_file) "
        "VALUES (?1, (SELECT id FROM assets WHERE id = ?2), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
        "ON CONFLICT(id) DO UPDATE SET asset_id = excluded.asset_id, asset_ref = excluded.asset_ref, "
        "media_path = excluded.media_path, media_type = excluded.media_type, captured_at = "
        "excluded.captured_at, "
        "spatial_frame = excluded.spatial_frame, review_status = excluded.review_status, "
        "review_note = excluded.review_note, manifest_json = excluded.manifest_json, "
        "media_sha256 = excluded.media_sha256, manifest_path = excluded.manifest_path, "
        "captured_by = excluded.captured_by, media_file = excluded.media_file, "
        "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
    upsert.bind(1, record.id).bind(2, record.assetId).bind(3, record.mediaPath);
    upsert.bind(4, mediaTypeName(record.mediaType)).bind(5, record.capturedAt);
    upsert.bindOptional(6, record.spatialFrame).bind(7, reviewStatusKey(record.reviewStatus));
    upsert.bind(8, record.reviewNote).bind(9, QString::fromUtf8(manifestBytes));
    upsert.bindOptional(10, record.mediaSha256).bindOptional(11, record.manifestPath);
    upsert.bind(12, record.manifest.capturedBy).bind(13, record.manifest.mediaFile);
    upsert.run();

    // Its markups become rows of their own (markuprepository.h).
    MarkupRepository(m_db).fileFromManifest(record.id, oldFrame, record.spatialFrame);
    transaction.commit();
}

void CaptureRepository::replaceManifest(const QString &id, const CaptureManifest &manifest)
{
    Statement update = m_db.cached("UPDATE captures SET manifest_json = ?, "
                                   "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?");
    update.bind(1, QString::fromUtf8(ManifestWriter::toBytes(manifest))).bind(2, id).run();
    if (m_db.changes() == 0)
        throw StoreError(QStringLiteral("No capture with id %1 to replace the manifest of").arg(id));
}

bool CaptureRepository::remove(const QString &id)
{
    Transaction transaction(m_db);
    QString frame;
    QStringList files;
    {
        Statement row = m_db.cached("SELECT media_path, manifest_path, spatial_frame FROM captures WHERE id = ?");
        row.bind(1, id);
        if (!row.step())
            return false;
        const QString mediaPath = row.columnText(0);
        files.append(mediaPath);
        if (!row.columnText(1).isEmpty())
            files.append(row.columnText(1));
        frame = row.columnText(2);
        // A download of it cut off, or under way, leaves these beside the file.
        if (MediaCache::isCachePath(mediaPath))
            files << PartFile::pathOf(mediaPath) << PartFile::tagPathOf(mediaPath);
    }
    {
        Statement cached = m_db.cached("SELECT file FROM media_cache WHERE capture_id = ?");
        cached.bind(1, id);
        if (cached.step() && !files.contains(cached.columnText(0)))
            files.append(cached.columnText(0));
    }
    MarkupRepository(m_db).unfileCapture(id, frame);
    Statement dropCached = m_db.cached("DELETE FROM media_cache WHERE capture_id = ?");
    dropCached.bind(1, id).run();
    Statement drop = m_db.cached("DELETE FROM captures WHERE id = ?");
    drop.bind(1, id).run();
    MediaStore::journal(m_db, files);
    transaction.commit();
    return true;
}

std::optional<CaptureRecord> CaptureRepository::byId(const QString &id) const
{
    Statement query = m_db.cached("SELECT " SL_CAPTURE_COLUMNS "FROM captures WHERE id = ?");
    query.bind(1, id);
    if (!query.step())
        return std::nullopt;
    return readRecord(query);
}

std::vector<CaptureRecord> CaptureRepository::forAsset(const QString &assetId) const
{
    std::vector<CaptureRecord> records;
    Statement query = m_db.cached("SELECT " SL_CAPTURE_COLUMNS "FROM captures WHERE asset_ref = ? "
                                  "ORDER BY captured_at DESC, id");
    query.bind(1, assetId);
    while (query.step())
        records.push_back(readRecord(query));
    return records;
}

std::vector<CaptureRecord> CaptureRepository::summariesForAsset(const QString &assetId) const
{
    std::vector<CaptureRecord> records;
    Statement query = m_db.cached("SELECT " SL_CAPTURE_SUMMARY_COLUMNS "FROM captures WHERE asset_ref = ? "
                                  "ORDER BY captured_at DESC, id");
    query.bind(1, assetId);
    while (query.step())
        records.push_back(readSummary(query));
    return records;
}

int CaptureRepository::count() const
{
    Statement query = m_db.cached("SELECT count(*) FROM captures");
    return query.step() ? query.columnInt(0) : 0;
}

} // namespace sl
