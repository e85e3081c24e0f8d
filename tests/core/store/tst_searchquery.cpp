#include "store/searchquery.h"

#include <QTest>

using namespace sl;

class tst_SearchQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ftsExpression_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");

        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("spaces") << QStringLiteral("   \t ") << QString();
        QTest::newRow("one word") << QStringLiteral("pump") << QStringLiteral("\"pump\"*");
        QTest::newRow("two words") << QStringLiteral("pump ch") << QStringLiteral("\"pump\"* \"ch\"*");
        QTest::newRow("user star") << QStringLiteral("pump* ch*") << QStringLiteral("\"pump*\"* \"ch*\"*");
        QTest::newRow("extra spaces")
            << QStringLiteral("  pump   ch ") << QStringLiteral("\"pump\"* \"ch\"*");
        QTest::newRow("lone quote") << QStringLiteral("\"") << QString();
        QTest::newRow("lone star") << QStringLiteral("*") << QString();
        QTest::newRow("quote inside") << QStringLiteral("a\"b") << QStringLiteral("\"a\"\"b\"*");
        QTest::newRow("near") << QStringLiteral("NEAR(") << QStringLiteral("\"NEAR(\"*");
        QTest::newRow("or operator") << QStringLiteral("a OR") << QStringLiteral("\"a\"* \"OR\"*");
        QTest::newRow("column filter") << QStringLiteral("name:x") << QStringLiteral("\"name:x\"*");
        QTest::newRow("asset tag") << QStringLiteral("AT-0042") << QStringLiteral("\"AT-0042\"*");
        QTest::newRow("punctuation only words dropped")
            << QStringLiteral("( pump )") << QStringLiteral("\"pump\"*");
        QTest::newRow("nul byte") << QStringLiteral("pu") + QChar(0) + QStringLiteral("mp")
                                  << QStringLiteral("\"pu\"* \"mp\"*");
        QTest::newRow("umlaut") << QStringLiteral("Grüße") << QStringLiteral("\"Grüße\"*");
    }

    void ftsExpression()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(SearchQuery::ftsExpression(input), expected);
    }

    void longInputIsBounded()
    {
        const QString input = QStringLiteral("word ").repeated(1000) + QString(10000, QLatin1Char('x'));
        const QString expression = SearchQuery::ftsExpression(input);
        QVERIFY(!expression.isEmpty());
        QVERIFY(expression.size() < 2000);
    }
};

QTEST_GUILESS_MAIN(tst_SearchQuery)
#include "tst_searchquery.moc"
