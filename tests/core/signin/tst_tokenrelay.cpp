#include "fakedataverse.h"
#include "fakesignin.h"
#include "signinloop.h"

#include "remote/curltransport.h"
#include "signin/devicecodesignin.h"
#include "signin/secretstore.h"
#include "signin/signedintokensource.h"
#include "signin/signinlimits.h"
#include "signin/tokenrelay.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace sl;
using namespace sl::test;

// The signed-in tokens handed to a sync on another thread: a refresh asked
// there runs on the source's thread and its outcome comes back there with
// the new token; a refresh ahead of expiry reaches the relay; a source that
// is gone refuses.
class tst_TokenRelay : public QObject
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

    void aRefreshAskedOnAnotherThreadComesBackThere()
    {
        SignedInTokenSource source(*m_transport, *m_clock, m_secrets, settings());
        const TokenSet tokens = signIn();
        QVERIFY(!tokens.accessToken.isEmpty());
        source.setTokens(tokens);
        TokenRelay relay(source);
        const TokenRelay::Factory factory = relay.factory();

        QThread sync; // stands for a SyncThread: an event loop of its own
        QObject context;
        context.moveToThread(&sync);
        sync.start();
        std::unique_ptr<TokenSource> relayed;
        QByteArray before, after;
        QThread *answeredOn = nullptr;
        std::atomic<int> outcome{-1};
        QMetaObject::invokeMethod(&context, [&] {
            relayed = factory();
            before = relayed->accessToken();
            relayed->refresh([&](TokenRefresh result) {
                after = relayed->accessToken();
                answeredOn = QThread::currentThread();
                outcome = result == TokenRefresh::Refreshed ? 1 : 0;
            });
        });
        // This thread serves the refresh (the source's transport, the fake).
        QVERIFY(runUntil(*m_clock, [&] { return outcome >= 0; }));
        QMetaObject::invokeMethod(&context, [&] { relayed.reset(); }, Qt::BlockingQueuedConnection);
        sync.quit();
        sync.wait();

        QCOMPARE(outcome.load(), 1);
        QCOMPARE(answeredOn, &sync);
        QCOMPARE(m_signIn->refreshes(), 1);
        QCOMPARE(before, tokens.accessToken);
        QVERIFY(after != before);
        QCOMPARE(after, m_signIn->lastAccessToken());
        QCOMPARE(source.accessToken(), after);
    }

    void aRefreshAheadOfExpiryReachesTheRelay()
    {
        SignedInTokenSource source(*m_transport, *m_clock, m_secrets, settings());
        const TokenSet tokens = signIn();
        source.setTokens(tokens);
        TokenRelay relay(source);
        const std::unique_ptr<TokenSource> relayed = relay.factory()();
        QCOMPARE(relayed->accessToken(), tokens.accessToken);

        QSignalSpy refreshed(&source, &SignedInTokenSource::refreshed);
        m_clock->advance(qint64(tokens.expiresInSeconds) * 1000 - signinlimits::kRefreshAheadMs);
        QVERIFY(refreshed.wait(10'000));
        QVERIFY(relayed->accessToken() != tokens.accessToken);
        QCOMPARE(relayed->accessToken(), m_signIn->lastAccessToken());
    }

    void aSourceThatIsGoneRefuses()
    {
        auto source = std::make_unique<SignedInTokenSource>(*m_transport, *m_clock, m_secrets, settings());
        source->setTokens(signIn());
        TokenRelay relay(*source);
        const TokenRelay::Factory factory = relay.factory();
        source.reset(); // signed out and replaced, say
        const std::unique_ptr<TokenSource> relayed = factory();
        std::optional<TokenRefresh> outcome;
        relayed->refresh([&](TokenRefresh result) { outcome = result; });
        QCOMPARE(outcome, std::optional<TokenRefresh>(TokenRefresh::Refused)); // at once: nothing can refresh
        QCOMPARE(m_signIn->refreshes(), 0);
    }
};

QTEST_MAIN(tst_TokenRelay)
#include "tst_tokenrelay.moc"
