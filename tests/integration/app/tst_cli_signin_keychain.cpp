#include "fakedataverse.h"
#include "programrun.h"
#include "fakesignin.h"
#include "secretservicesession.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHttpServerRequest>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace sl::test;

namespace {

// The fake store, telling the test of each request before it answers it, so
// that a test can change the store's state at an exact request.
class WatchedStore : public FakeDataverse
{
public:
    std::function<void(const QHttpServerRequest &)> beforeEachRequest;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        if (beforeEachRequest)
            beforeEachRequest(request);
        return FakeDataverse::handleRequest(request, socket);
    }
};

// A sync's last read: the attachments, pulled after every other table.
bool isLastRead(const QHttpServerRequest &request)
{
    return request.method() == QHttpServerRequest::Method::Get
           && request.url().path().endsWith(QLatin1String(FakeDataverse::kAttachments));
}

} // namespace

// `sightline-cli signin`, `sync` and `signout` through the real executable
// with a real keychain: gnome-keyring on a private session bus. The refresh
// token goes to the keychain only (found there with secret-tool, in no file),
// a later process syncs with it and no SIGHTLINE_TOKEN, and signout removes it.
class tst_CliSignInKeychain : public QObject
{
    Q_OBJECT

    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };

    // Runs the CLI inside the keychain session while this thread's event
    // loop keeps serving the fake (and calls `whileRunning` now and then).
    Run cli(const QStringList &arguments, const std::function<void()> &whileRunning = {})
    {
        QProcessEnvironment environment = m_session.environment(); // its HOME and XDG folders, its bus
        environment.remove(QStringLiteral("SIGHTLINE_TOKEN"));
        const CliRun ran = runProgramServing(QStringLiteral(SIGHTLINE_CLI_PATH), arguments, environment, 60'000, whileRunning);
        return {ran.exitCode, ran.out, ran.err};
    }

    QString environmentUrl() const { return m_server.serviceRoot().resolved(QUrl(QStringLiteral("/"))).toString(); }

    // The refresh token the keychain holds for sightline-cli (QtKeychain
    // keeps binary data base64-encoded), as libsecret's secret-tool finds it.
    QByteArray keptRefreshToken() const
    {
        const CliRun lookup = m_session.secretTool({"lookup", "server", "Sightline", "type", "base64"});
        return lookup.exitCode == 0 ? QByteArray::fromBase64(lookup.out.trimmed().toLatin1()) : QByteArray();
    }

    // Every file this test's processes could have written: the session's
    // HOME, XDG and runtime folders (settings included) and the workspace.
    QStringList filesHoldingAny(const QByteArrayList &tokens) const
    {
        QByteArrayList forms;
        for (const QByteArray &token : tokens)
            forms << token << token.toBase64();
        return filesHolding(m_session.rootPath(), forms) + filesHolding(m_workspace.path(), forms);
    }

    SecretServiceSession m_session;
    QTemporaryDir m_workspace;
    WatchedStore m_server;
    FakeSignIn m_signIn{m_server};
    QByteArrayList m_issuedRefreshTokens;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_workspace.isValid());
        QString error;
        if (!m_session.start(&error))
            QSKIP(qPrintable(QStringLiteral("no Secret Service can run here: ") + error));
        QVERIFY(m_server.start());
        m_server.seedLookups(1, 1, 1);
        m_server.seedAssets(3);
        m_signIn.switches().intervalSeconds = 1;
        m_signIn.switches().approveAfterPolls = 1;
    }

    void cleanupTestCase()
    {
        const QStringList left = m_session.stop(); // none left behind
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
    }

    void signInKeepsTheRefreshTokenInTheKeychain()
    {
        const Run run = cli({"signin", "--url", environmentUrl(), "--authority", m_signIn.authority().toString()});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.startsWith("Signed in to 127.0.0.1:"), qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains("as reviewer@contoso.example"), qPrintable(run.out));
        QVERIFY2(!run.err.contains("No keychain"), qPrintable(run.err));
        const QByteArray refreshToken = m_signIn.lastRefreshToken();
        QVERIFY(!refreshToken.isEmpty());
        m_issuedRefreshTokens << refreshToken;
        QCOMPARE(keptRefreshToken(), refreshToken);
        QVERIFY(!run.err.contains(QString::fromLatin1(refreshToken)));
        const QStringList holding = filesHoldingAny(m_issuedRefreshTokens);
        QVERIFY2(holding.isEmpty(), qPrintable(holding.join(QLatin1Char(' '))));
    }

    // A new process, no SIGHTLINE_TOKEN: the kept refresh token gets an
    // access token, the store takes it. The service answers each refresh
    // with a new refresh token (and takes only the newest): the keychain
    // must hold that one when the process ends, or the next sync fails.
    void laterSyncsUseTheKeptSignIn()
    {
        for (int sync = 1; sync <= 2; ++sync) {
            const int refreshes = m_signIn.refreshes();
            const int reads = m_server.countRequests("GET");
            const Run run = cli({"sync", "--url", environmentUrl(), "--workspace", m_workspace.path()});
            QVERIFY2(run.code == 0, qPrintable(QStringLiteral("sync %1: %2").arg(sync).arg(run.err)));
            QCOMPARE(m_signIn.refreshes(), refreshes + 1);
            QVERIFY(m_server.countRequests("GET") > reads);
            m_issuedRefreshTokens << m_signIn.lastRefreshToken();
            QCOMPARE(keptRefreshToken(), m_signIn.lastRefreshToken());
        }
        const QStringList holding = filesHoldingAny(m_issuedRefreshTokens);
        QVERIFY2(holding.isEmpty(), qPrintable(holding.join(QLatin1Char(' '))));
    }

    // The refresh at the start of a sync gets a new refresh token; a sync
    // that ends at once (the store refuses its first request) must still
    // leave that one in the keychain, or the next run is signed out.
    void aSyncThatEndsAtOnceStillKeepsTheNewRefreshToken()
    {
        const int refreshes = m_signIn.refreshes();
        m_server.faults().nextAnswers = {{403, -1}};
        const Run failed = cli({"sync", "--url", environmentUrl(), "--workspace", m_workspace.path()});
        QCOMPARE(failed.code, 1);
        QCOMPARE(m_signIn.refreshes(), refreshes + 1);
        m_issuedRefreshTokens << m_signIn.lastRefreshToken();
        QCOMPARE(keptRefreshToken(), m_signIn.lastRefreshToken());

        const Run next = cli({"sync", "--url", environmentUrl(), "--workspace", m_workspace.path()});
        QVERIFY2(next.code == 0, qPrintable(next.err));
        m_issuedRefreshTokens << m_signIn.lastRefreshToken();
        QCOMPARE(keptRefreshToken(), m_signIn.lastRefreshToken());
    }

    // The access token ends at the sync's last read: the 401 gets a refresh
    // (and a new refresh token) right before the process ends.
    void aRefreshAtTheEndOfASyncIsKept()
    {
        const int refreshes = m_signIn.refreshes();
        bool expired = false;
        m_server.beforeEachRequest = [&](const QHttpServerRequest &request) {
            if (!expired && isLastRead(request)) {
                m_server.setAcceptedToken("ended"); // this read answers 401
                expired = true;
            }
        };
        const Run run = cli({"sync", "--url", environmentUrl(), "--workspace", m_workspace.path()});
        m_server.beforeEachRequest = nullptr;
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(expired);
        QCOMPARE(m_signIn.refreshes(), refreshes + 2); // the one at the start and the one after the 401
        m_issuedRefreshTokens << m_signIn.lastRefreshToken();
        QCOMPARE(keptRefreshToken(), m_signIn.lastRefreshToken());
    }

    // The same with a keychain slow to answer: the daemon is stopped from the
    // 401 on, for 1.5 s. The command waits for the keychain's answer before
    // it ends (a backend that had not sent the secret yet would lose it
    // otherwise), and the service keeps the new refresh token.
    void aKeychainSlowToAnswerStillGetsTheLastRefreshToken()
    {
        QElapsedTimer paused;
        m_server.beforeEachRequest = [&](const QHttpServerRequest &request) {
            if (!paused.isValid() && isLastRead(request)) {
                m_server.setAcceptedToken("ended");
                m_session.pauseKeyring(true);
                paused.start();
            }
        };
        const Run run = cli({"sync", "--url", environmentUrl(), "--workspace", m_workspace.path()}, [&] {
            if (paused.isValid() && paused.elapsed() > 1'500)
                m_session.pauseKeyring(false);
        });
        const qint64 endedAfterMs = paused.isValid() ? paused.elapsed() : -1;
        m_server.beforeEachRequest = nullptr;
        m_session.pauseKeyring(false);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(paused.isValid());
        QVERIFY2(endedAfterMs >= 1'500, qPrintable(QStringLiteral("ended %1 ms into the pause").arg(endedAfterMs)));
        m_issuedRefreshTokens << m_signIn.lastRefreshToken();
        QCOMPARE(keptRefreshToken(), m_signIn.lastRefreshToken());
    }

    void signOutRemovesItFromTheKeychain()
    {
        const Run run = cli({"signout", "--url", environmentUrl()});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.startsWith("Signed out of 127.0.0.1:"), qPrintable(run.out + run.err));
        QString error;
        QCOMPARE(m_session.itemPaths({{"server", "Sightline"}}, &error), QStringList());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(keptRefreshToken(), QByteArray());

        const int reads = m_server.countRequests("GET");
        const Run sync = cli({"sync", "--url", environmentUrl(), "--workspace", m_workspace.path()});
        QCOMPARE(sync.code, 1);
        QVERIFY2(sync.err.contains("not signed in to 127.0.0.1:"), qPrintable(sync.err));
        QCOMPARE(m_server.countRequests("GET"), reads);

        // Signing out again, with nothing kept: the open keychain's answer is
        // checked with a write to the same key, whose placeholder does not
        // stay.
        const Run again = cli({"signout", "--url", environmentUrl()});
        QCOMPARE(again.code, 0);
        QVERIFY2(again.out.startsWith("Signed out of 127.0.0.1:"), qPrintable(again.out + again.err));
        QCOMPARE(m_session.itemPaths({{"server", "Sightline"}}, &error), QStringList());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // Last: the collection stays locked (an unlock needs a prompt, and none
    // can show here; a person who dismisses it gets the same).
    void aLockedKeyring()
    {
        const Run in = cli({"signin", "--url", environmentUrl(), "--authority", m_signIn.authority().toString()});
        QCOMPARE(in.code, 0);
        const QByteArray kept = keptRefreshToken();
        QCOMPARE(kept, m_signIn.lastRefreshToken());
        QString error;
        QVERIFY2(m_session.lockDefaultCollection(&error), qPrintable(error));

        // QtKeychain's libsecret backend answers a read of a locked item as
        // "not found": sync cannot tell a locked keychain from no sign-in.
        const Run sync = cli({"sync", "--url", environmentUrl(), "--workspace", m_workspace.path()});
        QCOMPARE(sync.code, 1);
        QVERIFY2(sync.err.contains("not signed in to 127.0.0.1:"), qPrintable(sync.err));

        // A new sign-in is refused by the locked keychain, and says so.
        const Run refused = cli({"signin", "--url", environmentUrl(), "--authority", m_signIn.authority().toString()});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains("signed in as reviewer@contoso.example, but the keychain refused to keep the "
                                      "sign-in (is it locked?)"),
                 qPrintable(refused.err));
        QVERIFY2(refused.err.contains("Unlock the keychain and sign in again, or for sync set SIGHTLINE_TOKEN"),
                 qPrintable(refused.err));
        QVERIFY(!refused.err.contains("no keychain runs here"));
        m_issuedRefreshTokens << m_signIn.lastRefreshToken();
        const QStringList holding = filesHoldingAny(m_issuedRefreshTokens);
        QVERIFY2(holding.isEmpty(), qPrintable(holding.join(QLatin1Char(' '))));

        // Signing out cannot reach the locked item either (QtKeychain answers
        // its removal as done), and says so instead of "Signed out": the
        // refresh token is still kept.
        const Run out = cli({"signout", "--url", environmentUrl()});
        QVERIFY2(out.code == 1, qPrintable(out.out + out.err));
        QVERIFY2(!out.out.contains("Signed out of"), qPrintable(out.out));
        QVERIFY2(out.err.contains("the keychain refused to remove the sign-in kept for 127.0.0.1:"), qPrintable(out.err));
        QVERIFY2(out.err.contains("Unlock the keychain and sign out again"), qPrintable(out.err));
        QCOMPARE(m_session.itemPaths({{"server", "Sightline"}}, &error).size(), 1);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
};

QTEST_MAIN(tst_CliSignInKeychain)
#include "tst_cli_signin_keychain.moc"
