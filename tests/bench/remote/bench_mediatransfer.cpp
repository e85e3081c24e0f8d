// bench_mediatransfer: a 20 MB file down from and up to the fake Dataverse
// (sightline-fakestore, its own process on loopback) through Sightline's
// client (FileDownloadJob: 4 MiB Range requests into a part file, synced
// and renamed; FileUploadJob: the chunked session, chunks of the size the
// store asks for, read from the file) against the floor: plain libcurl
// sending the same requests to the same store on one reused connection,
// writing to (and syncing) or reading from a file the same way. Runs
// alternate (which goes first swaps each round); p50/p95 of each, and the
// ratio of the p50s. The first round is cold (the OS page cache dropped
// before each transfer: the upload reads its file from the disk) and is
// reported on its own; the others are warm.
//   build/tests/bench/bench_mediatransfer [--mb N] [--rounds N]
#include "benchstats.h"

#include "remote/contentrange.h"
#include "remote/curltransport.h"
#include "remote/filedownloadjob.h"
#include "remote/fileuploadjob.h"
#include "remote/requestrunner.h"
#include "remote/systemclock.h"
#include "remote/tokensource.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUuid>

#include <curl/curl.h>

#include <cstdio>
#include <unistd.h>

using namespace sl;

namespace {

const QByteArray kToken = "bench-token";
const QString kAttachment = QStringLiteral("0ed1a000-0000-4000-8000-000000000001"); // sightline-fakestore --media-mb
constexpr qint64 kRange = limits::kDownloadChunkBytes; // what ours asks for per request

struct Answer
{
    long status = 0;
    QByteArray body;
    QByteArray location;
    QByteArray contentRange;
    qint64 chunkSize = 0;
};

size_t collect(char *data, size_t size, size_t count, void *out)
{
    static_cast<Answer *>(out)->body.append(data, qsizetype(size * count));
    return size * count;
}

size_t header(char *data, size_t size, size_t count, void *out)
{
    auto *answer = static_cast<Answer *>(out);
    const QByteArray line = QByteArray(data, qsizetype(size * count)).trimmed();
    if (line.toLower().startsWith("location:"))
        answer->location = line.mid(9).trimmed();
    else if (line.toLower().startsWith("content-range:"))
        answer->contentRange = line.mid(14).trimmed();
    else if (line.toLower().startsWith("x-ms-chunk-size:"))
        answer->chunkSize = line.mid(16).trimmed().toLongLong();
    return size * count;
}

// One request as ours sends it (the OData headers, the token).
Answer send(CURL *curl, const QByteArray &method, const QByteArray &url, const QList<QByteArray> &extra,
            const QByteArray &body = {})
{
    Answer answer;
    curl_slist *headers = nullptr;
    const QByteArray auth = "Authorization: Bearer " + kToken;
    for (const QByteArray &field : QList<QByteArray>{"Accept: application/json", "OData-MaxVersion: 4.0",
                                                     "OData-Version: 4.0", auth, "Expect:"} + extra)
        headers = curl_slist_append(headers, field.constData());
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &answer);
    curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
    if (method == "GET") {
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, nullptr);
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.constData());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.constData());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
    }
    if (curl_easy_perform(curl) == CURLE_OK)
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &answer.status);
    curl_slist_free_all(headers);
    return answer;
}

// The floor of a download (on `curl`, reused): the same Range requests, appended to a file, synced, renamed.
bool plainDownload(CURL *curl, const QByteArray &url, const QString &target)
{
    QFile part(target + QStringLiteral(".part"));
    bool ok = part.open(QIODevice::WriteOnly | QIODevice::Truncate);
    for (qint64 offset = 0, total = 1; ok && offset < total;) {
        const Answer answer = send(curl, "GET", url,
                                   {"Range: bytes=" + QByteArray::number(offset) + '-' + QByteArray::number(offset + kRange - 1)});
        const std::optional<ContentRange> range = ContentRange::parse(answer.contentRange);
        ok = answer.status == 206 && range && range->first == offset && part.write(answer.body) == answer.body.size();
        offset += answer.body.size();
        total = range ? range->total : 0;
    }
    ok = ok && part.flush() && ::fsync(part.handle()) == 0;
    part.close();
    QFile::remove(target);
    return ok && part.rename(target);
}

// The floor of an upload: open the session, then the chunks read from the file.
bool plainUpload(CURL *curl, const QByteArray &columnUrl, const QString &source)
{
    QFile file(source);
    bool ok = file.open(QIODevice::ReadOnly);
    const Answer session = send(curl, "PATCH", columnUrl + "?x-ms-file-name=walkround.mp4", {"x-ms-transfer-mode: chunked"});
    ok = ok && session.status == 200 && !session.location.isEmpty() && session.chunkSize > 0;
    const qint64 total = file.size();
    for (qint64 offset = 0; ok && offset < total;) {
        const QByteArray chunk = file.read(session.chunkSize);
        const ContentRange range{offset, offset + chunk.size() - 1, total};
        const Answer answer = send(curl, "PATCH", session.location,
                                   {"Content-Range: " + range.toHeader(), "Content-Type: application/octet-stream",
                                    "x-ms-file-name: walkround.mp4"},
                                   chunk);
        offset += chunk.size();
        ok = answer.status == (offset < total ? 206 : 204);
    }
    return ok;
}

// Runs a job of ours to its end on this thread's event loop.
template <typename Start>
bool runOurs(Start start)
{
    QEventLoop loop;
    bool ok = false, done = false;
    start([&](const RemoteError &error) {
        ok = !error.isError();
        if (!ok)
            std::fprintf(stderr, "bench_mediatransfer: %s\n", qPrintable(error.message));
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return ok;
}

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    return file.open(QIODevice::ReadOnly) && hash.addData(&file) ? hash.result().toHex() : QByteArray("unreadable");
}

void report(const char *what, const std::vector<double> &ours, const std::vector<double> &floor, double mb)
{
    const bench::Spread o = bench::spreadOf(ours), f = bench::spreadOf(floor);
    std::printf("%-9s n=%zu  ours p50 %6.0f p95 %6.0f ms (%5.0f MB/s)   floor (plain libcurl) p50 %6.0f p95 %6.0f ms "
                "(%5.0f MB/s)   ratio of p50s %.2f\n",
                what, ours.size(), o.p50, o.p95, mb / (o.p50 / 1000), f.p50, f.p95, mb / (f.p50 / 1000), o.p50 / f.p50);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int mb = 20, rounds = 7;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--mb"))
            mb = qBound(1, args[i + 1].toInt(), 30);
        else if (args[i] == QLatin1String("--rounds"))
            rounds = qMax(1, args[i + 1].toInt());
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);

    QProcess server;
    server.setProgram(QStringLiteral(SIGHTLINE_FAKESTORE));
    server.setArguments({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--assets"), QStringLiteral("1"),
                         QStringLiteral("--media-mb"), QString::number(mb)});
    server.start();
    if (!server.waitForReadyRead(120'000)) {
        std::fprintf(stderr, "bench_mediatransfer: sightline-fakestore did not start\n");
        return 1;
    }
    const QString root = QRegularExpression(QStringLiteral("http://\\S+/")).match(QString::fromLocal8Bit(server.readLine())).captured(0);
    if (root.isEmpty()) {
        std::fprintf(stderr, "bench_mediatransfer: no URL from sightline-fakestore\n");
        return 1;
    }
    const QUrl serviceRoot(root);
    const QString column = root + QStringLiteral("msdyn_customerassetattachments(%1)/msdyn_file").arg(kAttachment);
    const QByteArray valueUrl = (column + QStringLiteral("/$value")).toUtf8();

    QTemporaryDir dir;
    const QString oursTarget = dir.filePath(QStringLiteral("ours.mp4"));
    const QString floorTarget = dir.filePath(QStringLiteral("floor.mp4"));

    CurlTransport transport;
    SystemClock clock;
    FixedTokenSource tokens(kToken);
    RequestRunner runner(transport, clock, tokens, RetryPolicy());
    FileDownloadJob download(runner);
    FileUploadJob upload(runner, serviceRoot);
    const FileUploadJob::Target target{QStringLiteral("msdyn_customerassetattachments"), QUuid::fromString(kAttachment),
                                       QStringLiteral("msdyn_file"), QStringLiteral("walkround.mp4")};

    // One handle for every floor request: its connection is reused, as ours is.
    CURL *floorCurl = curl_easy_init();
    std::vector<double> oursDown, floorDown, oursUp, floorUp;
    std::vector<double> coldOursDown, coldFloorDown, coldOursUp, coldFloorUp;
    for (int round = 0; round <= rounds; ++round) {
        const bool cold = round == 0;
        for (int turn = 0; turn < 2; ++turn) {
            const bool oursNow = (turn == 0) == (round % 2 == 0);
            if (oursNow)
                QFile::remove(oursTarget); // a fresh download, not a resume
            if (cold)
                bench::dropOsPageCache();
            QElapsedTimer timer;
            timer.start();
            const bool ok = oursNow ? runOurs([&](auto done) { download.start(QUrl::fromEncoded(valueUrl), oursTarget, "v1", done); })
                                    : plainDownload(floorCurl, valueUrl, floorTarget);
            (cold ? (oursNow ? coldOursDown : coldFloorDown) : (oursNow ? oursDown : floorDown))
                .push_back(bench::msSince(timer));
            if (!ok) {
                std::fprintf(stderr, "bench_mediatransfer: a download failed\n");
                return 1;
            }
        }
        for (int turn = 0; turn < 2; ++turn) {
            const bool oursNow = (turn == 0) == (round % 2 == 0);
            if (cold)
                bench::dropOsPageCache();
            QElapsedTimer timer;
            timer.start();
            // Each uploads the file it downloaded: the same bytes go back.
            const bool ok = oursNow ? runOurs([&](auto done) { upload.start(target, oursTarget, done); })
                                    : plainUpload(floorCurl, column.toUtf8(), floorTarget);
            (cold ? (oursNow ? coldOursUp : coldFloorUp) : (oursNow ? oursUp : floorUp)).push_back(bench::msSince(timer));
            if (!ok) {
                std::fprintf(stderr, "bench_mediatransfer: an upload failed\n");
                return 1;
            }
        }
    }
    const bool same = sha256Of(oursTarget) == sha256Of(floorTarget) && QFile(oursTarget).size() == qint64(mb) * 1'000'000;
    std::printf("file: %d MB (%s), %d rounds, loopback, fake store in its own process; 2 cores shared with other work\n",
                mb, same ? "ours and the floor's downloads are the same bytes" : "DOWNLOADS DIFFER", rounds);
    std::printf("cold (first round, page cache dropped before each):\n");
    report("download", coldOursDown, coldFloorDown, mb);
    report("upload", coldOursUp, coldFloorUp, mb);
    std::printf("warm:\n");
    report("download", oursDown, floorDown, mb);
    report("upload", oursUp, floorUp, mb);
    curl_easy_cleanup(floorCurl);
    server.kill();
    server.waitForFinished();
    curl_global_cleanup();
    return same ? 0 : 1;
}
