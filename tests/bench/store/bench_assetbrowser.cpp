// Asset browser benchmark: builds a workspace with a million assets and
// compares what the asset list does (AssetRepository + AssetListModel) with
// the same queries run as bare sqlite3 statements, the floor.
//
// Usage: bench_assetbrowser [asset count (default 1000000)] [workspace dir]

#include "items/assetlistmodel.h"
#include "store/assetrepository.h"
#include "store/database.h"
#include "store/searchquery.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

using namespace sl;

namespace {

constexpr int kPageSize = 256;
constexpr int kRepeats = 15;
constexpr int kOpenRepeats = 9; // an open at a million assets reads the whole file

// Median wall time of fn in milliseconds.
double medianMs(const std::function<void()> &fn, int repeats = kRepeats)
{
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        fn();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

struct Spread
{
    double p50 = 0, p95 = 0;
};

// p50 and p95 wall time of fn in milliseconds; `before` runs untimed before
// each repeat (e.g. to make the run cold).
Spread spreadMs(const std::function<void()> &fn, int repeats, const std::function<void()> &before = {})
{
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        if (before)
            before();
        QElapsedTimer timer;
        timer.start();
        fn();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    const auto at = [&](double q) { return times[std::min(times.size() - 1, size_t(q * (times.size() - 1) + 0.5))]; };
    return {at(0.5), at(0.95)};
}

void printSpread(const char *what, Spread ours, Spread raw)
{
    std::printf("%s: p50 %.1f ms, p95 %.1f ms (raw sqlite p50 %.1f ms, p95 %.1f ms; ratio at p50 %.2f)\n", what,
                ours.p50, ours.p95, raw.p50, raw.p95, raw.p50 > 0 ? ours.p50 / raw.p50 : 0.0);
    std::fflush(stdout);
}

// Drops a database's files (main, WAL, shared memory) from the page cache,
// so that the next read comes from the disk.
void dropFromPageCache(const QString &databasePath)
{
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

void printRatio(const char *what, double ours, double raw)
{
    std::printf("%s: %.2f ms (raw sqlite %.2f ms, ratio %.1f)\n", what, ours, raw,
                raw > 0 ? ours / raw : 0.0);
    std::fflush(stdout);
}

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
// the rest components.
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
    return asset;
}

// The page query of AssetRepository without the wrapper, on its own connection.
class RawQueries
{
public:
    explicit RawQueries(const QString &path)
    {
        sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_exec(m_db, "PRAGMA cache_size=-32768", nullptr, nullptr, nullptr); // as Database has
    }
    ~RawQueries()
    {
        for (auto &[sql, stmt] : m_statements)
            sqlite3_finalize(stmt);
        sqlite3_close(m_db);
    }

    // Prepared once and reused, as the repository does.
    sqlite3_stmt *statement(const std::string &sql)
    {
        sqlite3_stmt *&stmt = m_statements[sql];
        if (!stmt)
            sqlite3_prepare_v3(m_db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
        sqlite3_reset(stmt);
        return stmt;
    }

    int count(const QByteArray &match)
    {
        const char *sql = match.isEmpty() ? "SELECT count(*) FROM assets"
                                          : "SELECT count(*) FROM asset_search WHERE asset_search MATCH ?";
        sqlite3_stmt *stmt = statement(sql);
        if (!match.isEmpty())
            sqlite3_bind_text(stmt, 1, match.constData(), int(match.size()), SQLITE_STATIC);
        const int n = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : -1;
        sqlite3_reset(stmt);
        return n;
    }

    // Reads every column of a page; returns the row count.
    int page(const QByteArray &match, const QByteArray &afterName, const QByteArray &afterId)
    {
        static const char *const kColumns =
            "SELECT a.id, a.name, a.asset_tag, a.account_id, coalesce(ac.name, ''), a.product_id, "
            "coalesce(p.name, ''), a.category_id, coalesce(c.name, ''), a.parent_id, a.latitude, "
            "a.longitude, "
            "a.state_code, a.modified_on, (SELECT count(*) FROM captures k WHERE k.asset_ref = a.id) "
            "FROM assets a LEFT JOIN accounts ac ON ac.id = a.account_id "
            "LEFT JOIN products p ON p.id = a.product_id LEFT JOIN categories c ON c.id = a.category_id ";
        const std::string sql =
            std::string(kColumns) +
            (match.isEmpty() ? "WHERE (a.name, a.id) > (?1, ?2) ORDER BY a.name, a.id LIMIT ?3"
                             : "WHERE (a.name, a.id) > (?1, ?2) AND a.rid IN (SELECT rowid FROM asset_search "
                               "WHERE asset_search MATCH ?4) ORDER BY a.name, a.id LIMIT ?3");
        sqlite3_stmt *stmt = statement(sql);
        sqlite3_bind_text(stmt, 1, afterName.constData(), int(afterName.size()), SQLITE_STATIC);
        sqlite3_bind_text(stmt, 2, afterId.constData(), int(afterId.size()), SQLITE_STATIC);
        sqlite3_bind_int(stmt, 3, kPageSize);
        if (!match.isEmpty())
            sqlite3_bind_text(stmt, 4, match.constData(), int(match.size()), SQLITE_STATIC);
        int rows = 0;
        size_t bytes = 0;
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            for (int c = 0; c < 15; ++c)
                bytes += size_t(sqlite3_column_bytes(stmt, c));
            ++rows;
        }
        sqlite3_reset(stmt);
        m_sink += bytes;
        return rows;
    }

    // The (name, id) at a given position of the list, for a deep cursor.
    AssetPageCursor cursorAt(int position)
    {
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(m_db, "SELECT name, id FROM assets ORDER BY name, id LIMIT 1 OFFSET ?", -1, &stmt,
                           nullptr);
        sqlite3_bind_int(stmt, 1, position);
        AssetPageCursor cursor;
        if (sqlite3_step(stmt) == SQLITE_ROW) {
            cursor.name = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
            cursor.id = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 1)));
        }
        sqlite3_finalize(stmt);
        return cursor;
    }

private:
    sqlite3 *m_db = nullptr;
    std::map<std::string, sqlite3_stmt *> m_statements;
    size_t m_sink = 0;
};

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
    AssetRepository &assets = workspace->assets();
    try {
        // Bulk insert: one transaction, slices to bound memory.
        if (assets.count() < assetCount) {
            QElapsedTimer timer;
            timer.start();
            Transaction transaction(workspace->database());
            constexpr int kSlice = 20000;
            for (int first = assets.count(); first < assetCount; first += kSlice) {
                std::vector<Asset> slice;
                slice.reserve(kSlice);
                for (int i = first; i < std::min(assetCount, first + kSlice); ++i)
                    slice.push_back(syntheticAsset(i));
                assets.upsertAssets(slice);
            }
            transaction.commit();
            const double seconds = double(timer.elapsed()) / 1000.0;
            std::printf("insert: %d assets in %.1f s (%.0f assets/s, with search index)\n", assetCount,
                        seconds, assetCount / std::max(seconds, 1e-9));
        }
        workspace->database().exec(QStringLiteral("PRAGMA optimize"));
        std::printf("assets: %d\n", assets.count());
        {
            // Figures for a warm cache: read the list's index and rows once.
            QElapsedTimer timer;
            timer.start();
            workspace->database().queryText(
                QStringLiteral("SELECT count(*) FROM (SELECT a.rid FROM assets a ORDER BY a.name, a.id)"));
            workspace->database().queryText(QStringLiteral("SELECT sum(length(modified_on)) FROM assets"));
            std::printf("warm-up (one pass over the list): %.0f ms\n", double(timer.nsecsElapsed()) / 1e6);
        }

        {
            // Opening checks the database (PRAGMA quick_check) before anything
            // else. The floor does the same work with bare sqlite3: open, then
            // PRAGMA quick_check. Cold: the database's files are dropped from
            // the page cache first (posix_fadvise), for ours and the floor alike.
            const auto rawOpenAndCheck = [&] {
                sqlite3 *db = nullptr;
                sqlite3_open_v2(workspace->databasePath().toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr);
                sqlite3_exec(db, "PRAGMA quick_check", nullptr, nullptr, nullptr);
                sqlite3_close(db);
            };
            const auto ourOpen = [&] { Workspace::open(directory, &error); };
            const auto evict = [&] { dropFromPageCache(workspace->databasePath()); };
            printSpread("workspace open, warm", spreadMs(ourOpen, kOpenRepeats),
                        spreadMs(rawOpenAndCheck, kOpenRepeats));
            printSpread("workspace open, cold", spreadMs(ourOpen, kOpenRepeats, evict),
                        spreadMs(rawOpenAndCheck, kOpenRepeats, evict));
        }

        RawQueries raw(workspace->databasePath());
        const QByteArray none;

        // The model: total + first page, as the browser opens.
        const double modelOpen = medianMs([&] { AssetListModel model(assets); });
        const double rawOpen = medianMs([&] {
            raw.count(none);
            raw.page(none, "", "");
        });
        printRatio("model open (count + first page)", modelOpen, rawOpen);

        const double firstPage = medianMs([&] { assets.page({}, {}, kPageSize); });
        printRatio("first page", firstPage, medianMs([&] { raw.page(none, "", ""); }));

        const int deepRow = assetCount * 9 / 10;
        const AssetPageCursor deep = raw.cursorAt(deepRow);
        const double deepPage = medianMs([&] { assets.page({}, deep, kPageSize); });
        const double rawDeep = medianMs([&] { raw.page(none, deep.name.toUtf8(), deep.id.toUtf8()); });
        printRatio(qPrintable(QStringLiteral("deep page (after row %1, keyset)").arg(deepRow)), deepPage,
                   rawDeep);

        AssetListModel model(assets);
        const double fetch = medianMs([&] {
            if (model.canFetchMore({}))
                model.fetchMore({});
        });
        std::printf("model fetchMore (next %d rows): %.2f ms\n", kPageSize, fetch);

        // From a handful of matches to a third of the table.
        for (const QString &search :
             {QStringLiteral("AT-00042"), QStringLiteral("site 123"), QStringLiteral("chil ch-1"),
              QStringLiteral("condenser"), QStringLiteral("motor"), QStringLiteral("p")}) {
            const QByteArray match = SearchQuery::ftsExpression(search).toUtf8();
            int matches = 0;
            const double count = medianMs([&] { matches = assets.countMatching(search); });
            printRatio(
                qPrintable(QStringLiteral("search \"%1\" count (%2 matches)").arg(search).arg(matches)),
                count, medianMs([&] { raw.count(match); }));
            std::vector<Asset> first;
            const double page = medianMs([&] { first = assets.page(search, {}, kPageSize); });
            printRatio(qPrintable(QStringLiteral("search \"%1\" first page").arg(search)), page,
                       medianMs([&] { raw.page(match, "", ""); }));
            if (int(first.size()) == kPageSize) {
                const AssetPageCursor next{first.back().name, first.back().id};
                printRatio(qPrintable(QStringLiteral("search \"%1\" second page").arg(search)),
                           medianMs([&] { assets.page(search, next, kPageSize); }),
                           medianMs([&] { raw.page(match, next.name.toUtf8(), next.id.toUtf8()); }));
            }
            AssetListModel searched(assets);
            const double reset = medianMs([&] { searched.setSearch(search); }, 5);
            std::printf("model setSearch(\"%s\"): %.2f ms\n", qPrintable(search), reset);
        }
    } catch (const StoreError &e) {
        std::fprintf(stderr, "store error: %s\n", qPrintable(e.message()));
        return 1;
    }
    return 0;
}
