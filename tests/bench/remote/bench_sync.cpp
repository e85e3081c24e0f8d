// bench_sync: a pull of 100,000 customer assets in 5,000-row pages from the
// fake Dataverse (sightline-fakestore, its own process on loopback) into a
// fresh workspace, against the floor: plain libcurl fetching the same pages
// (following the nextLinks, found by a substring search) without parsing or
// storing them. Then a delta of 1,000 changed rows, against the floor of
// fetching the same delta pages (every table's delta link, as ours reads them). Goals: pull ≤ 2× the floor; delta ≤ 1 s.
// Ours and the floor both run in this process, on one reused connection each,
// asking for the same pages with the same compression; their runs alternate
// (which goes first swaps each run), warm and then cold (the OS page cache
// dropped before each run, which needs root), each printed as p50/p95.
//   build/tests/bench/bench_sync [--assets N] [--changes N] [--warm N] [--cold N] [--rounds N]
#include "benchstats.h"

#include "store/assetbulkload.h"
#include "store/assetrepository.h"
#include "store/database.h"
#include "store/workspace.h"
#include "sync/syncstaterepository.h"
#include "remote/curltransport.h"
#include "remote/systemclock.h"
#include "remote/tokensource.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUuid>

#include <curl/curl.h>

#include <cstdio>

#include <sys/resource.h>

using namespace sl;

namespace {

const QByteArray kToken = "bench-token";

size_t collect(char *data, size_t size, size_t count, void *out)
{
    static_cast<QByteArray *>(out)->append(data, qsizetype(size * count));
    return size * count;
}

// One GET with the headers the client sends; the body, or empty on failure.
QByteArray get(CURL *curl, const QByteArray &url, int pageSize)
{
    QByteArray body;
    curl_slist *headers = nullptr;
    const QByteArray prefer = "Prefer: odata.maxpagesize=" + QByteArray::number(pageSize);
    const QByteArray auth = "Authorization: Bearer " + kToken;
    headers = curl_slist_append(headers, "Accept: application/json");
    headers = curl_slist_append(headers, prefer.constData());
    headers = curl_slist_append(headers, auth.constData());
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, ""); // what ours accepts
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    const CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    return rc == CURLE_OK ? body : QByteArray();
}

// The floor: every page from each of `firsts` on, following nextLinks, on
// one reused connection; bytes read.
qint64 fetchPages(const QList<QByteArray> &firsts, int pageSize, int *pages)
{
    CURL *curl = curl_easy_init();
    qint64 bytes = 0;
    *pages = 0;
    for (QByteArray url : firsts) {
        while (!url.isEmpty()) {
            const QByteArray body = get(curl, url, pageSize);
            if (body.isEmpty())
                break;
            bytes += body.size();
            ++*pages;
            const qsizetype at = body.indexOf("\"@odata.nextLink\":\"");
            url.clear();
            if (at >= 0) {
                const qsizetype start = at + 19;
                url = body.mid(start, body.indexOf('"', start) - start).replace("\\/", "/");
            }
        }
    }
    curl_easy_cleanup(curl);
    return bytes;
}

// Changes `count` assets on the server (unconditional PATCHes of the name).
int changeAssets(const QString &serviceRoot, int count, int round)
{
    static const QUuid kNamespace(QStringLiteral("{5b7d1e43-2f0c-4a8e-9a51-3c2d9b1f6e70}")); // the fake's seed ids
    CURL *curl = curl_easy_init();
    int changed = 0;
    for (int i = 0; i < count; ++i) {
        const QString id = QUuid::createUuidV5(kNamespace, QString::number(i * 37)).toString(QUuid::WithoutBraces);
        const QByteArray url = (serviceRoot + QStringLiteral("msdyn_customerassets(%1)").arg(id)).toUtf8();
        const QByteArray body = QStringLiteral("{\"msdyn_name\":\"Changed %1 in round %2\"}").arg(i).arg(round).toUtf8();
        QByteArray answer;
        curl_slist *headers = nullptr;
        const QByteArray auth = "Authorization: Bearer " + kToken;
        headers = curl_slist_append(headers, "Content-Type: application/json");
        headers = curl_slist_append(headers, auth.constData());
        curl_easy_setopt(curl, CURLOPT_URL, url.constData());
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PATCH");
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.constData());
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer);
        curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
        long status = 0;
        if (curl_easy_perform(curl) == CURLE_OK && curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK
            && status == 204)
            ++changed;
        curl_slist_free_all(headers);
    }
    curl_easy_cleanup(curl);
    return changed;
}

// One pull (no push) on this thread's connection to the workspace, as a
// SyncThread runs it (the workspace is opened beforehand: its check on
// opening is not part of the sync).
// CPU time of the calling thread (user + system), in milliseconds.
double threadCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return (double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0)
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

// `*cpuMs`: the CPU time of this thread, where the engine applies the pages
// (the pull's critical path), which load on the machine disturbs far less
// than the wall time.
SyncSummary pull(Workspace &workspace, const QUrl &serviceRoot, int pageSize, double *ms, double *cpuMs = nullptr)
{
    SyncOptions options;
    options.push = false;
    options.pageSize = pageSize;
    CurlTransport transport;
    SystemClock clock;
    FixedTokenSource tokens(kToken);
    SyncEngine engine(transport, clock, tokens, workspace, serviceRoot, options);
    QEventLoop loop;
    QObject::connect(&engine, &SyncEngine::finished, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    const double cpuBefore = threadCpuMs();
    engine.start();
    if (engine.isRunning())
        loop.exec();
    *ms = bench::msSince(timer);
    if (cpuMs)
        *cpuMs = threadCpuMs() - cpuBefore;
    return engine.summary();
}

// The store's own share: the pulled assets written again, page by page, into
// a fresh workspace through AssetRepository::upsertAssets as a first pull
// loads them (AssetBulkLoad: the indexes built at the end, counted), without
// any HTTP or JSON. Milliseconds.
double storeAlone(const QString &pulledDirectory, int pageSize)
{
    QString error;
    std::vector<Asset> assets;
    {
        const std::unique_ptr<Workspace> pulled = Workspace::open(pulledDirectory, &error);
        Statement query = pulled->database().prepare(QStringLiteral(
            "SELECT id, name, asset_tag, coalesce(account_id, ''), coalesce(product_id, ''), "
            "coalesce(category_id, ''), latitude, longitude, state_code, modified_on FROM assets ORDER BY id"));
        while (query.step()) {
            Asset asset;
            asset.id = query.columnText(0);
            asset.name = query.columnText(1);
            asset.assetTag = query.columnText(2);
            asset.accountId = query.columnText(3);
            asset.productId = query.columnText(4);
            asset.categoryId = query.columnText(5);
            asset.latitude = query.columnDouble(6);
            asset.longitude = query.columnDouble(7);
            asset.stateCode = query.columnInt(8);
            asset.modifiedOn = query.columnText(9);
            assets.push_back(asset);
        }
    }
    QTemporaryDir fresh;
    const std::unique_ptr<Workspace> workspace = Workspace::open(fresh.path(), &error);
    QElapsedTimer timer;
    timer.start();
    AssetBulkLoad::begin(workspace->database());
    for (size_t first = 0; first < assets.size(); first += size_t(pageSize)) {
        const auto end = assets.begin() + qsizetype(std::min(assets.size(), first + size_t(pageSize)));
        workspace->assets().upsertAssets(std::vector<Asset>(assets.begin() + qsizetype(first), end));
    }
    AssetBulkLoad::end(workspace->database()); // as a pull ends it, its search rows written with its pages
    return bench::msSince(timer);
}

void report(const char *what, const std::vector<double> &ours, const std::vector<double> &floor, const char *goal)
{
    const bench::Spread a = bench::spreadOf(ours);
    const bench::Spread b = bench::spreadOf(floor);
    std::printf("%-34s n=%zu  ours p50 %7.0f p95 %7.0f ms   floor (plain libcurl) p50 %6.0f p95 %6.0f ms   "
                "ratio of p50s %.2f %s\n",
                what, ours.size(), a.p50, a.p95, b.p50, b.p95, a.p50 / b.p50, goal);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int assets = 100'000;
    int changes = 1'000;
    int warmRuns = 5;
    int coldRuns = 3;
    int rounds = 5;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--assets"))
            assets = args[i + 1].toInt();
        if (args[i] == QLatin1String("--changes"))
            changes = args[i + 1].toInt();
        if (args[i] == QLatin1String("--warm"))
            warmRuns = qMax(1, args[i + 1].toInt());
        if (args[i] == QLatin1String("--cold"))
            coldRuns = qMax(0, args[i + 1].toInt());
        if (args[i] == QLatin1String("--rounds"))
            rounds = qMax(1, args[i + 1].toInt());
    }
    constexpr int kPageSize = 5'000;
    curl_global_init(CURL_GLOBAL_DEFAULT);

    QProcess server;
    server.setProgram(QStringLiteral(SIGHTLINE_FAKESTORE));
    server.setArguments({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--assets"),
                         QString::number(assets)});
    server.start();
    if (!server.waitForReadyRead(600'000)) {
        std::fprintf(stderr, "bench_sync: sightline-fakestore did not start\n");
        return 1;
    }
    const QString banner = QString::fromLocal8Bit(server.readLine());
    const QString root = QRegularExpression(QStringLiteral("http://\\S+/")).match(banner).captured(0);
    if (root.isEmpty()) {
        std::fprintf(stderr, "bench_sync: no URL in '%s'\n", qPrintable(banner));
        return 1;
    }
    const QUrl serviceRoot(root);
    const QByteArray firstPage = (root + QStringLiteral("msdyn_customerassets?$select=msdyn_name,msdyn_assettag,"
                                                        "msdyn_latitude,msdyn_longitude,_msdyn_account_value,"
                                                        "_msdyn_product_value,_msdyn_customerassetcategory_value,"
                                                        "_msdyn_parentasset_value,statecode,modifiedon"))
                                     .toUtf8();
    std::printf("fake store: %d assets, pages of %d; 2 cores shared with other work\n", assets, kPageSize);

    const bool canDrop = coldRuns == 0 || bench::dropOsPageCache();
    if (!canDrop) {
        std::printf("cold runs skipped: the OS page cache cannot be dropped here (needs root)\n");
        coldRuns = 0;
    }
    std::printf("runs: %d warm, %d cold (page cache dropped before each of ours and each floor), "
                "ours and the floor alternating which goes first; both in this process\n",
                warmRuns, coldRuns);

    // Warm both paths once (connections, the server's first pages), then measure.
    int pages = 0;
    fetchPages({firstPage}, kPageSize, &pages);

    qint64 bytes = 0;
    SyncSummary full;
    std::unique_ptr<QTemporaryDir> lastDir; // the last pull's workspace, kept for the store's share and the delta
    std::unique_ptr<Workspace> workspace;
    std::vector<double> oursWarm, floorWarm, oursCold, floorCold;
    std::vector<double> syncThreadCpu; // warm runs
    for (int run = 0; run < warmRuns + coldRuns; ++run) {
        const bool cold = run >= warmRuns;
        auto dir = std::make_unique<QTemporaryDir>();
        QString openError;
        std::unique_ptr<Workspace> fresh = Workspace::open(dir->path(), &openError);
        if (!fresh) {
            std::fprintf(stderr, "bench_sync: %s\n", qPrintable(openError));
            return 1;
        }
        const auto runFloor = [&] {
            if (cold)
                bench::dropOsPageCache();
            QElapsedTimer timer;
            timer.start();
            bytes = fetchPages({firstPage}, kPageSize, &pages);
            (cold ? floorCold : floorWarm).push_back(bench::msSince(timer));
        };
        const auto runOurs = [&] {
            if (cold)
                bench::dropOsPageCache();
            double ms = 0;
            double cpuMs = 0;
            full = pull(*fresh, serviceRoot, kPageSize, &ms, &cpuMs);
            (cold ? oursCold : oursWarm).push_back(ms);
            if (!cold)
                syncThreadCpu.push_back(cpuMs);
        };
        bench::inTurns(run, runOurs, runFloor);
        if (!full.ok()) {
            std::fprintf(stderr, "bench_sync: the pull failed: %s\n", qPrintable(full.errors.join(QLatin1Char(' '))));
            return 1;
        }
        workspace.reset();
        workspace = std::move(fresh);
        lastDir = std::move(dir);
    }
    std::printf("full pull: %d rows (%d pages, %.1f MB)\n", full.pulled, pages, double(bytes) / 1e6);
    report("pull, parse and store, warm", oursWarm, floorWarm, "(goal <= 2)");
    const bench::Spread cpu = bench::spreadOf(syncThreadCpu);
    std::printf("  of which CPU time of the thread applying the pages (warm): p50 %.0f p95 %.0f ms\n", cpu.p50,
                cpu.p95);
    if (coldRuns > 0)
        report("pull, parse and store, cold", oursCold, floorCold, "(goal <= 2)");
    std::vector<double> storeRuns;
    for (int run = 0; run < 3; ++run)
        storeRuns.push_back(storeAlone(lastDir->path(), kPageSize));
    const bench::Spread store = bench::spreadOf(storeRuns);
    std::printf("of which the store's share: upsertAssets of the same rows alone, loaded in bulk as a first pull, "
                "n=3 p50 %.0f p95 %.0f ms (warm); warm p50 of ours against fetch floor p50 + store alone: ratio %.2f\n",
                store.p50, store.p95, bench::spreadOf(oursWarm).p50 / (bench::spreadOf(floorWarm).p50 + store.p50));

    // Deltas: each round changes `changes` rows on the server, then times the
    // floor (every table's delta pages, as ours reads them) and ours (a delta
    // pull), in turns; `rounds` warm, then `coldRuns` with the page cache
    // dropped before each of ours and each floor.
    std::vector<double> deltaOurs, deltaFloor, deltaOursCold, deltaFloorCold;
    int changed = 0, deltaPulled = 0;
    for (int round = 0; round < rounds + coldRuns; ++round) {
        const bool cold = round >= rounds;
        changed = changeAssets(root, changes, round);
        QList<QByteArray> deltaLinks;
        Statement links = workspace->database().prepare(
            QStringLiteral("SELECT delta_link FROM sync_state WHERE delta_link <> '' ORDER BY entity_set"));
        while (links.step())
            deltaLinks.append(links.columnText(0).toUtf8());
        const auto runFloor = [&] {
            if (cold)
                bench::dropOsPageCache();
            int deltaPages = 0;
            QElapsedTimer timer;
            timer.start();
            fetchPages(deltaLinks, kPageSize, &deltaPages);
            (cold ? deltaFloorCold : deltaFloor).push_back(bench::msSince(timer));
        };
        SyncSummary delta;
        const auto runOurs = [&] {
            if (cold)
                bench::dropOsPageCache();
            double ms = 0;
            delta = pull(*workspace, serviceRoot, kPageSize, &ms);
            (cold ? deltaOursCold : deltaOurs).push_back(ms);
        };
        bench::inTurns(round, runOurs, runFloor);
        if (!delta.ok()) {
            std::fprintf(stderr, "bench_sync: the delta failed: %s\n",
                         qPrintable(delta.errors.join(QLatin1Char(' '))));
            return 1;
        }
        deltaPulled = delta.pulled;
    }
    std::printf("delta: %d rounds warm, %d cold, each %d rows changed on the server; last round pulled %d\n", rounds,
                coldRuns, changed, deltaPulled);
    report("delta (5 tables), warm", deltaOurs, deltaFloor, "(floor: the same delta links)");
    if (coldRuns > 0)
        report("delta (5 tables), cold", deltaOursCold, deltaFloorCold, "(floor: the same delta links)");
    const bench::Spread deltaSpread = bench::spreadOf(deltaOurs);
    std::printf("delta of %d changes: p50 %.0f ms, p95 %.0f ms (goal <= 1000 ms)\n", changed, deltaSpread.p50,
                deltaSpread.p95);

    server.terminate();
    server.waitForFinished(5'000);
    curl_global_cleanup();
    return 0;
}
