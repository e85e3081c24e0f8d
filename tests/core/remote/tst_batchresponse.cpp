#include "remote/batchrequest.h"
#include "remote/batchresponse.h"
#include "remote/multipartmixed.h"
#include "remote/remotelimits.h"

#include <QTest>

using namespace sl;

namespace {

// Builds an answer the way Dataverse writes one: CR LF line ends.
QByteArray crlf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

const QByteArray kOkSet = crlf("--batchresponse_1\n"
                               "Content-Type: multipart/mixed; boundary=changesetresponse_a\n"
                               "\n"
                               "--changesetresponse_a\n"
                               "Content-Type: application/http\n"
                               "Content-Transfer-Encoding: binary\n"
                               "Content-ID: 1\n"
                               "\n"
                               "HTTP/1.1 204 No Content\n"
                               "OData-Version: 4.0\n"
                               "ETag: W/\"1001\"\n"
                               "\n"
                               "--changesetresponse_a\n"
                               "Content-Type: application/http\n"
                               "Content-Transfer-Encoding: binary\n"
                               "Content-ID: 2\n"
                               "\n"
                               "HTTP/1.1 204 No Content\n"
                               "ETag: W/\"1002\"\n"
                               "\n"
                               "--changesetresponse_a--\n");

const QByteArray kFailedSet = crlf("--batchresponse_1\n"
                                   "Content-Type: application/http\n"
                                   "Content-Transfer-Encoding: binary\n"
                                   "\n"
                                   "HTTP/1.1 412 Precondition Failed\n"
                                   "Content-Type: application/json; odata.metadata=minimal\n"
                                   "\n"
                                   "{\"error\":{\"code\":\"0x80060882\",\"message\":\"stale\"}}\n");

const QByteArray kClose = crlf("--batchresponse_1--\n");
const QByteArray kType = "multipart/mixed; boundary=batchresponse_1";

HttpResponse answer(const QByteArray &contentType, const QByteArray &body)
{
    HttpResponse response;
    response.status = 200;
    response.headers = {{"Content-Type", contentType}};
    response.body = body;
    return response;
}

} // namespace

// The $batch parser reads a whole answer or nothing; the builder writes
// what Dataverse takes.
class tst_BatchResponse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsGoodAnswers_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QList<int>>("layout");
        QTest::addColumn<QList<int>>("statuses"); // every answer's, in order
        QTest::addColumn<QList<bool>>("failedWhole");

        QTest::newRow("one set of two") << kType << (kOkSet + kClose) << QList<int>{2} << QList<int>{204, 204}
                                        << QList<bool>{false};
        QTest::newRow("a set failed as one") << kType << (kOkSet + kFailedSet + kClose) << QList<int>{2, 3}
                                             << QList<int>{204, 204, 412} << QList<bool>{false, true};
        QTest::newRow("quoted boundary, LF line ends")
            << QByteArray("multipart/mixed; boundary=\"batchresponse_1\"") << QByteArray(kOkSet + kClose).replace("\r\n", "\n")
            << QList<int>{2} << QList<int>{204, 204} << QList<bool>{false};
        QTest::newRow("preamble and epilogue")
            << kType << (QByteArray("ignored preamble\r\n") + kOkSet + kClose + "epilogue --batchresponse_1\r\n")
            << QList<int>{2} << QList<int>{204, 204} << QList<bool>{false};
        QTest::newRow("boundary text inside a body")
            << kType
            << (crlf("--batchresponse_1\n"
                     "Content-Type: application/http\n\n"
                     "HTTP/1.1 400 Bad Request\n\n"
                     "{\"error\":{\"message\":\"x --batchresponse_1 y\"}}\n")
                + kClose)
            << QList<int>{1} << QList<int>{400} << QList<bool>{true};
    }

    void readsGoodAnswers()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QList<int>, layout);
        QFETCH(QList<int>, statuses);
        QFETCH(QList<bool>, failedWhole);
        QString error;
        const auto sets = BatchResponse::parse(answer(contentType, body), {layout.begin(), layout.end()}, &error);
        QVERIFY2(sets, qPrintable(error));
        QList<int> seen;
        QList<bool> whole;
        for (const ChangeSetAnswer &set : *sets) {
            whole.append(set.failedWhole);
            for (const HttpResponse &one : set.answers)
                seen.append(one.status);
        }
        QCOMPARE(seen, statuses);
        QCOMPARE(whole, failedWhole);
    }

    void keepsHeadersAndBodies()
    {
        QString error;
        const auto sets = BatchResponse::parse(answer(kType, kOkSet + kFailedSet + kClose), {2, 1}, &error);
        QVERIFY2(sets, qPrintable(error));
        QCOMPARE(headerValue(sets->at(0).answers.at(1).headers, "etag"), QByteArray("W/\"1002\""));
        QVERIFY(sets->at(0).answers.at(0).body.isEmpty());
        QCOMPARE(sets->at(1).answers.at(0).body, QByteArray("{\"error\":{\"code\":\"0x80060882\",\"message\":\"stale\"}}"));
    }

    void refusesBrokenAnswers_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QList<int>>("layout");
        QTest::addColumn<QString>("reason"); // a word of the error

        QTest::newRow("no boundary in the type") << QByteArray("multipart/mixed") << (kOkSet + kClose) << QList<int>{2}
                                                 << "boundary";
        QTest::newRow("not multipart") << QByteArray("application/json") << QByteArray("{}") << QList<int>{2}
                                       << "multipart";
        QTest::newRow("boundary not in the body") << QByteArray("multipart/mixed; boundary=other") << (kOkSet + kClose)
                                                  << QList<int>{2} << "not in it";
        QTest::newRow("empty body") << kType << QByteArray() << QList<int>{2} << "not in it";
        QTest::newRow("truncated: no close delimiter") << kType << kOkSet << QList<int>{2} << "truncated";
        QTest::newRow("truncated mid part") << kType << kOkSet.left(kOkSet.size() - 60) << QList<int>{2}
                                            << "truncated";
        QTest::newRow("truncated inner set") << kType << (kOkSet.left(kOkSet.size() - 26) + kClose)
                                             << QList<int>{2} << "truncated";
        QTest::newRow("ends after a delimiter") << kType << QByteArray("--batchresponse_1") << QList<int>{2}
                                                << "truncated";
        QTest::newRow("status line garbage")
            << kType << (QByteArray(kOkSet).replace("HTTP/1.1 204 No Content", "HTTP/1.1 2O4 No Content") + kClose)
            << QList<int>{2} << "status line";
        QTest::newRow("status line missing")
            << kType << (QByteArray(kOkSet).replace("HTTP/1.1 204 No Content\r\nETag", "ETag") + kClose)
            << QList<int>{2} << "status line";
        QTest::newRow("status out of range")
            << kType << (QByteArray(kOkSet).replace("HTTP/1.1 204", "HTTP/1.1 999") + kClose) << QList<int>{2}
            << "status line";
        QTest::newRow("fewer sets than asked") << kType << (kOkSet + kClose) << QList<int>{2, 1} << "1 parts for 2";
        QTest::newRow("more sets than asked") << kType << (kOkSet + kFailedSet + kClose) << QList<int>{2}
                                              << "2 parts for 1";
        QTest::newRow("fewer answers in a set") << kType << (kOkSet + kClose) << QList<int>{3} << "2 answers for 3";
        QTest::newRow("a set answered by one success") << kType
                                                       << (QByteArray(kFailedSet).replace("412 Precondition Failed", "200 OK") + kClose)
                                                       << QList<int>{2} << "one answer";
        QTest::newRow("answers out of order")
            << kType << (QByteArray(kOkSet).replace("Content-ID: 1", "Content-ID: 9") + kClose) << QList<int>{2}
            << "Content-ID 9";
        QTest::newRow("part not HTTP")
            << kType << (QByteArray(kOkSet).replace("application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 2",
                                                    "text/plain\r\nContent-ID: 2") + kClose)
            << QList<int>{2} << "application/http";
        QTest::newRow("part headers never end")
            << kType << crlf("--batchresponse_1\nContent-Type: application/http\n--batchresponse_1--\n") << QList<int>{1}
            << "empty line";
        QTest::newRow("header line without a name")
            << kType << (QByteArray(kOkSet).replace("OData-Version: 4.0", ": 4.0") + kClose) << QList<int>{2}
            << "no name";
        QTest::newRow("inner set without boundary")
            << kType << (QByteArray(kOkSet).replace("boundary=changesetresponse_a", "charset=x") + kClose)
            << QList<int>{2} << "neither";
    }

    void refusesBrokenAnswers()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QList<int>, layout);
        QFETCH(QString, reason);
        QString error;
        const auto sets = BatchResponse::parse(answer(contentType, body), {layout.begin(), layout.end()}, &error);
        QVERIFY(!sets);
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    void refusesAnAnswerPastTheLimit()
    {
        QString error;
        QByteArray body = kOkSet + kClose;
        body.append(QByteArray(limits::kBatchResponseBytes, ' '));
        QVERIFY(!BatchResponse::parse(answer(kType, body), {2}, &error));
        QVERIFY2(error.contains("larger"), qPrintable(error));
    }

    void buildsWhatDataverseTakes()
    {
        BatchRequest batch(QUrl("https://org.example/api/data/v9.2/"), "x1");
        QVERIFY(batch.addChangeSet({{"PATCH", "msdyn_customerassets(1)", {{"If-Match", "W/\"5\""}}, "{\"a\":1}"},
                                    {"PATCH", "msdyn_customerassets(1)", {{"If-Match", "*"}}, "{\"b\":2}"}}));
        QVERIFY(batch.addChangeSet({{"PATCH", "msdyn_customerassets(2)", {{"If-Match", "W/\"6\""}}, "{}"}}));
        QVERIFY(!batch.addChangeSet({}));
        const HttpRequest request = batch.httpRequest();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.url.toString(), QString("https://org.example/api/data/v9.2/$batch"));
        QCOMPARE(headerValue(request.headers, "Content-Type"), QByteArray("multipart/mixed; boundary=batch_x1"));
        QCOMPARE(headerValue(request.headers, "Prefer"), QByteArray("odata.continue-on-error"));
        QCOMPARE(request.maxResponseBytes, limits::kBatchResponseBytes);
        QCOMPARE(batch.layout(), (std::vector<int>{2, 1}));

        // Read back with the same MIME reader: two change sets, three requests.
        std::vector<multipart::MimePart> sets;
        QString error;
        QVERIFY2(multipart::split(request.body, "batch_x1", &sets, &error), qPrintable(error));
        QCOMPARE(sets.size(), size_t(2));
        std::vector<multipart::MimePart> first;
        QVERIFY(multipart::split(sets[0].content,
                                 multipart::boundaryOf(headerValue(sets[0].headers, "Content-Type")), &first, &error));
        QCOMPARE(first.size(), size_t(2));
        QCOMPARE(headerValue(first[1].headers, "Content-ID"), QByteArray("2"));
        QCOMPARE(headerValue(first[1].headers, "Content-Transfer-Encoding"), QByteArray("binary"));
        QVERIFY(first[0].content.startsWith(
            "PATCH https://org.example/api/data/v9.2/msdyn_customerassets(1) HTTP/1.1\r\n"));
        QVERIFY(first[0].content.contains("\r\nIf-Match: W/\"5\"\r\n"));
        QVERIFY(first[0].content.endsWith("\r\n\r\n{\"a\":1}"));
    }

    void holdsAtMostAThousandRequests()
    {
        BatchRequest batch(QUrl("https://org.example/api/data/v9.2/"));
        for (int i = 0; i < limits::kBatchRequests / 10; ++i)
            QVERIFY(batch.addChangeSet(std::vector<BatchPart>(10, BatchPart{"PATCH", "t(1)", {}, "{}"})));
        QCOMPARE(batch.requestCount(), limits::kBatchRequests);
        QVERIFY(!batch.addChangeSet({BatchPart{"PATCH", "t(2)", {}, "{}"}}));
        QCOMPARE(batch.requestCount(), limits::kBatchRequests);
    }
};

QTEST_GUILESS_MAIN(tst_BatchResponse)
#include "tst_batchresponse.moc"
