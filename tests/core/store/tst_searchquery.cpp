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

    void terms_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("empty") << QString() << QStringList();
        QTest::newRow("words") << QStringLiteral(" pump  ch ") << QStringList{QStringLiteral("pump"), QStringLiteral("ch")};
        QTest::newRow("tag kept whole") << QStringLiteral("AT-001002") << QStringList{QStringLiteral("AT-001002")};
        QTest::newRow("punctuation dropped") << QStringLiteral("( 1.1 )") << QStringList{QStringLiteral("1.1")};
        QTest::newRow("quote kept") << QStringLiteral("a\"b") << QStringList{QStringLiteral("a\"b")};
        QTest::newRow("control splits") << QStringLiteral("pu") + QChar(0) + QStringLiteral("mp")
                                        << QStringList{QStringLiteral("pu"), QStringLiteral("mp")};
    }

    void terms()
    {
        QFETCH(QString, input);
        QFETCH(QStringList, expected);
        QCOMPARE(SearchQuery::terms(input), expected);
    }

    void substringPhrase_data()
    {
        QTest::addColumn<QString>("term");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fragment") << QStringLiteral("01002") << QStringLiteral("\"01002\"");
        QTest::newRow("three characters") << QStringLiteral("1.1") << QStringLiteral("\"1.1\"");
        QTest::newRow("too short for trigrams") << QStringLiteral("02") << QString();
        QTest::newRow("quote escaped") << QStringLiteral("a\"b") << QStringLiteral("\"a\"\"b\"");
        QTest::newRow("two characters, one outside the BMP") << QString::fromUcs4(U"a\U0001F600") << QString();
    }

    void substringPhrase()
    {
        QFETCH(QString, term);
        QFETCH(QString, expected);
        QCOMPARE(SearchQuery::substringPhrase(term), expected);
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
