#include "store/markuprepository.h"

#include "capture/jsonfieldreader.h"
#include "capture/manifestwriter.h"
#include "capture/markupreader.h"
#include "common/logging.h"
#include "store/database.h"
#include "store/markupfill.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sl {

namespace {

// Columns read by readRow().
#define SL_MARKUP_COLUMNS "id, capture_id, frame_id, source_capture, revision, deleted, modified_at, json "

// The captures whose markup `captureId` shows (see MarkupRepository).
#define SL_VISIBLE_IN                                                                                        \
    "(capture_id = ?1 OR frame_id = (SELECT spatial_frame FROM captures WHERE id = ?1)) "

// A stored markup goes through the manifest's own markup reader: what it
// shows is what a manifest may hold. Null when it no longer reads.
std::optional<StoredMarkup> readRow(const Statement &row)
{
    StoredMarkup stored;
    stored.captureId = row.columnText(1);
    stored.frameId = row.columnText(2);
    stored.sourceCapture = row.columnText(3);
    stored.revision = row.columnInt(4);
    stored.deleted = row.columnInt(5) != 0;
    stored.modifiedAt = row.columnText(6);
    const QJsonObject object = QJsonDocument::fromJson(row.columnText(7).toUtf8()).object();
    JsonFieldReader reader(QStringLiteral("markup %1").arg(row.columnText(0)));
    std::vector<Markup> markups;
    if (!MarkupReader::read(QJsonArray{object}, reader, &markups) || markups.size() != 1) {
        qCWarning(lcStore).noquote() << "stored markup does not read:" << reader.error().message();
        return std::nullopt;
    }
    stored.markup = std::move(markups.front());
    return stored;
}

QString jsonText(const QJsonValue &value)
{
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

} // namespace

MarkupRepository::MarkupRepository(Database &db) : m_db(db) {}

std::vector<StoredMarkup> MarkupRepository::rowsVisibleIn(const QString &captureId, bool withDeleted) const
{
    std::vector<StoredMarkup> rows;
    Statement query = m_db.cached("SELECT " SL_MARKUP_COLUMNS "FROM markups WHERE " SL_VISIBLE_IN
                                  "AND (?2 OR deleted = 0) ORDER BY space = 'image', rid");
    query.bind(1, captureId).bind(2, withDeleted ? 1 : 0);
    while (query.step())
        if (std::optional<StoredMarkup> row = readRow(query))
            rows.push_back(std::move(*row));
    return rows;
}

std::vector<Markup> MarkupRepository::visibleIn(const QString &captureId) const
{
    std::vector<Markup> markups;
    for (StoredMarkup &row : rowsVisibleIn(captureId))
        markups.push_back(std::move(row.markup));
    return markups;
}

std::vector<Markup> MarkupRepository::carriedBy(const QString &captureId) const
{
    std::vector<Markup> markups;
    Statement query = m_db.cached("SELECT " SL_MARKUP_COLUMNS
                                  "FROM markups WHERE source_capture = ? AND deleted = 0 ORDER BY rid");
    query.bind(1, captureId);
    while (query.step())
        if (std::optional<StoredMarkup> row = readRow(query))
            markups.push_back(std::move(row->markup));
    return markups;
}

std::optional<StoredMarkup> MarkupRepository::findIn(const QString &captureId, const QString &markupId) const
{
    Statement query =
        m_db.cached("SELECT " SL_MARKUP_COLUMNS "FROM markups WHERE " SL_VISIBLE_IN "AND id = ?2 "
                    "ORDER BY space = 'image' DESC LIMIT 1");
    query.bind(1, captureId).bind(2, markupId);
    if (!query.step())
        return std::nullopt;
    return readRow(query);
}

StoredMarkup MarkupRepository::write(const QString &captureId, const Markup &markup, bool deleted,
                                     const QString &at)
{
    Statement capture = m_db.cached("SELECT spatial_frame FROM captures WHERE id = ?");
    capture.bind(1, captureId);
    if (!capture.step())
        throw StoreError(QStringLiteral("No capture with id %1 for markup %2").arg(captureId, markup.id));
    const QString frame = capture.columnText(0);
    capture.reset();
    const bool ofFrame = markup.space == MarkupSpace::World && !frame.isEmpty();

    const QJsonObject json = ManifestWriter::markupToJson(markup);
    // What is stored must read back as a manifest's markup (the same reader,
    // the same limits), or it would vanish from every view.
    {
        JsonFieldReader reader(QStringLiteral("markup %1").arg(markup.id));
        std::vector<Markup> check;
        if (!MarkupReader::read(QJsonArray{json}, reader, &check))
            throw StoreError(reader.error().message());
    }
    Statement upsert = m_db.cached(
        "INSERT INTO markups(id, capture_id, frame_id, source_capture, kind, space, geometry, style, text, "
        "time_from, time_to, author, created_at, modified_at, deleted, edited_here, json) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 1, ?16) "
        "ON CONFLICT(owner, id) DO UPDATE SET kind = excluded.kind, space = excluded.space, "
        "geometry = excluded.geometry, style = excluded.style, text = excluded.text, "
        "time_from = excluded.time_from, time_to = excluded.time_to, author = excluded.author, "
        "created_at = excluded.created_at, modified_at = excluded.modified_at, deleted = excluded.deleted, "
        "edited_here = 1, json = excluded.json, revision = markups.revision + 1");
    upsert.bind(1, markup.id);
    upsert.bindOptional(2, ofFrame ? QString() : captureId).bindOptional(3, ofFrame ? frame : QString());
    upsert.bind(4, captureId).bind(5, markupKindName(markup.kind)).bind(6, markupSpaceName(markup.space));
    upsert.bind(7, jsonText(json.value(QLatin1String("points"))));
    upsert.bind(8, jsonText(QJsonObject{{QStringLiteral("color"), json.value(QLatin1String("color"))},
                                        {QStringLiteral("width"), json.value(QLatin1String("width"))}}));
    upsert.bind(9, markup.text);
    if (markup.from)
        upsert.bind(10, *markup.from);
    else
        upsert.bindNull(10);
    if (markup.to)
        upsert.bind(11, *markup.to);
    else
        upsert.bindNull(11);
    upsert.bind(12, markup.author).bind(13, markup.createdAt).bind(14, at).bind(15, deleted ? 1 : 0);
    upsert.bind(16, jsonText(json));
    upsert.run();

    std::optional<StoredMarkup> stored = findIn(captureId, markup.id);
    if (!stored)
        throw StoreError(QStringLiteral("Markup %1 of capture %2 was not stored").arg(markup.id, captureId));
    return *stored;
}

void MarkupRepository::fileFromManifest(const QString &captureId, const QString &oldFrame, const QString &newFrame)
{
    // Shared world markup this capture was the source of: if its new version
    // no longer carries it (or is older now), another capture of the frame
    // may; only then are their manifests read.
    const QJsonArray lost = sharedSourcedBy(captureId);
    Statement clear = m_db.cached("DELETE FROM markups WHERE source_capture = ? AND edited_here = 0");
    clear.bind(1, captureId).run();
    Statement own = m_db.cached(SL_MARKUP_FILL_SQL("c.id = ?1"));
    own.bind(1, captureId).run();
    refileShared(lost, captureId, oldFrame, newFrame);
}

void MarkupRepository::unfileCapture(const QString &captureId, const QString &frame)
{
    const QJsonArray lost = sharedSourcedBy(captureId);
    Statement clear = m_db.cached("DELETE FROM markups WHERE source_capture = ? AND edited_here = 0");
    clear.bind(1, captureId).run();
    refileShared(lost, captureId, frame, QString());
}

void MarkupRepository::fileEveryCapture()
{
    m_db.exec(QStringLiteral(SL_MARKUP_FILL_SQL("1")));
}

QJsonArray MarkupRepository::sharedSourcedBy(const QString &captureId)
{
    QJsonArray ids;
    Statement shared = m_db.cached("SELECT id FROM markups WHERE source_capture = ? AND edited_here = 0 "
                                   "AND frame_id IS NOT NULL");
    shared.bind(1, captureId);
    while (shared.step())
        ids.append(shared.columnText(0));
    return ids;
}

void MarkupRepository::refileShared(const QJsonArray &lost, const QString &captureId, const QString &oldFrame,
                                    const QString &newFrame)
{
    if (lost.isEmpty())
        return;
    Statement others = m_db.cached(SL_MARKUP_FILL_SQL(
        "c.spatial_frame IN (?1, ?2) AND c.id <> ?3 AND json_extract(m.value, '$.space') = 'world' "
        "AND json_extract(m.value, '$.id') IN (SELECT value FROM json_each(?4))"));
    others.bindOptional(1, oldFrame).bindOptional(2, newFrame).bind(3, captureId);
    others.bind(4, QString::fromUtf8(QJsonDocument(lost).toJson(QJsonDocument::Compact))).run();
}

} // namespace sl
