// Asset browser benchmark: builds a workspace with a million assets and
// measures the store's side of the browser (AssetFinder: search, counts,
// facets) against the same work as plain SQL through the sqlite3 library,
// the floor, in the same run. Sections are separate functions; the item
// model's sections (open to first rows, peak RSS while scrolling, GUI
// event-loop stall) go beside them (see main()).
//
// Usage: bench_assetbrowser [asset count (default 1000000)] [workspace dir]
// (a workspace dir that already holds that many assets is reused; then run
// bench_browserui on it for the window's figures)
// Run as root for cold figures (drops the OS page cache); otherwise the
// database's files are evicted with posix_fadvise, and the output says so.

#include "store/assetfinder.h"
#include "store/assetrepository.h"
#include "store/database.h"
#include "store/searchquery.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

using namespace sl;

namespace {

constexpr int kFirstRows = 100; // a search's first page
constexpr int kCountCap = 10000;

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

struct Spread
{
    double p50 = 0, p95 = 0, max = 0;
};

Spread spreadOf(std::vector<double> times)
{
    if (times.empty())
        return {};
    std::sort(times.begin(), times.end());
    const auto at = [&](double q) { return times[std::min(times.size() - 1, size_t(q * double(times.size() - 1) + 0.5))]; };
    return {at(0.5), at(0.95), times.back()};
}

// --- Synthetic catalogue ------------------------------------------------------

const char *const kUnitNames[] = {"Centrifugal Pump P",    "Chiller CH",          "Air Compressor AC",
                                  "Air Handling Unit AHU", "Standby Generator G", "Belt Conveyor CV",
                                  "Steam Boiler B"};
const char *const kComponents[] = {"Condenser fan motor", "Impeller",        "Mechanical seal", "Gearbox",
                                   "Control panel",       "Expansion valve", "Alternator",      "Burner",
                                   "Filter bank",         "Drive motor"};
const char *const kCategories[] = {"Facilities", "Pumps",      "Chillers",   "Compressors",
                                   "HVAC",       "Generators", "Conveyors",  "Boilers",
                                   "Motors",     "Valves",     "Electrical", "Controls"};

// Asset i of a synthetic catalogue: every 40th a site, every 5th a unit,
// the rest components; 3% inactive; modified over 300 days.
Asset syntheticAsset(int i)
{
    Asset asset;
    asset.id =
        QStringLiteral("%1").arg(quint64(i) * 2654435761ULL % 4294967296ULL, 10, 10, QLatin1Char('0')) +
        QStringLiteral("-%1").arg(i);
    asset.assetTag = QStringLiteral("AT-%1").arg(i, 7, 10, QLatin1Char('0'));
    const int account = (i / 40) % 40;
    asset.accountId = QStringLiteral("account-%1").arg(account);
    asset.accountName = QStringLiteral("Contoso Account %1").arg(account);
    if (i % 40 == 0) {
        asset.name = QStringLiteral("Fabrikam Site %1 Plant").arg(i / 40);
        asset.categoryId = QStringLiteral("category-0");
        asset.categoryName = QString::fromLatin1(kCategories[0]);
    } else if (i % 5 == 0) {
        const int type = (i / 5) % int(std::size(kUnitNames));
        asset.name = QStringLiteral("%1-%2").arg(QString::fromLatin1(kUnitNames[type])).arg(100 + i % 900);
        asset.categoryId = QStringLiteral("category-%1").arg(1 + type);
        asset.categoryName = QString::fromLatin1(kCategories[1 + type]);
        asset.productId = QStringLiteral("product-%1").arg(type * 5 + i % 5);
        asset.productName = QStringLiteral("Litware series %1").arg(type * 5 + i % 5);
        asset.parentId = syntheticAsset(i - i % 40).id;
    } else {
        asset.name = QString::fromLatin1(kComponents[(i / 5 + i % 5) % int(std::size(kComponents))]);
        asset.categoryId = QStringLiteral("category-%1").arg(8 + i % 4);
        asset.categoryName = QString::fromLatin1(kCategories[8 + i % 4]);
        asset.parentId = syntheticAsset(i - i % 5).id;
    }
    asset.latitude = 47.0 + (i % 1000) * 0.001;
    asset.longitude = -122.0 + (i % 997) * 0.001;
    asset.stateCode = (i * 7919) % 100 < 3 ? 1 : 0;
    const int minutes = int((quint64(i) * 40503ULL) % (300 * 24 * 60));
    asset.modifiedOn = QDateTime(QDate(2026, 1, 5), QTime(8, 0), Qt::UTC).addSecs(qint64(minutes) * 60).toString(Qt::ISODate);
    return asset;
}

// --- Page cache -----------------------------------------------------------------

// Makes the next read of the database come from the disk: drops the OS page
// cache (root), else evicts the database's own files with posix_fadvise.
bool g_dropCachesRefused = false;
void dropCaches(const QString &databasePath)
{
    ::sync();
    if (!g_dropCachesRefused) {
        const int fd = ::open("/proc/sys/vm/drop_caches", O_WRONLY | O_CLOEXEC);
        if (fd >= 0 && ::write(fd, "1", 1) == 1) {
            ::close(fd);
            return;
        }
        if (fd >= 0)
            ::close(fd);
        g_dropCachesRefused = true;
        std::printf("note: cannot write /proc/sys/vm/drop_caches (not root?); cold runs evict the database's "
                    "files with posix_fadvise instead\n");
    }
    for (const char *suffix : {"", "-wal", "-shm"}) {
        const QByteArray path = databasePath.toUtf8() + QByteArray(suffix);
        const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        ::fdatasync(fd);
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
}

// --- The 20 searches ------------------------------------------------------------

struct Search
{
    const char *text;
    const char *accountId = nullptr;  // a facet filter, or none
    const char *categoryId = nullptr;

    AssetQuery query() const
    {
        AssetQuery q{QString::fromUtf8(text), {}, AssetSort::Name};
        if (accountId)
            q.filter.accountIds = {QString::fromLatin1(accountId)};
        if (categoryId)
            q.filter.categoryIds = {QString::fromLatin1(categoryId)};
        return q;
    }
};

// Words, prefixes, tag fragments; the last six with a facet filter. All different.
const Search kSearches[] = {
    {"pump"},        {"chil"},           {"condenser fan"}, {"gearbox"},        {"site 1234"},
    {"ahu-5"},       {"mot"},            {"0012345"},       {"54321"},          {"AT-00999"},
    {"boiler b-4"},  {"expansion valve"}, {"litware 12"},   {"ge"},
    {"pump", "account-7"}, {"motor", nullptr, "category-8"}, {"filter bank", "account-21"},
    {"4321", "account-3"}, {"seal", nullptr, "category-9"},   {"plant", "account-33"},
};

// --- The floor: plain SQL through the sqlite3 library ----------------------------

// The fastest plain SQL for a search's first rows that returns the same rows
// as AssetFinder (checked): every term as a word prefix (FTS5), OR'd with a
// tag substring (trigram) only for terms that are one (known when the query
// is written, as someone writing the SQL by hand knows it), the filters,
// ordered by name. Two shapes, the faster measured once and kept.
class Floor
{
public:
    Floor(const QString &path, const Search &search, sqlite3 *probe)
    {
        const QStringList terms = SearchQuery::terms(QString::fromUtf8(search.text));
        QStringList wordTerms;
        std::string tagConditions;
        for (const QString &term : terms) {
            const QString substring = SearchQuery::substringPhrase(term);
            if (!substring.isEmpty() && hasRows(probe, "SELECT 1 FROM asset_tag_search WHERE asset_tag_search MATCH ?",
                                                substring)) {
                tagConditions += " AND a.rid IN (SELECT rowid FROM asset_search WHERE asset_search MATCH " +
                                 literal(SearchQuery::prefixPhrase(term)) +
                                 " UNION SELECT rowid FROM asset_tag_search WHERE asset_tag_search MATCH " +
                                 literal(substring) + ")";
            } else {
                wordTerms.append(term);
            }
        }
        std::string filters;
        if (search.accountId)
            filters += std::string(" AND a.account_id = '") + search.accountId + "'";
        if (search.categoryId)
            filters += std::string(" AND a.category_id = '") + search.categoryId + "'";
        const std::string columns =
            "SELECT a.id, a.name, a.asset_tag, a.account_id, coalesce(ac.name, ''), a.product_id, "
            "coalesce(p.name, ''), a.category_id, coalesce(c.name, ''), a.parent_id, a.latitude, a.longitude, "
            "a.state_code, a.modified_on, (SELECT count(*) FROM captures k WHERE k.asset_ref = a.id) ";
        const std::string joins = "LEFT JOIN accounts ac ON ac.id = a.account_id "
                                  "LEFT JOIN products p ON p.id = a.product_id "
                                  "LEFT JOIN categories c ON c.id = a.category_id ";
        const std::string order = " ORDER BY a.name, a.id LIMIT " + std::to_string(kFirstRows);
        const std::string words = wordTerms.isEmpty() ? std::string() : literal(SearchQuery::ftsExpression(wordTerms));
        // Shape 1: the match as an IN set, the name index walked.
        m_shapes.push_back(columns + "FROM assets a " + joins + "WHERE 1" +
                           (words.empty() ? "" : " AND a.rid IN (SELECT rowid FROM asset_search WHERE asset_search MATCH " + words + ")") +
                           tagConditions + filters + order);
        // Shape 2: FTS5 drives, joined, sorted.
        if (!words.empty())
            m_shapes.push_back(columns + "FROM asset_search s JOIN assets a ON a.rid = s.rowid " + joins +
                               "WHERE asset_search MATCH " + words + tagConditions + filters + order);
        m_path = path;
    }

    // Picks the faster shape on a warm connection (untimed for the figures).
    void calibrate(sqlite3 *db)
    {
        double best = 1e300;
        for (size_t i = 0; i < m_shapes.size(); ++i) {
            run(db, i); // warm
            QElapsedTimer timer;
            timer.start();
            run(db, i);
            if (msSince(timer) < best) {
                best = msSince(timer);
                m_best = i;
            }
        }
    }

    // The ids of the first rows.
    QStringList run(sqlite3 *db) const { return run(db, m_best); }

private:
    static std::string literal(const QString &text)
    {
        QString quoted = text;
        quoted.replace(QLatin1Char('\''), QLatin1String("''"));
        return "'" + quoted.toStdString() + "'";
    }
    static bool hasRows(sqlite3 *db, const char *sql, const QString &value)
    {
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
        const QByteArray utf8 = value.toUtf8();
        sqlite3_bind_text(stmt, 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        const bool any = sqlite3_step(stmt) == SQLITE_ROW;
        sqlite3_finalize(stmt);
        return any;
    }
    QStringList run(sqlite3 *db, size_t shape) const
    {
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(db, m_shapes[shape].c_str(), -1, &stmt, nullptr);
        QStringList ids;
        size_t bytes = 0;
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            for (int c = 0; c < 15; ++c) // every column read, as the finder does
                bytes += size_t(sqlite3_column_bytes(stmt, c));
            ids.append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))));
        }
        sqlite3_finalize(stmt);
        m_sink += bytes;
        return ids;
    }

    QString m_path;
    mutable size_t m_sink = 0; // the bytes read, so that reading them is not optimised away
    std::vector<std::string> m_shapes;
    size_t m_best = 0;
};

sqlite3 *openRaw(const QString &path)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_exec(db, "PRAGMA cache_size=-32768", nullptr, nullptr, nullptr); // as Database has
    return db;
}

QStringList idsOf(const std::vector<Asset> &rows)
{
    QStringList ids;
    for (const Asset &asset : rows)
        ids.append(asset.id);
    return ids;
}

// --- Sections -----------------------------------------------------------------------

// Inserts the assets the workspace lacks, in slices of one transaction each
// (each followed by the WAL checkpoint of a bulk upsert).
void benchInsert(Workspace &workspace, int assetCount)
{
    AssetRepository &assets = workspace.assets();
    const int have = assets.count();
    if (have >= assetCount)
        return;
    QElapsedTimer timer;
    timer.start();
    constexpr int kSlice = 20000;
    qint64 largestWal = 0;
    const QString wal = workspace.databasePath() + QStringLiteral("-wal");
    for (int first = have; first < assetCount; first += kSlice) {
        std::vector<Asset> slice;
        slice.reserve(kSlice);
        for (int i = first; i < std::min(assetCount, first + kSlice); ++i)
            slice.push_back(syntheticAsset(i));
        assets.upsertAssets(slice);
        largestWal = std::max(largestWal, QFileInfo(wal).size());
    }
    const double seconds = double(timer.elapsed()) / 1000.0;
    std::printf("insert: %d assets in %.1f s (%.0f assets/s, with both search indexes, slices of %d)\n",
                assetCount - have, seconds, (assetCount - have) / std::max(seconds, 1e-9), kSlice);
    std::printf("WAL after insert: %.1f MB (largest seen between slices %.1f MB; limit %.0f MB); database %.0f MB\n",
                double(QFileInfo(wal).size()) / 1e6, double(largestWal) / 1e6,
                double(Database::kJournalSizeLimit) / 1e6, double(QFileInfo(workspace.databasePath()).size()) / 1e6);
}

// The 20 searches' first rows, ours against the floor, warm then cold.
void benchSearch(const QString &path)
{
    sqlite3 *probe = openRaw(path);
    std::vector<Floor> floors;
    for (const Search &search : kSearches)
        floors.emplace_back(path, search, probe);

    // Same rows, and the floor's faster shape, before anything is timed.
    {
        std::unique_ptr<Database> db = Database::open(path);
        AssetFinder finder(*db);
        int mismatches = 0;
        for (size_t i = 0; i < std::size(kSearches); ++i) {
            floors[i].calibrate(probe);
            const QStringList ours = idsOf(finder.page(kSearches[i].query(), {}, kFirstRows).rows);
            if (ours != floors[i].run(probe)) {
                ++mismatches;
                std::printf("MISMATCH: search \"%s\" returns other rows than its floor\n", kSearches[i].text);
            }
        }
        std::printf("searches checked: %zu, rows equal to the floor's in %zu\n", std::size(kSearches),
                    std::size(kSearches) - size_t(mismatches));
    }

    for (const bool cold : {false, true}) {
        std::vector<double> ours, floor, ratios;
        std::unique_ptr<Database> warmDb = cold ? nullptr : Database::open(path);
        sqlite3 *warmRaw = cold ? nullptr : openRaw(path);
        for (size_t i = 0; i < std::size(kSearches); ++i) {
            // Alternate who goes first, so neither always gets the other's cache.
            double ourMs = 0, floorMs = 0;
            for (int turn = 0; turn < 2; ++turn) {
                const bool oursNow = (turn == 0) == (i % 2 == 0);
                if (cold)
                    dropCaches(path);
                QElapsedTimer timer;
                timer.start();
                if (oursNow) {
                    // A fresh connection when cold: nothing in SQLite's cache either.
                    std::unique_ptr<Database> coldDb = cold ? Database::open(path) : nullptr;
                    AssetFinder finder(cold ? *coldDb : *warmDb); // fresh: no match kept from another search
                    finder.page(kSearches[i].query(), {}, kFirstRows);
                    ourMs = msSince(timer);
                } else {
                    sqlite3 *db = cold ? openRaw(path) : warmRaw;
                    floors[i].run(db);
                    if (cold)
                        sqlite3_close(db);
                    floorMs = msSince(timer);
                }
            }
            ours.push_back(ourMs);
            floor.push_back(floorMs);
            ratios.push_back(ourMs / std::max(floorMs, 1e-6));
            std::printf("  %s search %-28s ours %7.1f ms, floor %7.1f ms, ratio %.2f\n", cold ? "cold" : "warm",
                        (QStringLiteral("\"%1\"").arg(QString::fromUtf8(kSearches[i].text)) +
                         (kSearches[i].accountId || kSearches[i].categoryId ? QStringLiteral(" +facet") : QString()))
                            .toUtf8()
                            .constData(),
                        ourMs, floorMs, ratios.back());
        }
        const Spread o = spreadOf(ours), f = spreadOf(floor);
        std::printf("search first %d rows, %s (20 different searches): ours p50 %.1f ms, p95 %.1f ms; "
                    "floor p50 %.1f ms, p95 %.1f ms; ratio p50 %.2f, p95 %.2f (goal: p95 <= 50 ms and <= 1.5x)\n",
                    kFirstRows, cold ? "cold" : "warm", o.p50, o.p95, f.p50, f.p95, o.p50 / std::max(f.p50, 1e-6),
                    o.p95 / std::max(f.p95, 1e-6));
        std::fflush(stdout);
        if (warmRaw)
            sqlite3_close(warmRaw);
    }
    sqlite3_close(probe);
}

// The same searches ordered by relevance and by modification, ours only
// (their floors differ per query; the name order above is the browser's default).
void benchOtherSorts(const QString &path)
{
    std::unique_ptr<Database> db = Database::open(path);
    for (const AssetSort sort : {AssetSort::Relevance, AssetSort::Modified}) {
        std::vector<double> times;
        for (const Search &search : kSearches) {
            AssetQuery query = search.query();
            query.sort = sort;
            AssetFinder finder(*db);
            QElapsedTimer timer;
            timer.start();
            finder.page(query, {}, kFirstRows);
            times.push_back(msSince(timer));
        }
        const Spread s = spreadOf(times);
        std::printf("search first %d rows by %s, warm: p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", kFirstRows,
                    sort == AssetSort::Relevance ? "relevance" : "modified", s.p50, s.p95, s.max);
    }
}

// Counts stopped at the cap, and facet counts, for the same searches (warm),
// each on a finder that already matched the search (as after its first page).
void benchCountsAndFacets(const QString &path)
{
    std::unique_ptr<Database> db = Database::open(path);
    std::vector<double> counts, facetTimes;
    for (const Search &search : kSearches) {
        AssetFinder finder(*db);
        finder.page(search.query(), {}, kFirstRows);
        QElapsedTimer timer;
        timer.start();
        const AssetCount count = finder.count(search.query(), kCountCap);
        counts.push_back(msSince(timer));
        timer.restart();
        finder.facets(search.query());
        facetTimes.push_back(msSince(timer));
        std::printf("  \"%s\": %s%d matches, count %.1f ms, facets %.1f ms\n", search.text, count.capped ? ">= " : "",
                    count.value, counts.back(), facetTimes.back());
    }
    const Spread c = spreadOf(counts), f = spreadOf(facetTimes);
    std::printf("count (cap %d): p50 %.1f ms, p95 %.1f ms\n", kCountCap, c.p50, c.p95);
    std::printf("facets (6 facets, each with the other filters): p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", f.p50,
                f.p95, f.max);
    AssetFinder finder(*db);
    QElapsedTimer timer;
    timer.start();
    finder.facets({});
    std::printf("facets of the whole table (no search, no filter): %.1f ms\n", msSince(timer));
    timer.restart();
    const AssetCount all = finder.count({}, 0);
    std::printf("exact count of the whole table: %d in %.1f ms\n", all.value, msSince(timer));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int assetCount = args.size() > 1 ? std::max(1000, args.at(1).toInt()) : 1000000;
    QTemporaryDir temporary;
    const QString directory = args.size() > 2 ? args.at(2) : temporary.path();

    QString error;
    std::unique_ptr<Workspace> workspace = Workspace::open(directory, &error);
    if (!workspace) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    try {
        // A kept workspace of the right size is reused (the insert takes minutes).
        if (workspace->assets().count() == assetCount)
            std::printf("reusing the %d assets in %s\n", assetCount, qPrintable(directory));
        else
            benchInsert(*workspace, assetCount);
        workspace->database().exec(QStringLiteral("PRAGMA optimize"));
        std::printf("assets: %d\n", workspace->assets().count());
        const QString path = workspace->databasePath();
        workspace.reset(); // every section opens its own connections

        benchSearch(path);
        benchOtherSorts(path);
        benchCountsAndFacets(path);
        // The window's figures (open to first rows in a fresh process, RSS
        // while scrolling, event-loop stalls) are bench_browserui's: it needs
        // widgets. Run it on the same workspace directory.
    } catch (const StoreError &e) {
        std::fprintf(stderr, "store error: %s\n", qPrintable(e.message()));
        return 1;
    }
    return 0;
}
