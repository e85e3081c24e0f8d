#include "fakedataverse.h"
#include "fakesignin.h"
#include "signinloop.h"

#include "remote/curltransport.h"
#include "signin/devicecodesignin.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

using namespace sl;
using namespace sl::test;

namespace {
QStringList g_log; // every message while a test runs, to look for tokens in
void keepMessage(QtMsgType, const QMessageLogContext &, const QString &message) { g_log.append(message); }
} // namespace

// The device code flow against the fake's sign-in endpoints on loopback,
// polling on a fake clock: approval, slow_down, decline, expiry, cancel.
class tst_DeviceCodeSignIn : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeDataverse> m_server;
    std::unique_ptr<FakeSignIn> m_signIn;
    std::unique_ptr<CurlTransport> m_transport;
    std::unique_ptr<FakeClock> m_clock;

    SignInSettings settings() const
    {
        SignInSettings result;
        result.authority = m_signIn->authority();
        result.clientId = QStringLiteral("11111111-2222-3333-4444-555555555555");
        result.environment = QUrl(QStringLiteral("https://contoso.crm.dynamics.com"));
        return result;
    }

    struct Outcome
    {
        std::optional<TokenSet> tokens;
        QString failure;
        int codes = 0;
        qint64 elapsedMs = 0; // on the fake clock, from start to the end
    };

    Outcome signIn()
    {
        DeviceCodeSignIn flow(*m_transport, *m_clock, settings());
        Outcome outcome;
        bool ended = false;
        connect(&flow, &DeviceCodeSignIn::codeReady, this, [&](const DeviceCode &) { ++outcome.codes; });
        connect(&flow, &DeviceCodeSignIn::succeeded, this, [&](const TokenSet &tokens) { outcome.tokens = tokens; ended = true; });
        connect(&flow, &DeviceCodeSignIn::failed, this, [&](const QString &reason) { outcome.failure = reason; ended = true; });
        const qint64 start = m_clock->nowMs();
        flow.start();
        if (!runUntil(*m_clock, [&] { return ended; }))
            outcome.failure = QStringLiteral("never ended");
        outcome.elapsedMs = m_clock->nowMs() - start;
        return outcome;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeDataverse>();
        m_signIn = std::make_unique<FakeSignIn>(*m_server);
        QVERIFY(m_server->start());
        m_transport = std::make_unique<CurlTransport>();
        m_clock = std::make_unique<FakeClock>();
    }

    void cleanup()
    {
        m_transport.reset();
        m_signIn.reset();
        m_server.reset();
    }

    void approvedAfterThreePolls()
    {
        m_signIn->switches().approveAfterPolls = 3;
        QLoggingCategory::setFilterRules(QStringLiteral("sightline.*=true"));
        g_log.clear();
        const QtMessageHandler previous = qInstallMessageHandler(keepMessage);
        const Outcome outcome = signIn();
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());

        QVERIFY2(outcome.tokens, qPrintable(outcome.failure));
        QCOMPARE(outcome.codes, 1);
        QCOMPARE(m_signIn->polls(), 3);
        QCOMPARE(outcome.elapsedMs, 15'000); // three polls 5 s apart
        QCOMPARE(outcome.tokens->accessToken, m_signIn->lastAccessToken());
        QCOMPARE(outcome.tokens->refreshToken, m_signIn->lastRefreshToken());
        QCOMPARE(outcome.tokens->expiresInSeconds, 3600);
        // The requests are form-encoded POSTs with the client and the scope.
        const FakeDataverse::LoggedRequest &first = m_server->requests().first();
        QCOMPARE(first.method, QByteArray("POST"));
        QCOMPARE(headerValue(first.headers, "Content-Type"), QByteArray("application/x-www-form-urlencoded"));
        QVERIFY2(first.body.contains("scope=https%3A%2F%2Fcontoso.crm.dynamics.com%2Fuser_impersonation%20offline_access"),
                 first.body.constData());
        // No token and no device code in any log line.
        QVERIFY(!g_log.isEmpty());
        for (const QString &line : std::as_const(g_log)) {
            QVERIFY2(!line.contains(QString::fromLatin1(m_signIn->lastAccessToken())), qPrintable(line));
            QVERIFY2(!line.contains(QString::fromLatin1(m_signIn->lastRefreshToken())), qPrintable(line));
            QVERIFY2(!line.contains(QLatin1String("device-code-")), qPrintable(line));
        }
    }

    void slowDownAddsFiveSeconds()
    {
        m_signIn->switches().slowDownPolls = 2;
        m_signIn->switches().approveAfterPolls = 3;
        const Outcome outcome = signIn();
        QVERIFY2(outcome.tokens, qPrintable(outcome.failure));
        QCOMPARE(outcome.elapsedMs, 5'000 + 10'000 + 15'000);
    }

    void declined()
    {
        m_signIn->switches().decline = true;
        const Outcome outcome = signIn();
        QVERIFY(!outcome.tokens);
        QCOMPARE(outcome.failure, QStringLiteral("The sign-in was declined."));
        QCOMPARE(m_signIn->polls(), 1);
    }

    void expiredOnTheServer()
    {
        m_signIn->switches().expireCode = true;
        const Outcome outcome = signIn();
        QVERIFY(!outcome.tokens);
        QVERIFY2(outcome.failure.contains(QLatin1String("expired")), qPrintable(outcome.failure));
    }

    void expiredWhileWaiting()
    {
        m_signIn->switches().codeLifeSeconds = 22; // polls at 5, 10, 15, 20; 25 is past it
        const Outcome outcome = signIn();
        QVERIFY(!outcome.tokens);
        QVERIFY2(outcome.failure.contains(QLatin1String("expired")), qPrintable(outcome.failure));
        QCOMPARE(m_signIn->polls(), 4);
    }

    void approvedByTheLink()
    {
        DeviceCodeSignIn flow(*m_transport, *m_clock, settings());
        QSignalSpy code(&flow, &DeviceCodeSignIn::codeReady);
        QSignalSpy done(&flow, &DeviceCodeSignIn::succeeded);
        flow.start();
        QVERIFY(code.wait(10'000));
        QCOMPARE(code.first().first().value<DeviceCode>().userCode, m_signIn->userCode());
        QVERIFY(m_signIn->approveLink().isValid());
        m_signIn->approve();
        QVERIFY(runUntil(*m_clock, [&] { return done.count() == 1; }));
        QCOMPARE(m_signIn->polls(), 1);
    }

    void cancelStopsPolling()
    {
        DeviceCodeSignIn flow(*m_transport, *m_clock, settings());
        QSignalSpy code(&flow, &DeviceCodeSignIn::codeReady);
        QSignalSpy failed(&flow, &DeviceCodeSignIn::failed);
        flow.start();
        QVERIFY(code.wait(10'000));
        flow.cancel();
        QCOMPARE(m_clock->pendingTimers(), 0);
        m_clock->advance(60'000);
        QTest::qWait(50);
        QCOMPARE(m_signIn->polls(), 0);
        QCOMPARE(failed.count(), 0);
    }

    void unreachableAuthority()
    {
        SignInSettings nowhere = settings();
        nowhere.authority = QUrl(QStringLiteral("http://127.0.0.1:1/organizations/oauth2/v2.0"));
        DeviceCodeSignIn flow(*m_transport, *m_clock, nowhere);
        QSignalSpy failed(&flow, &DeviceCodeSignIn::failed);
        flow.start();
        QVERIFY(failed.wait(10'000));
        QVERIFY2(failed.first().first().toString().startsWith(QLatin1String("Cannot reach the sign-in service at 127.0.0.1")),
                 qPrintable(failed.first().first().toString()));
    }
};

QTEST_GUILESS_MAIN(tst_DeviceCodeSignIn)
#include "tst_devicecodesignin.moc"
