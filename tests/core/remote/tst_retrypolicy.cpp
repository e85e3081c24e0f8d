#include "remote/retrypolicy.h"

#include <QTest>

using namespace sl;

namespace {

HttpResponse status(int code, const QByteArray &retryAfter = {})
{
    HttpResponse response;
    response.status = code;
    if (!retryAfter.isNull())
        response.headers.append({"Retry-After", retryAfter});
    return response;
}

HttpResponse broken(TransportError error)
{
    HttpResponse response;
    response.error = error;
    return response;
}

RetryState sent(int attempts, int busyWaits = 0, bool refreshed = false)
{
    return RetryState{attempts, busyWaits, refreshed};
}

} // namespace

Q_DECLARE_METATYPE(sl::HttpResponse)
Q_DECLARE_METATYPE(sl::RetryState)
Q_DECLARE_METATYPE(sl::RetryDecision::Action)

class tst_RetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decide_data()
    {
        using A = RetryDecision::Action;
        QTest::addColumn<HttpResponse>("response");
        QTest::addColumn<RetryState>("state");
        QTest::addColumn<A>("action");
        QTest::addColumn<qint64>("delayMs");
        QTest::addColumn<bool>("storeBusy");

        // Jitter is fixed at factor 0.5 + 0.5 * 0.5 = 0.75 (see init of the policy below).
        QTest::newRow("200 delivered") << status(200) << sent(1) << A::Deliver << qint64(0) << false;
        QTest::newRow("204 delivered") << status(204) << sent(1) << A::Deliver << qint64(0) << false;
        QTest::newRow("412 delivered") << status(412) << sent(1) << A::Deliver << qint64(0) << false;
        QTest::newRow("404 delivered") << status(404) << sent(1) << A::Deliver << qint64(0) << false;
        QTest::newRow("403 not retried") << status(403) << sent(1) << A::Deliver << qint64(0) << false;
        QTest::newRow("500 not retried") << status(500) << sent(1) << A::Deliver << qint64(0) << false;
        QTest::newRow("429 waits Retry-After") << status(429, "7") << sent(1) << A::Retry << qint64(7000) << true;
        QTest::newRow("429 Retry-After 0") << status(429, "0") << sent(1) << A::Retry << qint64(0) << true;
        QTest::newRow("429 huge Retry-After clamped") << status(429, "999999") << sent(1) << A::Retry << qint64(3'600'000) << true;
        QTest::newRow("429 without Retry-After backs off") << status(429) << sent(1) << A::Retry << qint64(750) << true;
        QTest::newRow("429 date Retry-After backs off") << status(429, "Wed, 21 Oct 2015 07:28:00 GMT") << sent(1, 2) << A::Retry << qint64(3000) << true;
        QTest::newRow("429 past the busy waits") << status(429, "1") << sent(1, 10) << A::Deliver << qint64(0) << true;
        QTest::newRow("503 first backoff") << status(503) << sent(1) << A::Retry << qint64(750) << false;
        QTest::newRow("503 third backoff") << status(503) << sent(3) << A::Retry << qint64(3000) << false;
        QTest::newRow("503 with Retry-After") << status(503, "4") << sent(1) << A::Retry << qint64(4000) << false;
        QTest::newRow("502 retried") << status(502) << sent(2) << A::Retry << qint64(1500) << false;
        QTest::newRow("504 retried") << status(504) << sent(1) << A::Retry << qint64(750) << false;
        QTest::newRow("503 after max attempts") << status(503) << sent(5) << A::Deliver << qint64(0) << false;
        QTest::newRow("connection broken") << broken(TransportError::Connection) << sent(1) << A::Retry << qint64(750) << false;
        QTest::newRow("timeout") << broken(TransportError::Timeout) << sent(4) << A::Retry << qint64(6000) << false;
        QTest::newRow("connection after max") << broken(TransportError::Connection) << sent(5) << A::Deliver << qint64(0) << false;
        QTest::newRow("tls not retried") << broken(TransportError::Tls) << sent(1) << A::Deliver << qint64(0) << false;
        QTest::newRow("cancel not retried") << broken(TransportError::Cancelled) << sent(1) << A::Deliver << qint64(0) << false;
        QTest::newRow("too large not retried") << broken(TransportError::ResponseTooLarge) << sent(1) << A::Deliver << qint64(0) << false;
        QTest::newRow("401 refreshes") << status(401) << sent(1) << A::RefreshToken << qint64(0) << false;
        QTest::newRow("401 after refresh") << status(401) << sent(2, 0, true) << A::Deliver << qint64(0) << false;
    }

    void decide()
    {
        QFETCH(HttpResponse, response);
        QFETCH(RetryState, state);
        QFETCH(RetryDecision::Action, action);
        QFETCH(qint64, delayMs);
        QFETCH(bool, storeBusy);

        const RetryPolicy policy({}, [] { return 0.5; });
        const RetryDecision decision = policy.decide(response, state);
        QCOMPARE(decision.action, action);
        QCOMPARE(decision.delayMs, delayMs);
        QCOMPARE(decision.storeBusy, storeBusy);
    }

    void backoffGrowsToTheCapWithJitter()
    {
        RetryPolicySettings settings;
        settings.baseDelayMs = 1000;
        settings.maxDelayMs = 8000;
        const RetryPolicy low(settings, [] { return 0.0; });
        const RetryPolicy high(settings, [] { return 0.999999; });
        QCOMPARE(low.backoffMs(1), qint64(500));
        QCOMPARE(low.backoffMs(2), qint64(1000));
        QCOMPARE(low.backoffMs(4), qint64(4000));
        QCOMPARE(low.backoffMs(5), qint64(4000)); // capped at 8000 before jitter
        QCOMPARE(low.backoffMs(60), qint64(4000)); // no overflow
        QVERIFY(high.backoffMs(1) >= 999 && high.backoffMs(1) < 1000);
        QVERIFY(high.backoffMs(60) >= 7999 && high.backoffMs(60) < 8000);
    }
};

QTEST_GUILESS_MAIN(tst_RetryPolicy)
#include "tst_retrypolicy.moc"
