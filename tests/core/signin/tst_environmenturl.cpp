#include "signin/environmenturl.h"

#include <QTest>

using namespace sl;

// The environment address a user types: https, or http on loopback only.
class tst_EnvironmentUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void check_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("root"); // empty: refused
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("https") << "https://contoso.crm.dynamics.com" << "https://contoso.crm.dynamics.com" << "";
        QTest::newRow("trailing slash, spaces") << "  https://contoso.crm4.dynamics.com/ " << "https://contoso.crm4.dynamics.com" << "";
        QTest::newRow("loopback http") << "http://127.0.0.1:8099" << "http://127.0.0.1:8099" << "";
        QTest::newRow("localhost http") << "http://localhost:8099/" << "http://localhost:8099" << "";
        QTest::newRow("http elsewhere") << "http://contoso.crm.dynamics.com" << "" << "https://";
        QTest::newRow("http lookalike") << "http://127.0.0.1.evil.example" << "" << "https://";
        QTest::newRow("ftp") << "ftp://contoso.example" << "" << "https://";
        QTest::newRow("no scheme") << "contoso.crm.dynamics.com" << "" << "";
        QTest::newRow("empty") << "" << "" << "Enter the environment";
        QTest::newRow("path") << "https://contoso.crm.dynamics.com/api/data/v9.2" << "" << "without a path";
        QTest::newRow("user") << "https://me:pw@contoso.crm.dynamics.com" << "" << "user name";
        QTest::newRow("query") << "https://contoso.crm.dynamics.com/?x=1" << "" << "without a path";
    }

    void check()
    {
        QFETCH(QString, text);
        QFETCH(QString, root);
        QFETCH(QString, errorPart);
        QString error;
        const std::optional<QUrl> url = EnvironmentUrl::check(text, &error);
        if (root.isEmpty()) {
            QVERIFY(!url);
            QVERIFY(!error.isEmpty());
            QVERIFY2(error.contains(errorPart), qPrintable(error));
        } else {
            QVERIFY2(url, qPrintable(error));
            QCOMPARE(url->toString(), root);
        }
    }
};

QTEST_GUILESS_MAIN(tst_EnvironmentUrl)
#include "tst_environmenturl.moc"
