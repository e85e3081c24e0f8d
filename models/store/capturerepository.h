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
    // Removes a capture and what hangs off it: its markup rows (a shared
    // world markup it was the source of is filed again from its frame's
    // other captures; one made or edited here stays with the frame) and its
    // media cache row. Its files (media, manifest, a cached file's part
    // file and tag) are journaled, not removed: they go once the caller's
    // transaction committed, when MediaStore::collectUnreferenced runs (a
    // crash in between leaves them to the next holder of the write lock).
    // Audit rows stay (history); the caller decides whether an outbox
    // entry forbids it. One transaction (or the caller's). False when there
    // is no such capture.
    bool remove(const QString &id);
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
