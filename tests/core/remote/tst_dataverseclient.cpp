#include "fakeclock.h"
#include "fakedataverse.h"
#include "faketokensource.h"
#include "remote/curltransport.h"
#include "remote/odataquery.h"
#include "remote/pagedreadjob.h"
#include "remote/recordcreator.h"
#include "remote/recordwriter.h"
#include "remote/requestrunner.h"

#include <QMutex>
#include <QSignalSpy>
#include <QThread>
#include <QTest>

using namespace sl;
using namespace sl::test;

namespace {

const QString kAssets = QStringLiteral("msdyn_customerassets");
const QString kKey = QStringLiteral("msdyn_customerassetid");

} // namespace

// The client pieces end to end, through the real CurlTransport, against
// the fake Dataverse; written like specifications: set the server up,
// run, compare what the client saw with what the server holds.
class tst_DataverseClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeDataverse> m_server;
    std::unique_ptr<CurlTransport> m_transport;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<FakeTokenSource> m_tokens;
    std::unique_ptr<RequestRunner> m_runner;

    QUrl assetsQuery() const
    {
        QString error;
        const QUrl url = ODataQuery(m_server->serviceRoot(), kAssets)
                             .select({QStringLiteral("msdyn_name"), QStringLiteral("msdyn_assettag")})
                             .url(&error);
        Q_ASSERT(error.isEmpty());
        return url;
    }

    struct ReadOutcome
    {
        bool ok = false;
        std::map<QString, ODataRow> rows; // by key
        int pages = 0;
        RemoteError error;
    };

    // Runs a paged read to its end; `whileWaiting` runs each time the event
    // loop turns (e.g. to move the fake clock). A read that does not finish
    // fails the test (and so does `whileWaiting` failing): callers return on
    // QTest::currentTestFailed().
    ReadOutcome readAll(int pageSize, const std::function<void()> &whileWaiting = {})
    {
        ReadOutcome outcome;
        PagedReadJob job(*m_runner, assetsQuery(), pageSize);
        connect(&job, &PagedReadJob::pageReady, this, [&](const ODataPage &page) {
            ++outcome.pages;
            for (const ODataRow &row : page.rows)
                outcome.rows[row.values.value(kKey).toString()] = row;
        });
        bool finished = false;
        connect(&job, &PagedReadJob::finished, this, [&](bool ok) {
            finished = true;
            outcome.ok = ok;
        });
        job.start();
        const bool inTime = QTest::qWaitFor([&] {
            if (whileWaiting)
                whileWaiting();
            return finished || QTest::currentTestFailed();
        }, 60'000);
        if (!inTime)
            QTest::qFail(qPrintable(QStringLiteral("readAll: the paged read did not finish within 60 s (%1 pages so far)")
                                        .arg(outcome.pages)),
                         __FILE__, __LINE__);
        outcome.error = job.error();
        return outcome;
    }

    // Runs `write` and waits for its result. A write that does not finish
    // fails the test (and so does `write` itself failing): callers return on
    // QTest::currentTestFailed().
    WriteResult waitFor(const std::function<void(WriteDone)> &write)
    {
        std::optional<WriteResult> result;
        write([&](const WriteResult &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value() || QTest::currentTestFailed(); }, 20'000))
            QTest::qFail("waitFor: the write did not finish within 20 s", __FILE__, __LINE__);
        return result.value_or(WriteResult{});
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeDataverse>();
        QVERIFY(m_server->start());
        m_transport = std::make_unique<CurlTransport>();
        m_clock = std::make_unique<FakeClock>();
        m_tokens = std::make_unique<FakeTokenSource>();
        m_runner = std::make_unique<RequestRunner>(*m_transport, *m_clock, *m_tokens, RetryPolicy({}, [] { return 0.0; }));
    }

    void cleanup()
    {
        m_runner.reset();
        m_transport.reset();
        m_server.reset();
    }

    void fullPagedReadOf20000Assets()
    {
        const QStringList ids = m_server->seedAssets(20'000);
        const ReadOutcome read = readAll(2'000);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(read.ok, qPrintable(read.error.message));
        QCOMPARE(read.pages, 10);
        QCOMPARE(int(read.rows.size()), 20'000);
        for (const QString &id : {ids.first(), ids.at(12'345), ids.last()}) {
            const ODataRow &row = read.rows.at(id);
            QCOMPARE(row.etag, m_server->table().etag(id));
            QCOMPARE(row.values.value(QStringLiteral("msdyn_name")), m_server->table().row(id).value(QStringLiteral("msdyn_name")));
            QVERIFY(!row.values.contains(QStringLiteral("msdyn_latitude"))); // $select honoured
        }
        // Every page asked for its size; every request carried the OData headers.
        QCOMPARE(m_server->requests().size(), 10);
        for (const auto &request : m_server->requests()) {
            QCOMPARE(headerValue(request.headers, "Prefer"), QByteArray("odata.maxpagesize=2000"));
            QCOMPARE(headerValue(request.headers, "OData-Version"), QByteArray("4.0"));
            QVERIFY(request.url.query().contains(QLatin1String("$select=msdyn_name,msdyn_assettag")));
        }
    }

    // A page decoder's work comes with each page: done on the transport's
    // thread through CurlTransport, on the receiver's where a transport
    // does not decode (the answer's body is then decoded on arrival).
    void aPageDecoderRunsOnTheTransportsThread()
    {
        m_server->seedAssets(250);
        PagedReadJob job(*m_runner, assetsQuery(), 100);
        auto threads = std::make_shared<QList<QThread *>>();
        auto lock = std::make_shared<QMutex>();
        job.setPageDecoder([threads, lock](const ODataPage &page) {
            const QMutexLocker locked(lock.get());
            threads->append(QThread::currentThread());
            return std::any(int(page.rows.size()));
        });
        QList<int> decodedRows, rows;
        connect(&job, &PagedReadJob::pageReady, this, [&](const ODataPage &page) {
            decodedRows.append(std::any_cast<int>(page.decoded));
            rows.append(int(page.rows.size()));
        });
        QSignalSpy finished(&job, &PagedReadJob::finished);
        job.start();
        QVERIFY(finished.wait(20'000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(rows, (QList<int>{100, 100, 50}));
        QCOMPARE(decodedRows, rows);
        const QMutexLocker locked(lock.get());
        QCOMPARE(threads->size(), 3);
        for (QThread *thread : *threads)
            QVERIFY(thread != QThread::currentThread());
    }

    void relativeNextLinksAreFollowed()
    {
        m_server->seedAssets(2'500);
        m_server->faults().relativeNextLinks = true;
        const ReadOutcome read = readAll(1'000);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(read.ok, qPrintable(read.error.message));
        QCOMPARE(read.pages, 3);
        QCOMPARE(int(read.rows.size()), 2'500);
    }

    void repeatedNextLinkIsRefused()
    {
        m_server->seedAssets(3'000);
        m_server->faults().repeatNextLinkIn = 2; // page 2 links to itself
        const ReadOutcome read = readAll(1'000);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!read.ok);
        QCOMPARE(read.error.kind, RemoteError::Kind::BadResponse);
        QVERIFY2(read.error.message.contains(QLatin1String("nextLink it had sent before")), qPrintable(read.error.message));
        QCOMPARE(read.pages, 2);
        QCOMPARE(m_server->requests().size(), 2); // it was not fetched again
    }

    void truncatedPageHandsOutNothingOfIt()
    {
        m_server->seedAssets(3'000);
        m_server->faults().truncatePageIn = 2;
        const ReadOutcome read = readAll(1'000);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!read.ok);
        QCOMPARE(read.error.kind, RemoteError::Kind::BadResponse);
        QVERIFY2(read.error.message.contains(QLatin1String("page 2")), qPrintable(read.error.message));
        QVERIFY(read.error.message.contains(QLatin1String("not valid JSON")));
        QCOMPARE(read.pages, 1);
        QCOMPARE(int(read.rows.size()), 1'000); // page 1 only: nothing of page 2
        QCOMPARE(m_server->requests().size(), 2); // and the read stopped there
    }

    void busyStoreIsWaitedOutAsTold()
    {
        m_server->seedAssets(10);
        m_server->faults().nextAnswers = {{429, 9}};
        QSignalSpy busy(m_runner.get(), &RequestRunner::storeBusy);
        bool advanced = false;
        const ReadOutcome read = readAll(100, [&] {
            if (busy.count() == 1 && !advanced) {
                QCOMPARE(m_clock->nextDueInMs(), qint64(9'000));
                QCOMPARE(m_server->requests().size(), 1);
                m_clock->advance(8'999);
                QCOMPARE(m_server->requests().size(), 1);
                m_clock->advance(1);
                advanced = true;
            }
        });
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(read.ok, qPrintable(read.error.message));
        QVERIFY(advanced);
        QCOMPARE(busy.at(0).at(0).toInt(), 9);
        QCOMPARE(int(read.rows.size()), 10);
        QCOMPARE(m_server->requests().size(), 2);
    }

    void unavailableStoreIsRetried()
    {
        m_server->seedAssets(10);
        m_server->faults().nextAnswers = {{503, -1}, {503, -1}};
        const ReadOutcome read = readAll(100, [&] {
            if (m_clock->pendingTimers() > 0)
                m_clock->advance(m_clock->nextDueInMs());
        });
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(read.ok, qPrintable(read.error.message));
        QCOMPARE(m_server->requests().size(), 3);
    }

    void expiredTokenIsRefreshedOnce()
    {
        m_server->seedAssets(10);
        m_server->setAcceptedToken("test-token-2"); // the server rotated it
        const ReadOutcome read = readAll(100);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(read.ok, qPrintable(read.error.message));
        QCOMPARE(m_tokens->refreshes, 1);
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(headerValue(m_server->requests().at(1).headers, "Authorization"), QByteArray("Bearer test-token-2"));
    }

    void updateWithStaleEtagIsAConflict()
    {
        const QString id = m_server->seedAssets(1).first();
        const QByteArray seen = m_server->table().etag(id);
        m_server->table().write(id, {{QStringLiteral("msdyn_name"), QStringLiteral("Changed on the server")}});
        RecordWriter writer(*m_runner, m_server->serviceRoot());
        const WriteResult result = waitFor([&](WriteDone done) {
            writer.update(kAssets, QUuid::fromString(id), {{QStringLiteral("msdyn_assettag"), QStringLiteral("MINE")}}, seen, done);
        });
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(result.error.kind, RemoteError::Kind::Conflict);
        QCOMPARE(result.status, 412);
        QCOMPARE(m_server->table().row(id).value(QStringLiteral("msdyn_assettag")).toString(), QStringLiteral("TAG-0"));
        QCOMPARE(headerValue(m_server->requests().last().headers, "If-Match"), seen);
    }

    void updateWithCurrentEtagWritesOnlyTheChange()
    {
        const QString id = m_server->seedAssets(1).first();
        m_server->faults().requireConditionalWrites = true;
        RecordWriter writer(*m_runner, m_server->serviceRoot());
        const WriteResult result = waitFor([&](WriteDone done) {
            writer.update(kAssets, QUuid::fromString(id), {{QStringLiteral("msdyn_assettag"), QStringLiteral("MINE")}},
                          m_server->table().etag(id), done);
        });
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        QCOMPARE(result.status, 204);
        QCOMPARE(result.etag, m_server->table().etag(id));
        QCOMPARE(m_server->table().row(id).value(QStringLiteral("msdyn_assettag")).toString(), QStringLiteral("MINE"));
        QCOMPARE(m_server->table().row(id).value(QStringLiteral("msdyn_name")).toString(), QStringLiteral("Pump 00000"));
        QCOMPARE(m_server->requests().last().body, QByteArray("{\"msdyn_assettag\":\"MINE\"}"));
        QCOMPARE(headerValue(m_server->requests().last().headers, "Content-Type"), QByteArray("application/json"));
    }

    void deleteIsConditional()
    {
        const QString id = m_server->seedAssets(1).first();
        RecordWriter writer(*m_runner, m_server->serviceRoot());
        const WriteResult stale = waitFor([&](WriteDone done) { writer.remove(kAssets, QUuid::fromString(id), "W/\"1\"", done); });
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(stale.error.kind, RemoteError::Kind::Conflict);
        QVERIFY(m_server->table().contains(id));
        const WriteResult current = waitFor([&](WriteDone done) {
            writer.remove(kAssets, QUuid::fromString(id), m_server->table().etag(id), done);
        });
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(current.ok(), qPrintable(current.error.message));
        QVERIFY(!m_server->table().contains(id));
    }

    void writeWithoutEtagIsRefusedBeforeItGoesOut()
    {
        const QString id = m_server->seedAssets(1).first();
        RecordWriter writer(*m_runner, m_server->serviceRoot());
        const WriteResult result = waitFor([&](WriteDone done) { writer.update(kAssets, QUuid::fromString(id), {}, {}, done); });
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(result.error.kind, RemoteError::Kind::PreconditionRequired);
        QCOMPARE(m_server->requests().size(), 0);
    }

    void retriedCreateMakesNoDuplicate_data()
    {
        QTest::addColumn<bool>("noUpsert");
        QTest::newRow("upserting server (PATCH If-None-Match)") << false;
        QTest::newRow("server without upsert (POST fallback)") << true;
    }

    void retriedCreateMakesNoDuplicate()
    {
        QFETCH(bool, noUpsert);
        m_server->seedAssets(5);
        m_server->faults().noUpsert = noUpsert;
        m_server->faults().requireConditionalWrites = true;
        m_server->faults().cutAfterCommit = 1; // committed, then the connection is cut
        const QUuid id = QUuid::createUuid();
        RecordCreator creator(*m_runner, m_server->serviceRoot());
        const WriteResult result = waitFor([&](WriteDone done) {
            auto answered = std::make_shared<bool>(false);
            creator.create(kAssets, kKey, id, {{QStringLiteral("msdyn_name"), QStringLiteral("Made offline")}},
                           [answered, done](const WriteResult &r) {
                               *answered = true;
                               done(r);
                           });
            // The cut is a broken connection: the retry waits its backoff;
            // unless curl resent the request itself, as it does when the cut
            // connection was a reused one (the POST after the PATCH's 404).
            QVERIFY2(QTest::qWaitFor([&] { return *answered || m_clock->pendingTimers() > 0; }, 10'000),
                     "neither an answer nor a retry came within 10 s of the cut connection");
            if (!*answered)
                m_clock->advance(m_clock->nextDueInMs());
        });
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        QVERIFY(result.alreadyExisted); // the retry found its own first try
        QCOMPARE(m_server->table().size(), 6);
        const QString key = id.toString(QUuid::WithoutBraces);
        QCOMPARE(m_server->table().row(key).value(QStringLiteral("msdyn_name")).toString(), QStringLiteral("Made offline"));
        const QByteArray lastMethod = m_server->requests().last().method;
        QCOMPARE(lastMethod, noUpsert ? QByteArray("POST") : QByteArray("PATCH"));
        if (!noUpsert)
            QCOMPARE(headerValue(m_server->requests().last().headers, "If-None-Match"), QByteArray("*"));
    }

    void createFallsBackToPostWhereTheStoreDoesNotUpsert()
    {
        m_server->faults().noUpsert = true;
        const QUuid id = QUuid::createUuid();
        RecordCreator creator(*m_runner, m_server->serviceRoot());
        const WriteResult result = waitFor([&](WriteDone done) {
            creator.create(kAssets, kKey, id, {{QStringLiteral("msdyn_name"), QStringLiteral("New")}}, done);
        });
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        QVERIFY(!result.alreadyExisted);
        QCOMPARE(result.status, 204);
        QCOMPARE(m_server->countRequests("PATCH"), 1); // 404: no upsert here
        QCOMPARE(m_server->countRequests("POST"), 1);
        QVERIFY(m_server->table().contains(id.toString(QUuid::WithoutBraces)));
    }

    void errorShapeReachesTheMessage()
    {
        const QString id = m_server->seedAssets(1).first();
        RecordWriter writer(*m_runner, m_server->serviceRoot());
        const WriteResult result = waitFor([&](WriteDone done) {
            writer.update(QStringLiteral("msdyn_nosuchset"), QUuid::fromString(id), {}, "W/\"1\"", done);
        });
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(result.error.kind, RemoteError::Kind::NotFound);
        QCOMPARE(result.error.serverCode, QStringLiteral("0x8006088a"));
        QVERIFY2(result.error.message.contains(QLatin1String("Resource not found")), qPrintable(result.error.message));
    }
};

QTEST_GUILESS_MAIN(tst_DataverseClient)
#include "tst_dataverseclient.moc"
