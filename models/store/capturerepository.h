#pragma once

#include "capture/markup.h"
#include "domain/capturerecord.h"

#include <QString>

#include <optional>
#include <vector>

namespace sl {

class Database;

// Table access for captures, their spatial frames and world markups. Every
// function throws StoreError (store/database.h) when the database fails or a
// record is refused (e.g. an absolute media path).
class CaptureRepository
{
public:
    explicit CaptureRepository(Database &db);

    // Inserts or replaces a capture (by id) with its manifest JSON; world
    // markups are stored under the capture's spatial frame. One transaction.
    void upsert(const CaptureRecord &record);
    std::optional<CaptureRecord> byId(const QString &id) const;
    std::vector<CaptureRecord> forAsset(const QString &assetId) const; // newest first
    // The same without parsing manifests: what a list shows, read from
    // columns (the manifest holds only id, asset, type, times, author, file).
    std::vector<CaptureRecord> summariesForAsset(const QString &assetId) const;
    // The world markup a view of this capture shows: its spatial frame's,
    // else its own manifest's world markups.
    std::vector<Markup> worldMarkupsFor(const CaptureRecord &record) const;
    int count() const;
    // Every world markup of a spatial frame, from all its captures.
    std::vector<Markup> worldMarkupsForFrame(const QString &spatialFrame) const;
    // Records the review and queues the edit in the outbox, atomically.
    void setReview(const QString &captureId, ReviewStatus status, const QString &note);

private:
    Database &m_db;
};

} // namespace sl
