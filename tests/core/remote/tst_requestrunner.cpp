#include "fakeclock.h"
#include "faketokensource.h"
#include "scriptedtransport.h"
#include "remote/pagedreadjob.h"
#include "remote/requestrunner.h"

#include <QSignalSpy>
#include <QTest>

using namespace sl;
using namespace sl::test;

// The runner with a scripted transport and the fake clock: the retry rules
// as they play out over time, without sleeping.
class tst_RequestRunner : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ScriptedTransport> m_transport;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<FakeTokenSource> m_tokens;
    std::unique_ptr<RequestRunner> m_runner;
    int m_done = 0;
    HttpResponse m_response;
    RemoteError m_error;

    void runGet()
    {
        HttpRequest request;
        request.url = QUrl(QStringLiteral("https://org.example/api/data/v9.2/msdyn_customerassets"));
        m_runner->run(request, [this](const HttpResponse &response, const RemoteError &error) {
            ++m_done;
            m_response = response;
            m_error = error;
        });
    }
    // Lets the scripted transport deliver what is due.
    void settle() { QCoreApplication::processEvents(); QCoreApplication::processEvents(); }

private Q_SLOTS:
    void init()
    {
        m_transport = std::make_unique<ScriptedTransport>();
        m_clock = std::make_unique<FakeClock>();
        m_tokens = std::make_unique<FakeTokenSource>();
        m_runner = std::make_unique<RequestRunner>(*m_transport, *m_clock, *m_tokens,
                                                   RetryPolicy({}, [] { return 0.0; }));
        m_done = 0;
        m_response = {};
        m_error = {};
    }

    void sendsTheODataHeadersAndToken()
    {
        m_transport->answerStatus(200, "{}");
        runGet();
        settle();
        QCOMPARE(m_done, 1);
        QVERIFY(!m_error.isError());
        const HttpHeaders &headers = m_transport->sent().at(0).headers;
        QCOMPARE(headerValue(headers, "Accept"), QByteArray("application/json"));
        QCOMPARE(headerValue(headers, "OData-MaxVersion"), QByteArray("4.0"));
        QCOMPARE(headerValue(headers, "OData-Version"), QByteArray("4.0"));
        QCOMPARE(headerValue(headers, "Authorization"), QByteArray("Bearer test-token"));
        QVERIFY(!hasHeader(headers, "Content-Type")); // no body
    }

    void waitsRetryAfterOn429AndSaysStoreBusy()
    {
        QSignalSpy busy(m_runner.get(), &RequestRunner::storeBusy);
        m_transport->answerStatus(429, {}, {{"Retry-After", "7"}});
        m_transport->answerStatus(200, "{}");
        runGet();
        settle();
        QCOMPARE(busy.count(), 1);
        QCOMPARE(busy.at(0).at(0).toInt(), 7);
        QCOMPARE(m_transport->sent().size(), 1);
        QCOMPARE(m_clock->nextDueInMs(), qint64(7000));

        m_clock->advance(6999);
        settle();
        QCOMPARE(m_transport->sent().size(), 1); // not a millisecond early
        m_clock->advance(1);
        settle();
        QCOMPARE(m_transport->sent().size(), 2);
        QCOMPARE(m_done, 1);
        QCOMPARE(m_response.status, 200);
        QVERIFY(!m_error.isError());
    }

    void backsOffOn503ThenSucceeds()
    {
        m_transport->answerStatus(503);
        m_transport->answerError(TransportError::Connection);
        m_transport->answerStatus(204);
        runGet();
        settle();
        // Jitter factor 0.5: 500 ms, then 1000 ms.
        QCOMPARE(m_clock->nextDueInMs(), qint64(500));
        m_clock->advance(500);
        settle();
        QCOMPARE(m_transport->sent().size(), 2);
        QCOMPARE(m_clock->nextDueInMs(), qint64(1000));
        m_clock->advance(1000);
        settle();
        QCOMPARE(m_transport->sent().size(), 3);
        QCOMPARE(m_done, 1);
        QCOMPARE(m_response.status, 204);
    }

    void givesUpAfterMaxAttempts()
    {
        for (int i = 0; i < 5; ++i)
            m_transport->answerStatus(503);
        runGet();
        for (int i = 0; i < 10 && m_done == 0; ++i) {
            settle();
            m_clock->advance(60'000);
        }
        QCOMPARE(m_transport->sent().size(), 5);
        QCOMPARE(m_done, 1);
        QCOMPARE(m_error.kind, RemoteError::Kind::Unavailable);
        QVERIFY(m_error.message.contains(QLatin1String("503")));
    }

    void refreshesTheTokenOnceOn401()
    {
        m_transport->answerStatus(401);
        m_transport->answerStatus(200, "{}");
        runGet();
        settle();
        settle();
        QCOMPARE(m_tokens->refreshes, 1);
        QCOMPARE(m_transport->sent().size(), 2);
        QCOMPARE(headerValue(m_transport->sent().at(1).headers, "Authorization"), QByteArray("Bearer test-token-2"));
        QCOMPARE(m_done, 1);
        QVERIFY(!m_error.isError());
    }

    void asksToSignInAgainAfterASecond401()
    {
        m_transport->answerStatus(401);
        m_transport->answerStatus(401);
        runGet();
        settle();
        settle();
        QCOMPARE(m_tokens->refreshes, 1);
        QCOMPARE(m_transport->sent().size(), 2);
        QCOMPARE(m_done, 1);
        QCOMPARE(m_error.kind, RemoteError::Kind::SignInAgain);
        QVERIFY(m_error.message.contains(QLatin1String("sign in again")));
    }

    void failedRefreshAsksToSignIn()
    {
        m_tokens->refreshWorks = false;
        m_transport->answerStatus(401);
        runGet();
        settle();
        QCOMPARE(m_transport->sent().size(), 1);
        QCOMPARE(m_error.kind, RemoteError::Kind::SignInAgain);
    }

    void forbiddenNamesTheRoleAndIsNotRetried()
    {
        m_transport->answerStatus(403, "{\"error\":{\"code\":\"0x80040220\",\"message\":\"Principal user is missing prvReadmsdyn_customerasset privilege.\"}}");
        runGet();
        settle();
        QCOMPARE(m_transport->sent().size(), 1);
        QCOMPARE(m_clock->pendingTimers(), 0);
        QCOMPARE(m_error.kind, RemoteError::Kind::MissingRole);
        QCOMPARE(m_error.serverCode, QStringLiteral("0x80040220"));
        QVERIFY(m_error.message.contains(QLatin1String("Remote Assist - App User")));
    }

    void cancelDuringAWaitStopsIt()
    {
        m_transport->answerStatus(429, {}, {{"Retry-After", "30"}});
        HttpRequest request;
        request.url = QUrl(QStringLiteral("https://org.example/x"));
        const auto id = m_runner->run(request, [this](const HttpResponse &, const RemoteError &error) {
            ++m_done;
            m_error = error;
        });
        settle();
        QCOMPARE(m_clock->pendingTimers(), 1);
        m_runner->cancel(id);
        QCOMPARE(m_done, 1);
        QCOMPARE(m_error.kind, RemoteError::Kind::Cancelled);
        QCOMPARE(m_clock->pendingTimers(), 0);
        m_clock->advance(60'000);
        settle();
        QCOMPARE(m_transport->sent().size(), 1);
        QCOMPARE(m_done, 1);
    }

    // A paged read asks for the next page before it hands the current one
    // over, so the transport fetches it while the receiver stores the page;
    // a receiver that cancels then cancels that request too.
    void pagedReadFetchesTheNextPageWhileThisOneIsHandled()
    {
        const QByteArray page = "{\"value\":[{\"id\":1}],\"@odata.nextLink\":\"https://o.example/api/data/v9.2/a?p=";
        m_transport->answerStatus(200, page + "2\"}");
        m_transport->answerStatus(200, page + "3\"}");
        PagedReadJob job(*m_runner, QUrl("https://o.example/api/data/v9.2/a"), 1);
        QList<int> sentAtHandover;
        connect(&job, &PagedReadJob::pageReady, this, [&](const ODataPage &) {
            sentAtHandover.append(int(m_transport->sent().size()));
            if (sentAtHandover.size() == 2)
                job.cancel();
        });
        QSignalSpy finished(&job, &PagedReadJob::finished);
        job.start();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(sentAtHandover, (QList<int>{2, 3}));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(job.error().kind, RemoteError::Kind::Cancelled);
        // The transport hears of the cancel by a queued call (as curl's
        // worker thread would): the prefetched request goes unanswered.
        QTRY_COMPARE(m_transport->unanswered(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_RequestRunner)
#include "tst_requestrunner.moc"
