#include "fakedataverse.h"
#include "fakesignin.h"
#include "signinloop.h"

#include "remote/curltransport.h"
#include "remote/requestrunner.h"
#include "signin/devicecodesignin.h"
#include "signin/secretstore.h"
#include "signin/signedintokensource.h"
#include "signin/signinlimits.h"

#include <QLoggingCategory>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;
using namespace sl::test;

namespace {
QStringList g_log; // every message while a test runs, to look for tokens in
void keepMessage(QtMsgType, const QMessageLogContext &, const QString &message) { g_log.append(message); }
} // namespace

// A signed-in user's tokens: refreshed 5 minutes before expiry and on a
// 401 (once), the refresh token kept in the SecretStore, a revoked one
// ending the sign-in with a message.
class tst_SignedInTokenSource : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeDataverse> m_server;
    std::unique_ptr<FakeSignIn> m_signIn;
    std::unique_ptr<CurlTransport> m_transport;
    std::unique_ptr<FakeClock> m_clock;
    MemorySecretStore m_secrets;

    SignInSettings settings() const
    {
        SignInSettings result;
        result.authority = m_signIn->authority();
        result.clientId = QStringLiteral("client");
        result.environment = QUrl(QStringLiteral("https://contoso.crm.dynamics.com"));
        return result;
    }

    std::optional<QByteArray> kept()
    {
        std::optional<QByteArray> secret;
        m_secrets.read(settings().secretKey(), [&](std::optional<QByteArray> value) { secret = value; });
        return secret;
    }

    // Signs in through the fake (approved at the first poll).
    TokenSet signIn()
    {
        m_signIn->switches().approveAfterPolls = 1;
        DeviceCodeSignIn flow(*m_transport, *m_clock, settings());
        std::optional<TokenSet> tokens;
        connect(&flow, &DeviceCodeSignIn::succeeded, this, [&](const TokenSet &t) { tokens = t; });
        flow.start();
        if (!runUntil(*m_clock, [&] { return tokens.has_value(); }))
            return {};
        return *tokens;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeDataverse>();
        m_signIn = std::make_unique<FakeSignIn>(*m_server);
        QVERIFY(m_server->start());
        m_server->seedAssets(2);
        m_transport = std::make_unique<CurlTransport>();
        m_clock = std::make_unique<FakeClock>();
        m_secrets = {};
    }

    void cleanup()
    {
        m_transport.reset();
        m_signIn.reset();
        m_server.reset();
    }

    void refreshesFiveMinutesBeforeExpiry()
    {
        SignedInTokenSource source(*m_transport, *m_clock, m_secrets, settings());
        const TokenSet tokens = signIn();
        QVERIFY(!tokens.accessToken.isEmpty());
        source.setTokens(tokens);
        QCOMPARE(source.accessToken(), tokens.accessToken);
        QCOMPARE(source.account(), QStringLiteral("reviewer@contoso.example"));
        QCOMPARE(kept(), std::optional<QByteArray>(tokens.refreshToken));

        QSignalSpy refreshed(&source, &SignedInTokenSource::refreshed);
        QLoggingCategory::setFilterRules(QStringLiteral("sightline.*=true"));
        g_log.clear();
        const QtMessageHandler previous = qInstallMessageHandler(keepMessage);
        const qint64 dueMs = qint64(tokens.expiresInSeconds) * 1000 - signinlimits::kRefreshAheadMs;
        m_clock->advance(dueMs - 1000);
        QTest::qWait(20);
        QCOMPARE(m_signIn->refreshes(), 0);
        m_clock->advance(1000);
        QVERIFY(refreshed.wait(10'000));
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QCOMPARE(m_signIn->refreshes(), 1);
        QVERIFY(!g_log.isEmpty()); // the refresh's request was logged, without its body
        for (const QString &line : std::as_const(g_log))
            for (const QByteArray &secret : {tokens.refreshToken, m_signIn->lastRefreshToken(), m_signIn->lastAccessToken()})
                QVERIFY2(!line.contains(QString::fromLatin1(secret)), qPrintable(line));
        QVERIFY(source.accessToken() != tokens.accessToken);
        QCOMPARE(source.accessToken(), m_signIn->lastAccessToken());
        // The new refresh token replaced the old one in the store.
        QCOMPARE(kept(), std::optional<QByteArray>(m_signIn->lastRefreshToken()));
    }

    void refreshesOnceOnA401()
    {
        SignedInTokenSource source(*m_transport, *m_clock, m_secrets, settings());
        source.setTokens(signIn());
        m_server->setAcceptedToken("a-token-the-client-does-not-have"); // the store refuses the one it has
        RequestRunner runner(*m_transport, *m_clock, source, RetryPolicy({}, [] { return 0.0; }));
        HttpRequest request;
        request.url = m_server->serviceRoot().resolved(QUrl(QStringLiteral("msdyn_customerassets?$select=msdyn_name")));
        std::optional<HttpResponse> answer;
        runner.run(request, [&](const HttpResponse &response, const RemoteError &) { answer = response; });
        QVERIFY(QTest::qWaitFor([&] { return answer.has_value(); }, 20'000)); // no time passes: no timer may fire
        QCOMPARE(answer->status, 200); // the refreshed token is the one the fake now takes
        QCOMPARE(m_signIn->refreshes(), 1);
    }

    void revokedRefreshTokenSignsOut()
    {
        SignedInTokenSource source(*m_transport, *m_clock, m_secrets, settings());
        source.setTokens(signIn());
        m_signIn->switches().refreshRevoked = true;
        QSignalSpy signedOut(&source, &SignedInTokenSource::signedOut);
        std::optional<TokenRefresh> ok;
        source.refresh([&](TokenRefresh result) { ok = result; });
        QVERIFY(QTest::qWaitFor([&] { return ok.has_value(); }, 20'000)); // no time passes: no timer may fire
        QCOMPARE(*ok, TokenRefresh::Refused);
        QCOMPARE(signedOut.count(), 1);
        QVERIFY2(signedOut.first().first().toString().contains(QLatin1String("sign in again")),
                 qPrintable(signedOut.first().first().toString()));
        QVERIFY(source.accessToken().isEmpty());
        QCOMPARE(kept(), std::nullopt); // nothing left to try next time
        QCOMPARE(m_clock->pendingTimers(), 0);
    }

    // Only the service's own refusal ends a sign-in: a server failure, a
    // 429 or a page from something on the way (a captive portal) leaves the
    // refresh token kept and the user signed in, and a later refresh works.
    void aServiceFailureKeepsTheSignIn_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("503, JSON") << 503 << QByteArray(R"({"error":"temporarily_unavailable"})");
        QTest::newRow("500, empty") << 500 << QByteArray();
        QTest::newRow("429") << 429 << QByteArray(R"({"error":"too_many_requests"})");
        QTest::newRow("captive portal, 200") << 200 << QByteArray("<html><body>Hotel Wi-Fi: log in</body></html>");
        QTest::newRow("captive portal, 302 page") << 302 << QByteArray("<html>moved</html>");
        QTest::newRow("400 that is not OAuth's") << 400 << QByteArray("<html>Bad Request</html>");
    }

    void aServiceFailureKeepsTheSignIn()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        SignedInTokenSource source(*m_transport, *m_clock, m_secrets, settings());
        const TokenSet tokens = signIn();
        source.setTokens(tokens);
        QSignalSpy signedOut(&source, &SignedInTokenSource::signedOut);
        m_signIn->switches().refreshFailStatus = status;
        m_signIn->switches().refreshFailBody = body;
        std::optional<TokenRefresh> outcome;
        source.refresh([&](TokenRefresh result) { outcome = result; });
        QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, 20'000));
        QCOMPARE(*outcome, TokenRefresh::Unavailable);
        QCOMPARE(signedOut.count(), 0);
        QCOMPARE(source.accessToken(), tokens.accessToken);
        QCOMPARE(kept(), std::optional<QByteArray>(tokens.refreshToken));
        m_signIn->switches().refreshFailStatus = 0; // the service is back
        outcome.reset();
        source.refresh([&](TokenRefresh result) { outcome = result; });
        QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, 20'000));
        QCOMPARE(*outcome, TokenRefresh::Refreshed);
    }

    void anUnreachableServiceKeepsTheSignIn()
    {
        SignInSettings unreachable = settings();
        unreachable.authority = QUrl(QStringLiteral("http://127.0.0.1:9/organizations/oauth2/v2.0")); // discard port: refused
        SignedInTokenSource source(*m_transport, *m_clock, m_secrets, unreachable);
        const TokenSet tokens = signIn();
        source.setTokens(tokens);
        QSignalSpy signedOut(&source, &SignedInTokenSource::signedOut);
        std::optional<TokenRefresh> outcome;
        source.refresh([&](TokenRefresh result) { outcome = result; });
        QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, 20'000));
        QCOMPARE(*outcome, TokenRefresh::Unavailable);
        QCOMPARE(signedOut.count(), 0);
        std::optional<QByteArray> secret;
        m_secrets.read(unreachable.secretKey(), [&](std::optional<QByteArray> value) { secret = value; });
        QCOMPARE(secret, std::optional<QByteArray>(tokens.refreshToken));
    }

    void resumesFromTheKeptRefreshToken()
    {
        {
            SignedInTokenSource first(*m_transport, *m_clock, m_secrets, settings());
            first.setTokens(signIn());
        }
        SignedInTokenSource next(*m_transport, *m_clock, m_secrets, settings());
        std::optional<TokenRefresh> ok;
        next.resume([&](TokenRefresh result) { ok = result; });
        QVERIFY(QTest::qWaitFor([&] { return ok.has_value(); }, 20'000)); // no time passes: no timer may fire
        QCOMPARE(*ok, TokenRefresh::Refreshed);
        QCOMPARE(next.accessToken(), m_signIn->lastAccessToken());
        QCOMPARE(m_signIn->polls(), 1); // no second device code sign-in
    }

    void settingsHoldNoSecret()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sightline.ini"));
        SignInSettings signedIn = settings();
        SignedInTokenSource source(*m_transport, *m_clock, m_secrets, signedIn);
        const TokenSet tokens = signIn();
        source.setTokens(tokens);
        {
            QSettings stored(path, QSettings::IniFormat);
            signedIn.save(stored);
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("contoso.crm.dynamics.com"));
        QVERIFY(!text.contains(tokens.refreshToken));
        QVERIFY(!text.contains(tokens.accessToken));
        const SignInSettings loaded = SignInSettings::load(QSettings(path, QSettings::IniFormat));
        QCOMPARE(loaded.authority, signedIn.authority);
        QCOMPARE(loaded.clientId, signedIn.clientId);
        QCOMPARE(loaded.environment, signedIn.environment);
    }

    void resumeWithoutAKeptTokenAsksForSignIn()
    {
        SignedInTokenSource source(*m_transport, *m_clock, m_secrets, settings());
        std::optional<TokenRefresh> ok;
        source.resume([&](TokenRefresh result) { ok = result; });
        QCOMPARE(ok, std::optional<TokenRefresh>(TokenRefresh::Refused));
        QCOMPARE(m_signIn->refreshes(), 0);
    }

    void concurrentRefreshesShareOneRequest()
    {
        SignedInTokenSource source(*m_transport, *m_clock, m_secrets, settings());
        source.setTokens(signIn());
        int done = 0;
        for (int i = 0; i < 3; ++i)
            source.refresh([&](TokenRefresh outcome) { done += outcome == TokenRefresh::Refreshed ? 1 : 0; });
        QVERIFY(QTest::qWaitFor([&] { return done == 3; }, 20'000)); // no time passes: no timer may fire
        QCOMPARE(m_signIn->refreshes(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_SignedInTokenSource)
#include "tst_signedintokensource.moc"
