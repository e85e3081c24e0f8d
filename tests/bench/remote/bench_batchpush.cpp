// bench_batchpush: 1,000 queued asset edits pushed through $batch to the
// fake Dataverse (sightline-fakestore, its own process on loopback), against
// the floor: plain libcurl POSTing the same batch bodies to the same fake
// without building, parsing or storing anything. Goal: the push of 1,000
// edits in at most 5 s.
// Ours is a whole push (SyncEngine, push only): the outbox read, entries
// marked sending, the batch built and sent, its answer parsed, every entry
// confirmed in one transaction. The floor sends the batch bodies ours sent
// in the same round (recorded on the way out), with each If-Match turned
// into "*": ours has moved the ETags on, and "*" makes the fake do the same
// writes again rather than answer 412. Both run in this process, on a new
// connection each round, ours first (the floor needs its bodies); warm only:
// the edits were written just before, so the outbox is in the page cache.
//   build/tests/bench/bench_batchpush [--edits N] [--rounds N]
#include "benchstats.h"

#include "editing/asseteditor.h"
#include "remote/curltransport.h"
#include "remote/systemclock.h"
#include "remote/tokensource.h"
#include "store/database.h"
#include "store/workspace.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <curl/curl.h>

#include <cstdio>

using namespace sl;

namespace {

const QByteArray kToken = "bench-token";

// Sends through another transport and keeps every request it sent.
class RecordingTransport : public HttpTransport
{
public:
    explicit RecordingTransport(HttpTransport &inner) : m_inner(inner) {}
    RequestId send(const HttpRequest &request, Callback done) override
    {
        m_sent.append(request);
        return m_inner.send(request, std::move(done));
    }
    void cancel(RequestId id) override { m_inner.cancel(id); }
    const QList<HttpRequest> &sent() const { return m_sent; }

private:
    HttpTransport &m_inner;
    QList<HttpRequest> m_sent;
};

size_t collect(char *data, size_t size, size_t count, void *out)
{
    static_cast<QByteArray *>(out)->append(data, qsizetype(size * count));
    return size * count;
}

// The floor: each batch POSTed as it is; false unless every answer is 200.
bool postBatches(const QList<HttpRequest> &batches)
{
    CURL *curl = curl_easy_init();
    bool ok = true;
    for (const HttpRequest &batch : batches) {
        QByteArray answer;
        curl_slist *headers = nullptr;
        const QByteArray type = "Content-Type: " + headerValue(batch.headers, "Content-Type");
        const QByteArray auth = "Authorization: Bearer " + kToken;
        headers = curl_slist_append(headers, type.constData());
        headers = curl_slist_append(headers, auth.constData());
        headers = curl_slist_append(headers, "Prefer: odata.continue-on-error");
        const QByteArray url = batch.url.toEncoded();
        curl_easy_setopt(curl, CURLOPT_URL, url.constData());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, batch.body.constData());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, long(batch.body.size()));
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer);
        curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
        long status = 0;
        ok = ok && curl_easy_perform(curl) == CURLE_OK
             && curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK && status == 200
             && answer.contains("HTTP/1.1 204");
        curl_slist_free_all(headers);
    }
    curl_easy_cleanup(curl);
    return ok;
}

// One sync of `workspace` on this thread (push or pull only), timed; the
// batches it sent in *batches, and how many requests in all in *sent.
SyncSummary syncOnce(Workspace &workspace, const QUrl &serviceRoot, bool push, double *ms, QList<HttpRequest> *batches,
                     int *sent = nullptr)
{
    SyncOptions options;
    options.push = push;
    options.pull = !push;
    CurlTransport curl;
    RecordingTransport transport(curl);
    SystemClock clock;
    FixedTokenSource tokens(kToken);
    SyncEngine engine(transport, clock, tokens, workspace, serviceRoot, options);
    QEventLoop loop;
    QObject::connect(&engine, &SyncEngine::finished, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    engine.start();
    if (engine.isRunning())
        loop.exec();
    *ms = bench::msSince(timer);
    if (sent)
        *sent = int(transport.sent().size());
    if (batches) {
        batches->clear();
        for (const HttpRequest &request : transport.sent())
            if (request.url.path().endsWith(QLatin1String("$batch")))
                batches->append(request);
    }
    return engine.summary();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int edits = 1'000;
    int rounds = 7;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--edits"))
            edits = qMax(1, args[i + 1].toInt());
        if (args[i] == QLatin1String("--rounds"))
            rounds = qMax(1, args[i + 1].toInt());
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);

    QProcess server;
    server.setProgram(QStringLiteral(SIGHTLINE_FAKESTORE));
    server.setArguments({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--assets"), QString::number(edits)});
    server.start();
    if (!server.waitForReadyRead(600'000)) {
        std::fprintf(stderr, "bench_batchpush: sightline-fakestore did not start\n");
        return 1;
    }
    const QString banner = QString::fromLocal8Bit(server.readLine());
    const QString root = QRegularExpression(QStringLiteral("http://\\S+/")).match(banner).captured(0);
    if (root.isEmpty()) {
        std::fprintf(stderr, "bench_batchpush: no URL in '%s'\n", qPrintable(banner));
        return 1;
    }
    const QUrl serviceRoot(root);

    QTemporaryDir dir;
    QString error;
    const std::unique_ptr<Workspace> workspace = Workspace::open(dir.path(), &error);
    if (!workspace) {
        std::fprintf(stderr, "bench_batchpush: %s\n", qPrintable(error));
        return 1;
    }
    double ms = 0;
    if (!syncOnce(*workspace, serviceRoot, false, &ms, nullptr).ok()) {
        std::fprintf(stderr, "bench_batchpush: the first pull failed\n");
        return 1;
    }
    QStringList ids;
    Statement query = workspace->database().prepare(QStringLiteral("SELECT id FROM assets ORDER BY id"));
    while (query.step())
        ids.append(query.columnText(0));
    std::printf("fake store: %d assets; %d edits (one per asset) queued before each round; %d rounds, warm; "
                "2 cores shared with other work\n",
                int(ids.size()), edits, rounds);

    std::vector<double> ours, floor;
    int batchCount = 0;
    qint64 batchBytes = 0;
    for (int round = 0; round < rounds; ++round) {
        AssetEditor editor(workspace->database());
        for (int k = 0; k < edits; ++k) {
            AssetEdit edit;
            edit.name = QStringLiteral("Round %1 edit %2").arg(round).arg(k);
            if (!editor.update(ids[k % ids.size()], edit, QStringLiteral("bench")).saved()) {
                std::fprintf(stderr, "bench_batchpush: an edit was not saved\n");
                return 1;
            }
        }
        QList<HttpRequest> batches;
        int sent = 0;
        const SyncSummary pushed = syncOnce(*workspace, serviceRoot, true, &ms, &batches, &sent);
        // Every edit in a batch, none sent again one by one (a 412 would).
        if (!pushed.ok() || pushed.pushed != edits || batches.isEmpty() || sent != batches.size()) {
            std::fprintf(stderr, "bench_batchpush: the push failed (%d pushed, %d batches, %d requests): %s\n",
                         pushed.pushed, int(batches.size()), sent, qPrintable(pushed.errors.join(QLatin1Char(' '))));
            return 1;
        }
        ours.push_back(ms);
        static const QRegularExpression kIfMatch(QStringLiteral("If-Match: W/\"[0-9]+\""));
        batchBytes = 0;
        for (HttpRequest &batch : batches) {
            batch.body = QString::fromUtf8(batch.body).replace(kIfMatch, QStringLiteral("If-Match: *")).toUtf8();
            batchBytes += batch.body.size();
        }
        batchCount = int(batches.size());
        QElapsedTimer timer;
        timer.start();
        if (!postBatches(batches)) {
            std::fprintf(stderr, "bench_batchpush: the floor's batch was not taken whole\n");
            return 1;
        }
        floor.push_back(bench::msSince(timer));
        // The floor's writes moved the ETags on again: a pull (not timed)
        // brings them, so the next round's edits are made against the
        // store's versions, as a user's would be.
        if (!syncOnce(*workspace, serviceRoot, false, &ms, nullptr).ok()) {
            std::fprintf(stderr, "bench_batchpush: the pull between rounds failed\n");
            return 1;
        }
    }
    const bench::Spread a = bench::spreadOf(ours);
    const bench::Spread b = bench::spreadOf(floor);
    std::printf("each round: %d batch request(s), %.0f KB sent\n", batchCount, double(batchBytes) / 1024.0);
    std::printf("push of %d edits via $batch   n=%zu  ours p50 %6.0f p95 %6.0f ms   floor (plain libcurl POST of the "
                "same bodies) p50 %6.0f p95 %6.0f ms   ratio of p50s %.2f   (goal: ours <= 5000 ms)\n",
                edits, ours.size(), a.p50, a.p95, b.p50, b.p95, a.p50 / b.p50);

    server.terminate();
    server.waitForFinished(5'000);
    curl_global_cleanup();
    return 0;
}
