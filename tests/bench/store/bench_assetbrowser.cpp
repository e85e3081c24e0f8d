// Asset browser benchmark: builds a workspace with a million assets and
// measures the store's side of the browser (AssetFinder: search, counts,
// facets) against the same work as plain SQL through the sqlite3 library,
// the floor, in the same run. Sections are separate functions; the item
// model's sections (open to first rows, peak RSS while scrolling, GUI
// event-loop stall) go beside them (see main()).
//
// Usage: bench_assetbrowser [asset count (default 1000000)] [workspace dir] [insert,search,counts]
// (a workspace dir that already holds that many assets is reused; then run
// bench_browserui on it for the window's figures)
// Run as root for cold figures (drops the OS page cache); otherwise the
// database's files are evicted with posix_fadvise, and the output says so.

#include "benchstats.h"
#include "store/assetfinder.h"
#include "store/assetrepository.h"
#include "store/database.h"
#include "store/searchquery.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>
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

using bench::msSince;

QElapsedTimer started()
{
    QElapsedTimer timer;
    timer.start();
    return timer;
}

using bench::Spread;
using bench::spreadOf;

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
    if (!g_dropCachesRefused) {
        if (bench::dropOsPageCache())
            return;
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
// as AssetFinder (checked for name and modified order): every term as a word
// prefix (FTS5), OR'd with a tag substring (trigram) only for terms that are
// one (known when the query is written, as someone writing the SQL by hand
// knows it), the filters, in the order asked for. Two shapes, the faster
// measured once and kept. Relevance is FTS5's own rank (bm25), which our
// weighting of tag hits refines, so its rows are not compared.
// The same conditions give the floor of a capped count and of the facets.
class Floor
{
public:
    Floor(const Search &search, AssetSort sort, sqlite3 *probe) : m_sort(sort)
    {
        const QStringList terms = SearchQuery::terms(QString::fromUtf8(search.text));
        QStringList wordTerms;
        for (const QString &term : terms) {
            const QString substring = SearchQuery::substringPhrase(term);
            if (!substring.isEmpty() && hasRows(probe, "SELECT 1 FROM asset_tag_search WHERE asset_tag_search MATCH ?",
                                                substring)) {
                m_tagConditions += " AND a.rid IN (SELECT rowid FROM asset_search WHERE asset_search MATCH " +
                                   literal(SearchQuery::prefixPhrase(term)) +
                                   " UNION SELECT rowid FROM asset_tag_search WHERE asset_tag_search MATCH " +
                                   literal(substring) + ")";
            } else {
                wordTerms.append(term);
            }
        }
        if (search.accountId)
            m_account = std::string(" AND a.account_id = '") + search.accountId + "'";
        if (search.categoryId)
            m_category = std::string(" AND a.category_id = '") + search.categoryId + "'";
        m_words = wordTerms.isEmpty() ? std::string() : literal(SearchQuery::ftsExpression(wordTerms));

        const std::string columns =
            "SELECT a.id, a.name, a.asset_tag, a.account_id, coalesce(ac.name, ''), a.product_id, "
            "coalesce(p.name, ''), a.category_id, coalesce(c.name, ''), a.parent_id, a.latitude, a.longitude, "
            "a.state_code, a.modified_on, (SELECT count(*) FROM captures k WHERE k.asset_ref = a.id) ";
        const std::string joins = "LEFT JOIN accounts ac ON ac.id = a.account_id "
                                  "LEFT JOIN products p ON p.id = a.product_id "
                                  "LEFT JOIN categories c ON c.id = a.category_id ";
        const std::string limit = " LIMIT " + std::to_string(kFirstRows);
        const std::string order = sort == AssetSort::Modified ? " ORDER BY a.modified_on DESC, a.id DESC"
                                                              : " ORDER BY a.name, a.id";
        if (sort == AssetSort::Relevance && !m_words.empty()) {
            m_shapes.push_back(columns + "FROM asset_search s JOIN assets a ON a.rid = s.rowid " + joins +
                               "WHERE asset_search MATCH " + m_words + m_tagConditions + m_account + m_category +
                               " ORDER BY s.rank" + limit);
            return;
        }
        // Shape 1: the match as an IN set, the sort's index walked.
        m_shapes.push_back(columns + "FROM assets a " + joins + "WHERE " + where(true, true) + order + limit);
        // Shape 2: FTS5 drives, joined, sorted.
        if (!m_words.empty())
            m_shapes.push_back(columns + "FROM asset_search s JOIN assets a ON a.rid = s.rowid " + joins +
                               "WHERE asset_search MATCH " + m_words + m_tagConditions + m_account + m_category +
                               order + limit);
    }

    bool rowsComparable() const { return m_sort != AssetSort::Relevance; }

    // The search's rows as a WHERE condition on `a` (assets), with or
    // without its account and category filters.
    std::string where(bool withAccount, bool withCategory) const
    {
        if (m_materialized)
            return "a.rid IN temp.sl_match" + (withAccount ? m_account : std::string()) +
                   (withCategory ? m_category : std::string());
        return "1" +
               (m_words.empty() ? std::string()
                                : " AND a.rid IN (SELECT rowid FROM asset_search WHERE asset_search MATCH " +
                                      m_words + ")") +
               m_tagConditions + (withAccount ? m_account : std::string()) +
               (withCategory ? m_category : std::string());
    }

    // Keeps the text match in a temporary table (untimed), as our count and
    // facets reuse the match their first page made; later counts and facets
    // read it instead of matching again. Per connection.
    void materialize(sqlite3 *db)
    {
        m_materialized = false;
        sqlite3_exec(db, "DROP TABLE IF EXISTS temp.sl_match", nullptr, nullptr, nullptr);
        const std::string sql = "CREATE TEMP TABLE sl_match AS SELECT a.rid AS rid FROM assets a WHERE " +
                                where(false, false) + " ORDER BY a.rid";
        sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
        m_materialized = true;
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

    // Counts the rows, stopping at `cap`, as a capped count does.
    int count(sqlite3 *db, int cap) const
    {
        const std::string sql = "SELECT count(*) FROM (SELECT 1 FROM assets a WHERE " + where(true, true) +
                                " LIMIT " + std::to_string(cap) + ")";
        return int(scalar(db, sql));
    }

    // The six facets' counts in plain SQL, each with the other filters: the
    // 50 biggest accounts, categories and products with their names, the
    // states, with/without captures, the review statuses.
    void facets(sqlite3 *db) const
    {
        const auto top = [&](const char *column, const char *table, const char *key, bool account, bool category) {
            rows(db, std::string("SELECT a.") + column + ", coalesce(l.name, ''), count(*) FROM assets a LEFT JOIN " +
                         table + " l ON l." + key + " = a." + column + " WHERE " + where(account, category) +
                         " GROUP BY a." + column + " ORDER BY 3 DESC LIMIT 50");
        };
        top("account_id", "accounts", "id", false, true);
        top("category_id", "categories", "id", true, false);
        top("product_id", "products", "id", true, true);
        rows(db, "SELECT a.state_code <> 0, count(*) FROM assets a WHERE " + where(true, true) + " GROUP BY 1");
        rows(db, "SELECT EXISTS (SELECT 1 FROM captures k WHERE k.asset_ref = a.id), count(*) FROM assets a WHERE " +
                     where(true, true) + " GROUP BY 1");
        rows(db, "SELECT k.review_status, count(DISTINCT a.rid) FROM assets a JOIN captures k ON k.asset_ref = a.id "
                 "WHERE " + where(true, true) + " GROUP BY k.review_status");
    }

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
    static qint64 scalar(sqlite3 *db, const std::string &sql)
    {
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
        const qint64 value = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
        sqlite3_finalize(stmt);
        return value;
    }
    void rows(sqlite3 *db, const std::string &sql) const
    {
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
        while (sqlite3_step(stmt) == SQLITE_ROW)
            m_sink += size_t(sqlite3_column_int64(stmt, sqlite3_column_count(stmt) - 1));
        sqlite3_finalize(stmt);
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

    AssetSort m_sort;
    bool m_materialized = false;
    std::string m_words, m_tagConditions, m_account, m_category;
    mutable size_t m_sink = 0; // what was read, so that reading it is not optimised away
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

// Inserting: AssetRepository::upsertAssets against plain sqlite3 doing the
// same writes (the lookups, the asset rows, both search indexes, the same
// durability and a TRUNCATE checkpoint after each slice), each into a new
// workspace of its own, in slices of one transaction taken in turns, warm
// and cold (the page cache dropped before each slice of either). The
// floor is the fastest plain way found: the slice's rows into a TEMP table
// in memory (no trigger, no index: a statement per row costs little there),
// then one INSERT ... SELECT from it into the assets (a statement per row
// into the assets opens a statement journal, which their trigger needs,
// and once it is past 64 KiB writes every page it touches to a temporary
// file: ~3x slower; the same INSERT over json_each of a JSON text was twice
// the cost of this one), both search indexes filled with one INSERT ...
// SELECT each, the lookups once per distinct id.
void benchInsertAgainstFloor(int assetCount, bool cold)
{
    constexpr int kSlice = 20000;
    QTemporaryDir oursDir, floorDir;
    QString error;
    std::unique_ptr<Workspace> workspace = Workspace::open(oursDir.path(), &error);
    const QString floorPath = Workspace::open(floorDir.path(), &error)->databasePath(); // the schema, untimed
    sqlite3 *db = nullptr;
    sqlite3_open_v2(floorPath.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
                     "PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY; "
                     "CREATE TEMP TABLE floor_rows(id, name, asset_tag, account_id, product_id, category_id, "
                     "parent_id, latitude, longitude, state_code, modified_on)",
                 nullptr, nullptr, nullptr);
    const char *const sql[] = {
        "INSERT OR IGNORE INTO accounts(id, name) VALUES (?1, ?2)",
        "INSERT OR IGNORE INTO products(id, name) VALUES (?1, ?2)",
        "INSERT OR IGNORE INTO categories(id, name) VALUES (?1, ?2)",
        "INSERT INTO floor_rows VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        "INSERT INTO assets(id, name, asset_tag, account_id, product_id, category_id, parent_id, latitude, "
        "longitude, state_code, modified_on) SELECT * FROM floor_rows ORDER BY rowid",
        // Both search indexes filled once per slice, from the rows just
        // written: one statement each, not one per row (the faster way).
        "INSERT INTO asset_search(rowid, name, tag, account, product, category) SELECT a.rid, a.name, a.asset_tag, "
        "coalesce(ac.name, ''), coalesce(p.name || ' ' || p.product_number, ''), coalesce(c.name, '') FROM assets a "
        "LEFT JOIN accounts ac ON ac.id = a.account_id LEFT JOIN products p ON p.id = a.product_id "
        "LEFT JOIN categories c ON c.id = a.category_id WHERE a.rid >= ?1",
        "INSERT INTO asset_tag_search(rowid, tag) SELECT rid, asset_tag FROM assets WHERE rid >= ?1 AND asset_tag <> ''",
    };
    std::vector<sqlite3_stmt *> statements;
    for (const char *text : sql) {
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(db, text, -1, &stmt, nullptr);
        statements.push_back(stmt);
    }
    const auto bindText = [](sqlite3_stmt *stmt, int index, const QString &text) {
        const QByteArray utf8 = text.toUtf8();
        sqlite3_bind_text(stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    };
    const auto bindOptional = [&bindText](sqlite3_stmt *stmt, int index, const QString &text) {
        if (text.isEmpty())
            sqlite3_bind_null(stmt, index);
        else
            bindText(stmt, index, text);
    };
    const auto step = [](sqlite3_stmt *stmt) {
        sqlite3_step(stmt);
        sqlite3_reset(stmt);
    };
    const auto floorInsert = [&](const std::vector<Asset> &slice) {
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        const qint64 firstRowId = [db] {
            sqlite3_stmt *last = nullptr;
            sqlite3_prepare_v2(db, "SELECT coalesce(max(rid), 0) + 1 FROM assets", -1, &last, nullptr);
            sqlite3_step(last);
            const qint64 next = sqlite3_column_int64(last, 0);
            sqlite3_finalize(last);
            return next;
        }();
        sqlite3_exec(db, "DELETE FROM floor_rows", nullptr, nullptr, nullptr);
        QSet<QString> seenLookups;
        for (const Asset &asset : slice) {
            const std::pair<QString, QString> lookups[] = {{asset.accountId, asset.accountName},
                                                           {asset.productId, asset.productName},
                                                           {asset.categoryId, asset.categoryName}};
            for (size_t l = 0; l < 3; ++l) {
                if (lookups[l].first.isEmpty() || seenLookups.contains(lookups[l].first))
                    continue;
                seenLookups.insert(lookups[l].first);
                bindText(statements[l], 1, lookups[l].first);
                bindText(statements[l], 2, lookups[l].second);
                step(statements[l]);
            }
            sqlite3_stmt *row = statements[3];
            bindText(row, 1, asset.id);
            bindText(row, 2, asset.name);
            bindText(row, 3, asset.assetTag);
            bindOptional(row, 4, asset.accountId);
            bindOptional(row, 5, asset.productId);
            bindOptional(row, 6, asset.categoryId);
            bindOptional(row, 7, asset.parentId);
            sqlite3_bind_double(row, 8, asset.latitude);
            sqlite3_bind_double(row, 9, asset.longitude);
            sqlite3_bind_int(row, 10, asset.stateCode);
            bindText(row, 11, asset.modifiedOn);
            step(row);
        }
        step(statements[4]);
        for (sqlite3_stmt *index : {statements[5], statements[6]}) {
            sqlite3_bind_int64(index, 1, firstRowId);
            step(index);
        }
        sqlite3_exec(db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    };
    // Slice by slice, ours and the floor in turns, each slice's time in ms.
    std::vector<double> ours, floor;
    for (int first = 0; first < assetCount; first += kSlice) {
        std::vector<Asset> slice;
        for (int i = first; i < first + kSlice; ++i)
            slice.push_back(syntheticAsset(i));
        const auto timed = [&](const QString &path, std::vector<double> &into, const std::function<void()> &insert) {
            if (cold)
                dropCaches(path);
            const QElapsedTimer timer = started();
            insert();
            into.push_back(msSince(timer));
        };
        bench::inTurns(
            first / kSlice,
            [&] { timed(workspace->databasePath(), ours, [&] { workspace->assets().upsertAssets(slice); }); },
            [&] { timed(floorPath, floor, [&] { floorInsert(slice); }); });
    }
    for (sqlite3_stmt *stmt : statements)
        sqlite3_finalize(stmt);
    sqlite3_close(db);
    const Spread o = spreadOf(ours), f = spreadOf(floor);
    std::printf("insert %d assets into an empty workspace, %s, slices of %d (ms a slice, n=%zu): ours p50 %.0f "
                "p95 %.0f (%.0f assets/s at p50); floor (plain sqlite3, same writes) p50 %.0f p95 %.0f "
                "(%.0f assets/s); ratio of p50s %.2f\n",
                assetCount, cold ? "cold (page cache dropped before each slice)" : "warm", kSlice, ours.size(),
                o.p50, o.p95, kSlice / (o.p50 / 1000.0), f.p50, f.p95, kSlice / (f.p50 / 1000.0),
                o.p50 / std::max(f.p50, 1e-9));
    std::fflush(stdout);
}

const char *sortName(AssetSort sort)
{
    return sort == AssetSort::Name ? "name" : sort == AssetSort::Modified ? "modified" : "relevance";
}

QString label(const Search &search)
{
    return QStringLiteral("\"%1\"").arg(QString::fromUtf8(search.text)) +
           (search.accountId || search.categoryId ? QStringLiteral(" +facet") : QString());
}

// Times `ours` and `floor` for each search, warm (one connection each, kept)
// then cold (page cache dropped and fresh connections before each), taking
// turns at going first; prints each pair and the spreads. Each returns the
// milliseconds of the work it stands for (a part may be preparation).
void compare(const QString &path, const char *what, const char *goal,
             const std::function<double(Database &, size_t, bool cold)> &ours,
             const std::function<double(sqlite3 *, size_t)> &floor)
{
    for (const bool cold : {false, true}) {
        std::vector<double> ourTimes, floorTimes;
        std::unique_ptr<Database> warmDb = cold ? nullptr : Database::open(path);
        sqlite3 *warmRaw = cold ? nullptr : openRaw(path);
        for (size_t i = 0; i < std::size(kSearches); ++i) {
            double ourMs = 0, floorMs = 0;
            for (int turn = 0; turn < 2; ++turn) {
                const bool oursNow = (turn == 0) == (i % 2 == 0);
                if (cold)
                    dropCaches(path);
                if (oursNow) {
                    // A fresh connection when cold: nothing in SQLite's cache either.
                    std::unique_ptr<Database> coldDb = cold ? Database::open(path) : nullptr;
                    ourMs = ours(cold ? *coldDb : *warmDb, i, cold);
                } else {
                    sqlite3 *db = cold ? openRaw(path) : warmRaw;
                    floorMs = floor(db, i);
                    if (cold)
                        sqlite3_close(db);
                }
            }
            ourTimes.push_back(ourMs);
            floorTimes.push_back(floorMs);
            std::printf("  %s %s %-28s ours %7.1f ms, floor %7.1f ms, ratio %.2f\n", cold ? "cold" : "warm", what,
                        label(kSearches[i]).toUtf8().constData(), ourMs, floorMs, ourMs / std::max(floorMs, 1e-6));
        }
        const Spread o = spreadOf(ourTimes), f = spreadOf(floorTimes);
        std::printf("%s, %s (20 different searches): ours p50 %.1f ms, p95 %.1f ms, max %.1f ms; floor p50 %.1f ms, "
                    "p95 %.1f ms, max %.1f ms; ratio p50 %.2f, p95 %.2f%s\n",
                    what, cold ? "cold" : "warm", o.p50, o.p95, o.max, f.p50, f.p95, f.max,
                    o.p50 / std::max(f.p50, 1e-6), o.p95 / std::max(f.p95, 1e-6), goal);
        std::fflush(stdout);
        if (warmRaw)
            sqlite3_close(warmRaw);
    }
}

// The 20 searches' first rows in one order, ours against the floor. No
// search reuses the match of another (each is different).
void benchSearch(const QString &path, AssetSort sort)
{
    sqlite3 *probe = openRaw(path);
    std::vector<Floor> floors;
    for (const Search &search : kSearches)
        floors.emplace_back(search, sort, probe);
    const auto query = [sort](size_t i) {
        AssetQuery q = kSearches[i].query();
        q.sort = sort;
        return q;
    };
    // Same rows, and the floor's faster shape, before anything is timed.
    {
        std::unique_ptr<Database> db = Database::open(path);
        int compared = 0, equal = 0;
        for (size_t i = 0; i < std::size(kSearches); ++i) {
            floors[i].calibrate(probe);
            if (!floors[i].rowsComparable())
                continue;
            ++compared;
            AssetFinder finder(*db);
            if (idsOf(finder.page(query(i), {}, kFirstRows).rows) == floors[i].run(probe))
                ++equal;
            else
                std::printf("MISMATCH: search \"%s\" by %s returns other rows than its floor\n", kSearches[i].text,
                            sortName(sort));
        }
        if (compared > 0)
            std::printf("searches by %s: rows equal to the floor's in %d of %d\n", sortName(sort), equal, compared);
        else
            std::printf("searches by %s: rows not compared (the floor is FTS5's bm25 alone; ours also weights "
                        "tag hits)\n", sortName(sort));
    }
    const QByteArray what = QByteArray("first ") + QByteArray::number(kFirstRows) + " rows by " + sortName(sort);
    // Warm, ours is the window's finder: it keeps what does not depend on
    // the search (where every asset stands in the sort order) while the data
    // is unchanged; read once here, untimed, and its cost printed. Cold, a
    // fresh finder pays for it in the first search.
    std::unique_ptr<AssetFinder> kept;
    compare(path, what.constData(), sort == AssetSort::Name ? " (goal: p95 <= 50 ms and <= 1.5x)" : "",
            [&](Database &db, size_t i, bool cold) {
                if (cold) {
                    const QElapsedTimer timer = started();
                    AssetFinder(db).page(query(i), {}, kFirstRows);
                    return msSince(timer);
                }
                if (!kept) {
                    kept = std::make_unique<AssetFinder>(db);
                    const QElapsedTimer timer = started();
                    kept->page({QStringLiteral("unit"), {}, sort}, {}, kFirstRows);
                    std::printf("  (warm: the kept finder's first search, \"unit\", read the sort positions: %.1f ms)\n",
                                msSince(timer));
                }
                const QElapsedTimer timer = started();
                kept->page(query(i), {}, kFirstRows);
                return msSince(timer);
            },
            [&](sqlite3 *db, size_t i) {
                const QElapsedTimer timer = started();
                floors[i].run(db);
                return msSince(timer);
            });
    sqlite3_close(probe);
}

// Counts stopped at the cap, and the facet counts, for the same searches,
// each on a finder that already matched the search (as after its first
// page), against the same work in plain SQL.
void benchCountsAndFacets(const QString &path)
{
    sqlite3 *probe = openRaw(path);
    std::vector<Floor> floors;
    for (const Search &search : kSearches)
        floors.emplace_back(search, AssetSort::Name, probe);
    sqlite3_close(probe);
    // Ours: the first page (untimed) made the match the count and the
    // facets reuse; the floor gets the same: its match kept in a temporary
    // table, untimed.
    const auto afterFirstPage = [](const std::function<void(AssetFinder &, const AssetQuery &)> &work) {
        return [work](Database &db, size_t i, bool) {
            AssetFinder finder(db);
            finder.page(kSearches[i].query(), {}, kFirstRows);
            const QElapsedTimer timer = started();
            work(finder, kSearches[i].query());
            return msSince(timer);
        };
    };
    compare(path, "count (cap 10000)", "",
            afterFirstPage([](AssetFinder &finder, const AssetQuery &q) { finder.count(q, kCountCap); }),
            [&](sqlite3 *db, size_t i) {
                floors[i].materialize(db);
                const QElapsedTimer timer = started();
                floors[i].count(db, kCountCap);
                return msSince(timer);
            });
    compare(path, "facets (6, each with the other filters)", "",
            afterFirstPage([](AssetFinder &finder, const AssetQuery &q) { finder.facets(q); }),
            [&](sqlite3 *db, size_t i) {
                floors[i].materialize(db);
                const QElapsedTimer timer = started();
                floors[i].facets(db);
                return msSince(timer);
            });
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
        // An optional third argument names the sections to run: any of
        // insert, search, counts (default: all).
        const QStringList sections = args.size() > 3 ? args.at(3).split(QLatin1Char(','))
                                                     : QStringList{QStringLiteral("insert"), QStringLiteral("search"),
                                                                   QStringLiteral("counts")};
        if (sections.contains(QLatin1String("insert"))) {
            benchInsertAgainstFloor(100000, false);
            benchInsertAgainstFloor(100000, true);
        }
        // A kept workspace of the right size is reused (the insert takes minutes).
        if (workspace->assets().count() == assetCount)
            std::printf("reusing the %d assets in %s\n", assetCount, qPrintable(directory));
        else
            benchInsert(*workspace, assetCount);
        workspace->database().exec(QStringLiteral("PRAGMA optimize"));
        std::printf("assets: %d\n", workspace->assets().count());
        const QString path = workspace->databasePath();
        workspace.reset(); // every section opens its own connections

        if (sections.contains(QLatin1String("search")))
            for (const AssetSort sort : {AssetSort::Name, AssetSort::Modified, AssetSort::Relevance})
                benchSearch(path, sort);
        if (sections.contains(QLatin1String("counts")))
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
