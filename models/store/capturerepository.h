#pragma once

#include "domain/capturerecord.h"

#include <QString>

#include <optional>
#include <vector>

namespace sl {

class Database;

// Table access for captures and their spatial frames (their markup is
// MarkupRepository's). Every function throws StoreError (store/database.h)
// when the database fails or a record is refused (e.g. an absolute media
// path).
class CaptureRepository
{
public:
    explicit CaptureRepository(Database &db);

    // Inserts or replaces a capture (by id) with its manifest JSON; its
    // markups are filed as rows (MarkupRepository::fileFromManifest). One
    // transaction.
    void upsert(const CaptureRecord &record);
    // Replaces the stored manifest of a capture whose markups did not change
    // (its bookmarks did): the markup rows are left as they are. Throws
    // StoreError when there is no such capture.
    void replaceManifest(const QString &id, const CaptureManifest &manifest);
    std::optional<CaptureRecord> byId(const QString &id) const;
    std::vector<CaptureRecord> forAsset(const QString &assetId) const; // newest first
    // The same without parsing manifests: what a list shows, read from
    // columns (the manifest holds only id, asset, type, times, author, file).
    std::vector<CaptureRecord> summariesForAsset(const QString &assetId) const;
    int count() const;

private:
    Database &m_db;
};

} // namespace sl
