#include "fakedataverse.h"
#include "programrun.h"
#include "fakesignin.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace sl::test;

// `sightline-cli signin` and `signout` through the real executable, against
// the fake sign-in endpoints served by this process: the command line's
// errors, the code and the link on stderr, and, with no keychain service
// here (the session bus is taken away, so this runs the same everywhere),
// the clear message that the sign-in cannot be kept and that sync needs
// SIGHTLINE_TOKEN.
class tst_CliSignIn : public QObject
{
    Q_OBJECT

    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };

    // Runs the CLI while this thread's event loop keeps serving the fake.
    Run cli(const QStringList &arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("SIGHTLINE_TOKEN"));
        environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path()); // its settings stay here
        const CliRun ran = runProgramServing(QStringLiteral(SIGHTLINE_CLI_PATH), arguments, environment, 60'000);
        return {ran.exitCode, ran.out, ran.err};
    }

    QString environmentUrl() const { return m_server.serviceRoot().resolved(QUrl(QStringLiteral("/"))).toString(); }

    QTemporaryDir m_config;
    FakeDataverse m_server;
    FakeSignIn m_signIn{m_server};

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        QVERIFY(m_server.start());
        m_server.seedLookups(1, 1, 1);
        m_server.seedAssets(3);
        m_signIn.switches().intervalSeconds = 1;
    }

    void badCommandLines_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("signin without --url") << QStringList{"signin"} << "signin needs --url URL";
        QTest::newRow("signin, ftp") << QStringList{"signin", "--url", "ftp://contoso.example"} << "--url: ";
        QTest::newRow("signin, http off this machine")
            << QStringList{"signin", "--url", "http://contoso.crm.dynamics.com"} << "must start with https://";
        QTest::newRow("signin, a path") << QStringList{"signin", "--url", "https://contoso.crm.dynamics.com/api/data"}
                                        << "without a path";
        QTest::newRow("signin, bad authority")
            << QStringList{"signin", "--url", "https://contoso.crm.dynamics.com", "--authority", "http://login.example"}
            << "--authority: ";
        QTest::newRow("signin, an argument")
            << QStringList{"signin", "extra", "--url", "https://contoso.crm.dynamics.com"} << "no arguments";
        QTest::newRow("signout without --url") << QStringList{"signout"} << "signout needs --url URL";
    }

    void badCommandLines()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run run = cli(arguments);
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1); // one line
        QVERIFY(run.out.isEmpty());
    }

    void signInShowsTheCodeAndSaysNoKeychainKeepsIt()
    {
        m_signIn.switches() = {};
        m_signIn.switches().intervalSeconds = 1;
        m_signIn.switches().approveAfterPolls = 1;
        const int polls = m_signIn.polls();
        const Run run = cli({"signin", "--url", environmentUrl(), "--authority", m_signIn.authority().toString()});
        QCOMPARE(m_signIn.polls(), polls + 1);
        QVERIFY2(run.err.contains(m_signIn.userCode()), qPrintable(run.err));
        QVERIFY2(run.err.contains("To sign in, open http://127.0.0.1:"), qPrintable(run.err));
        // Signed in, but nothing can keep it here: say so, and what to use instead.
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains("signed in as reviewer@contoso.example, but no keychain runs here"), qPrintable(run.err));
        QVERIFY2(run.err.contains("set SIGHTLINE_TOKEN"), qPrintable(run.err));
        QVERIFY(!run.err.contains(QString::fromLatin1(m_signIn.lastRefreshToken()))); // never shown
        QVERIFY(!run.err.contains(QString::fromLatin1(m_signIn.lastAccessToken())));
        QVERIFY(run.out.isEmpty());
    }

    void aDeclinedSignInSaysSo()
    {
        m_signIn.switches() = {};
        m_signIn.switches().intervalSeconds = 1;
        m_signIn.switches().decline = true;
        const Run run = cli({"signin", "--url", environmentUrl(), "--authority", m_signIn.authority().toString()});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.endsWith("The sign-in was declined.\n"), qPrintable(run.err));
    }

    void syncWithoutATokenOrAKeptSignInSaysWhatToDo()
    {
        QTemporaryDir dir;
        const Run run = cli({"sync", "--url", environmentUrl(), "--workspace", dir.path()});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains("no sign-in is kept here: no keychain runs: run sightline-cli signin --url "
                                  + environmentUrl().chopped(1)),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains("or set SIGHTLINE_TOKEN"), qPrintable(run.err));
        QCOMPARE(m_server.countRequests("GET"), 0); // nothing was asked of the store
    }

    void signOutWithoutAKeychainHasNothingToForget()
    {
        const Run run = cli({"signout", "--url", environmentUrl()});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.startsWith("No keychain runs here, so no sign-in was kept for 127.0.0.1:"), qPrintable(run.out));
    }
};

QTEST_MAIN(tst_CliSignIn)
#include "tst_cli_signin.moc"
