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
    int count() const;
    // Every world markup of a spatial frame, from all its captures.
    std::vector<Markup> worldMarkupsForFrame(const QString &spatialFrame) const;
    // Records the review and queues the edit in the outbox, atomically.
    void setReview(const QString &captureId, ReviewStatus status, const QString &note);

private:
    Database &m_db;
};

} // namespace sl
