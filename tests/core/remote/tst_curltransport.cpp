#include "fakedataverse.h"
#include "remote/curltransport.h"

#include <QTcpServer>
#include <QThread>
#include <QTest>

#include <atomic>
#include <memory>

using namespace sl;
using namespace sl::test;

// CurlTransport against the fake Dataverse on loopback: the answers and
// each kind of transport error.
class tst_CurlTransport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeDataverse> m_server;

    static HttpRequest get(const QUrl &url)
    {
        HttpRequest request;
        request.url = url;
        request.headers = {{"Authorization", "Bearer test-token"}, {"Accept", "application/json"}};
        return request;
    }

    // Sends and waits (the event loop runs the in-process server).
    static HttpResponse exchange(CurlTransport &transport, const HttpRequest &request)
    {
        std::optional<HttpResponse> answer;
        transport.send(request, [&](const HttpResponse &response) { answer = response; });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 20'000))
            return {};
        return *answer;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeDataverse>();
        QVERIFY(m_server->start());
        m_server->seedAssets(3);
    }

    void getsAPage()
    {
        CurlTransport transport;
        const HttpResponse response = exchange(transport, get(m_server->serviceRoot().resolved(QUrl(QStringLiteral("msdyn_customerassets?$select=msdyn_name")))));
        QCOMPARE(response.error, TransportError::None);
        QCOMPARE(response.status, 200);
        QVERIFY(response.body.contains("Pump 00002"));
        QCOMPARE(headerValue(response.headers, "OData-Version"), QByteArray("4.0"));
        QCOMPARE(transport.pendingCount(), 0);
    }

    void sendsMethodHeadersAndBody()
    {
        CurlTransport transport;
        HttpRequest request = get(m_server->serviceRoot().resolved(QUrl(QStringLiteral("msdyn_customerassets"))));
        request.method = "POST";
        request.body = "{\"msdyn_name\":\"New\"}";
        setHeader(request.headers, "Content-Type", "application/json");
        const HttpResponse response = exchange(transport, request);
        QCOMPARE(response.status, 204);
        QVERIFY(headerValue(response.headers, "OData-EntityId").contains("msdyn_customerassets("));
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().at(0).method, QByteArray("POST"));
        QCOMPARE(m_server->requests().at(0).body, request.body);
        QCOMPARE(m_server->table().size(), 4);
    }

    void fortyRequestsThroughThreeSlotsAllAnswered()
    {
        CurlTransportOptions options;
        options.maxConcurrent = 3;
        CurlTransport transport(options);
        int answered = 0;
        int ok = 0;
        for (int i = 0; i < 40; ++i) {
            transport.send(get(m_server->serviceRoot().resolved(QUrl(QStringLiteral("msdyn_customerassets?$select=msdyn_name")))),
                           [&](const HttpResponse &response) {
                               ++answered;
                               ok += response.status == 200 ? 1 : 0;
                           });
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered, 40, 20'000);
        QCOMPARE(ok, 40);
        QCOMPARE(m_server->requests().size(), 40);
    }

    void timeoutWhenTheServerHangs()
    {
        CurlTransportOptions options;
        options.totalTimeoutMs = 300;
        CurlTransport transport(options);
        m_server->faults().hangRequests = 1;
        const HttpResponse response = exchange(transport, get(m_server->serviceRoot().resolved(QUrl(QStringLiteral("msdyn_customerassets")))));
        QCOMPARE(response.error, TransportError::Timeout);
        QCOMPARE(response.status, 0);
        QVERIFY(!response.errorDetail.isEmpty());
    }

    void cancelEndsARequestInFlight()
    {
        CurlTransport transport;
        m_server->faults().hangRequests = 1;
        std::optional<HttpResponse> answer;
        const auto id = transport.send(get(m_server->serviceRoot().resolved(QUrl(QStringLiteral("msdyn_customerassets")))),
                                       [&](const HttpResponse &response) { answer = response; });
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 1, 10'000);
        transport.cancel(id);
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10'000);
        QCOMPARE(answer->error, TransportError::Cancelled);
    }

    void refusedConnectionIsAConnectionError()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        CurlTransport transport;
        const HttpResponse response = exchange(transport, get(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port))));
        QCOMPARE(response.error, TransportError::Connection);
    }

    void cutAfterCommitIsAConnectionError()
    {
        CurlTransport transport;
        m_server->faults().cutAfterCommit = 1;
        HttpRequest request = get(m_server->serviceRoot().resolved(QUrl(QStringLiteral("msdyn_customerassets"))));
        request.method = "POST";
        request.body = "{}";
        const HttpResponse response = exchange(transport, request);
        QCOMPARE(response.error, TransportError::Connection);
        QCOMPARE(m_server->table().size(), 4); // the server did commit
    }

    void tlsToAPlainServerIsATlsError()
    {
        CurlTransport transport;
        QUrl url = m_server->serviceRoot();
        url.setScheme(QStringLiteral("https"));
        const HttpResponse response = exchange(transport, get(url));
        QCOMPARE(response.error, TransportError::Tls);
    }

    // decodeBody runs on the transport's thread, for a 2xx answer only.
    void decodesASuccessfulBodyOnItsOwnThread()
    {
        CurlTransport transport;
        auto decodedOn = std::make_shared<std::atomic<QThread *>>(nullptr);
        auto calls = std::make_shared<std::atomic<int>>(0);
        const auto decoding = [&](const QString &path) {
            HttpRequest request = get(m_server->serviceRoot().resolved(QUrl(path)));
            request.decodeBody = [decodedOn, calls](const QByteArray &body) {
                decodedOn->store(QThread::currentThread());
                ++*calls;
                return std::any(body.count("Pump"));
            };
            return request;
        };
        const HttpResponse page = exchange(transport, decoding(QStringLiteral("msdyn_customerassets?$select=msdyn_name")));
        QCOMPARE(page.status, 200);
        QVERIFY(page.decoded.has_value());
        QCOMPARE(std::any_cast<qsizetype>(page.decoded), page.body.count("Pump"));
        QCOMPARE(std::any_cast<qsizetype>(page.decoded), 3);
        QCOMPARE(calls->load(), 1);
        QVERIFY(decodedOn->load() != nullptr);
        QVERIFY(decodedOn->load() != QThread::currentThread());

        const HttpResponse missing = exchange(transport, decoding(QStringLiteral("msdyn_nosuchtable")));
        QCOMPARE(missing.status, 404);
        QVERIFY(!missing.decoded.has_value());
        QCOMPARE(calls->load(), 1);
    }

    void bodyPastTheLimitIsRefused()
    {
        m_server->seedAssets(200);
        CurlTransport transport;
        HttpRequest request = get(m_server->serviceRoot().resolved(QUrl(QStringLiteral("msdyn_customerassets"))));
        request.maxResponseBytes = 1000;
        const HttpResponse response = exchange(transport, request);
        QCOMPARE(response.error, TransportError::ResponseTooLarge);
        QVERIFY(response.body.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_CurlTransport)
#include "tst_curltransport.moc"
