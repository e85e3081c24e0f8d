#pragma once

#include "capture/markup.h"

#include <QJsonArray>
#include <QString>

#include <optional>
#include <vector>

namespace sl {

class Database;

// A markup as the workspace keeps it (the `markups` table, schema version 5).
struct StoredMarkup
{
    Markup markup;
    QString captureId;     // the owner, for image markup and world markup of a capture without a spatial frame
    QString frameId;       // the owner, for world markup of a spatial frame
    QString sourceCapture; // the capture whose manifest carries it
    int revision = 1;      // 1 as imported or made; +1 per edit made here
    bool deleted = false;  // deleted here (kept until the deletion is pushed)
    QString modifiedAt;    // ISO 8601, UTC
};

// Table access for markup. Throws StoreError (store/database.h); writes join
// the caller's transaction.
//
// The one rule for what a capture shows: its own image markup and the world
// markup of its spatial frame (its own world markup when it has no frame),
// not deleted, in the order it was drawn. The GUI's CaptureOpening, the CLI's
// export-frame and every export read markup through visibleIn().
class MarkupRepository
{
public:
    explicit MarkupRepository(Database &db);

    // The markup visible in a capture (the rule above): world markup first,
    // then image markup, each in the order drawn. Empty for an unknown capture.
    std::vector<Markup> visibleIn(const QString &captureId) const;
    // The same as rows, deleted ones included when asked (an editor's undo
    // brings them back).
    std::vector<StoredMarkup> rowsVisibleIn(const QString &captureId, bool withDeleted = false) const;
    // What the capture's manifest carries when it is written (export, push):
    // the markup whose source is this capture, not deleted, in the order drawn.
    std::vector<Markup> carriedBy(const QString &captureId) const;
    // One markup as `captureId` sees it (deleted or not); nullopt when none.
    std::optional<StoredMarkup> findIn(const QString &captureId, const QString &markupId) const;

    // Stores a markup made or changed in `captureId` (an image markup of it,
    // or a world markup of its spatial frame): a new one at revision 1 with
    // this capture as its source, a known one at its revision + 1. `at`:
    // ISO 8601, UTC. Returns the row as stored. Throws StoreError for an
    // unknown capture, or a markup a manifest may not hold (MarkupReader's
    // rules and limits), naming the markup and the reason.
    StoredMarkup write(const QString &captureId, const Markup &markup, bool deleted, const QString &at);

    // Files the markups of a capture's stored manifest (an import): the
    // capture's rows that were not made or edited here are replaced by its
    // manifest's; a shared world markup it was the source of is filed again
    // from the other captures of its frames, so that it keeps the rule of
    // markupfill.h. Other captures' manifests are read only then.
    void fileFromManifest(const QString &captureId, const QString &oldFrame, const QString &newFrame);
    // Before a capture is removed: the rows filed from its manifest go (its
    // own rows go with its row: ON DELETE CASCADE), and a shared world
    // markup of `frame` it was the source of is filed again from the
    // frame's other captures. World markup made or edited here stays with
    // its frame.
    void unfileCapture(const QString &captureId, const QString &frame);
    // Files the markups of every capture's stored manifest (a rebuild: the
    // captures read back from the old database that no media folder holds).
    void fileEveryCapture();

private:
    // Ids of the shared world markup whose version this capture is the source of.
    QJsonArray sharedSourcedBy(const QString &captureId);
    // Files `lost` (ids) again from the other captures of these frames.
    void refileShared(const QJsonArray &lost, const QString &captureId, const QString &oldFrame,
                      const QString &newFrame);

    Database &m_db;
};

} // namespace sl
