// Markup filing benchmark: imports N captures of one spatial frame into the
// store (CaptureRepository::upsert, which files each manifest's markups as
// rows with the shared-world-markup rule of store/markupfill.h) and, as the
// floor in the same run, writes the same capture and markup rows with plain
// sqlite3 statements (markups extracted in C++, no rule). Every capture
// carries one world markup shared by the whole frame (the rule's worst
// case), one of its own and two image markups. Per-capture times are given
// for the first and the last tenth: they stay alike when filing is linear.
//
// Usage: bench_markupfiling [captures in the frame (default 2000)]

#include "benchstats.h"
#include "capture/manifestreader.h"
#include "capture/manifestwriter.h"
#include "store/capturerepository.h"
#include "store/database.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <cstdio>
#include <vector>

using namespace sl;

namespace {

QJsonObject markup(const QString &id, const QString &kind, const QString &space, const QJsonArray &points)
{
    return {{QStringLiteral("id"), id},         {QStringLiteral("kind"), kind},     {QStringLiteral("space"), space},
            {QStringLiteral("points"), points}, {QStringLiteral("color"), QStringLiteral("#FF3B30")},
            {QStringLiteral("width"), 4}};
}

CaptureRecord captureNumber(int i)
{
    const QString id = QStringLiteral("c%1").arg(i, 8, 10, QLatin1Char('0'));
    const QJsonArray world{QJsonArray{0.2, 1.1, -0.8}, QJsonArray{0.25, 1.0, -0.8}};
    const QJsonArray image{QJsonArray{0.1, 0.2}, QJsonArray{0.3, 0.4}, QJsonArray{0.35, 0.45}};
    const QJsonObject json{
        {QStringLiteral("format"), QStringLiteral("sightline-capture")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("id"), id},
        {QStringLiteral("spatialFrame"), QStringLiteral("frame-1")},
        {QStringLiteral("capturedAt"), QStringLiteral("2026-11-20T10:%1:%2Z").arg(i / 60 % 60, 2, 10, QLatin1Char('0')).arg(i % 60, 2, 10, QLatin1Char('0'))},
        {QStringLiteral("media"), QJsonObject{{QStringLiteral("file"), QStringLiteral("p.jpg")}, {QStringLiteral("type"), QStringLiteral("photo")}}},
        {QStringLiteral("markups"),
         QJsonArray{markup(QStringLiteral("shared-arrow"), QStringLiteral("arrow"), QStringLiteral("world"), world),
                    markup(id + QStringLiteral("-w"), QStringLiteral("line"), QStringLiteral("world"), world),
                    markup(id + QStringLiteral("-i1"), QStringLiteral("ink"), QStringLiteral("image"), image),
                    markup(id + QStringLiteral("-i2"), QStringLiteral("line"), QStringLiteral("image"), QJsonArray{QJsonArray{0.1, 0.2}, QJsonArray{0.3, 0.4}})}}};
    const ManifestResult parsed = ManifestReader::parse(QJsonDocument(json).toJson(), id);
    if (const auto *error = std::get_if<ManifestError>(&parsed)) {
        std::fprintf(stderr, "%s\n", qPrintable(error->message()));
        std::exit(1);
    }
    CaptureRecord record;
    record.manifest = std::get<CaptureManifest>(parsed);
    record.id = id;
    record.capturedAt = record.manifest.capturedAt;
    record.spatialFrame = record.manifest.spatialFrame;
    record.mediaPath = QStringLiteral("media/%1/p.jpg").arg(id);
    return record;
}

void check(int rc, sqlite3 *db)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        std::fprintf(stderr, "sqlite: %s\n", sqlite3_errmsg(db));
        std::exit(1);
    }
}

// The floor: the same capture row and one row per markup, one transaction
// per capture, with prepared statements and no rule (a shared markup is
// simply replaced).
void floorInsert(sqlite3 *db, const CaptureRecord &record)
{
    static sqlite3_stmt *capture = nullptr, *row = nullptr;
    if (!capture) {
        check(sqlite3_prepare_v2(db,
                                 "INSERT INTO captures(id, asset_ref, media_path, media_type, captured_at, spatial_frame, "
                                 "manifest_json) VALUES (?, '', ?, 'photo', ?, ?, ?)",
                                 -1, &capture, nullptr),
              db);
        check(sqlite3_prepare_v2(db,
                                 "INSERT INTO markups(id, capture_id, frame_id, source_capture, kind, space, geometry, "
                                 "style, json) VALUES (?, ?, ?, ?, ?, ?, ?, '{}', ?) ON CONFLICT(owner, id) DO UPDATE "
                                 "SET json = excluded.json, source_capture = excluded.source_capture",
                                 -1, &row, nullptr),
              db);
    }
    const QJsonObject manifestJson = ManifestWriter::toJson(record.manifest);
    const QByteArray manifest = ManifestWriter::toBytes(manifestJson);
    const QByteArray id = record.id.toUtf8(), path = record.mediaPath.toUtf8(), at = record.capturedAt.toUtf8(),
                     frame = record.spatialFrame.toUtf8();
    check(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), db);
    check(sqlite3_exec(db, "INSERT OR IGNORE INTO spatial_frames(id) VALUES ('frame-1')", nullptr, nullptr, nullptr), db);
    sqlite3_bind_text(capture, 1, id.constData(), int(id.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(capture, 2, path.constData(), int(path.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(capture, 3, at.constData(), int(at.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(capture, 4, frame.constData(), int(frame.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(capture, 5, manifest.constData(), int(manifest.size()), SQLITE_TRANSIENT);
    check(sqlite3_step(capture), db);
    sqlite3_reset(capture);
    for (const QJsonValue &value : manifestJson.value(QStringLiteral("markups")).toArray()) {
        const QJsonObject m = value.toObject();
        const bool world = m.value(QStringLiteral("space")).toString() == QLatin1String("world");
        const QByteArray markupId = m.value(QStringLiteral("id")).toString().toUtf8();
        const QByteArray kind = m.value(QStringLiteral("kind")).toString().toUtf8();
        const QByteArray space = m.value(QStringLiteral("space")).toString().toUtf8();
        const QByteArray points = QJsonDocument(m.value(QStringLiteral("points")).toArray()).toJson(QJsonDocument::Compact);
        const QByteArray json = QJsonDocument(m).toJson(QJsonDocument::Compact);
        sqlite3_bind_text(row, 1, markupId.constData(), int(markupId.size()), SQLITE_TRANSIENT);
        if (world)
            sqlite3_bind_null(row, 2), sqlite3_bind_text(row, 3, frame.constData(), int(frame.size()), SQLITE_TRANSIENT);
        else
            sqlite3_bind_text(row, 2, id.constData(), int(id.size()), SQLITE_TRANSIENT), sqlite3_bind_null(row, 3);
        sqlite3_bind_text(row, 4, id.constData(), int(id.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(row, 5, kind.constData(), int(kind.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(row, 6, space.constData(), int(space.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(row, 7, points.constData(), int(points.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(row, 8, json.constData(), int(json.size()), SQLITE_TRANSIENT);
        check(sqlite3_step(row), db);
        sqlite3_reset(row);
    }
    check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db);
}

struct Run
{
    double totalMs = 0;
    bench::Spread firstTenth, lastTenth;
};

template<class Insert>
Run timed(const std::vector<CaptureRecord> &records, Insert insert)
{
    std::vector<double> each;
    QElapsedTimer total;
    total.start();
    for (const CaptureRecord &record : records) {
        QElapsedTimer one;
        one.start();
        insert(record);
        each.push_back(bench::msSince(one));
    }
    Run run;
    run.totalMs = bench::msSince(total);
    const size_t tenth = std::max<size_t>(1, each.size() / 10);
    run.firstTenth = bench::spreadOf({each.begin(), each.begin() + qsizetype(tenth)});
    run.lastTenth = bench::spreadOf({each.end() - qsizetype(tenth), each.end()});
    return run;
}

void print(const char *name, const Run &run, const Run &floor)
{
    std::printf("%-22s total %8.1f ms (floor %8.1f ms, x%.2f); per capture, first tenth p50 %.3f p95 %.3f max %.3f ms, "
                "last tenth p50 %.3f p95 %.3f max %.3f ms (floor last tenth p50 %.3f ms, x%.2f)\n",
                name, run.totalMs, floor.totalMs, run.totalMs / floor.totalMs, run.firstTenth.p50, run.firstTenth.p95,
                run.firstTenth.max, run.lastTenth.p50, run.lastTenth.p95, run.lastTenth.max, floor.lastTenth.p50,
                run.lastTenth.p50 / floor.lastTenth.p50);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::max(10, std::atoi(argv[1])) : 2000;
    std::vector<CaptureRecord> records;
    for (int i = 0; i < count; ++i)
        records.push_back(captureNumber(i));

    QTemporaryDir dir;
    QString error;
    std::unique_ptr<Workspace> ours = Workspace::open(dir.filePath(QStringLiteral("ours")), &error);
    std::unique_ptr<Workspace> plain = Workspace::open(dir.filePath(QStringLiteral("floor")), &error);
    if (!ours || !plain) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const Run floor = timed(records, [&](const CaptureRecord &r) { floorInsert(plain->database().handle(), r); });
    const Run run = timed(records, [&](const CaptureRecord &r) { ours->captures().upsert(r); });
    std::printf("%d captures in one spatial frame, 4 markups each (one world markup shared by all)\n", count);
    print("import (upsert)", run, floor);
    // Re-importing the source of the shared markup reads the frame's other manifests.
    const Run again = timed(std::vector<CaptureRecord>{records.back()}, [&](const CaptureRecord &r) { ours->captures().upsert(r); });
    std::printf("re-import of the shared markup's source: %.1f ms (reads the %d manifests of the frame)\n", again.totalMs, count);
    return 0;
}
