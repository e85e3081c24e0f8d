#include "pageparsercases.h"
#include "remote/odatapageparser.h"
#include "remote/remotelimits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace sl;

using namespace sl::test;

namespace {

const QUrl kRequest(QStringLiteral("https://org.crm.dynamics.com/api/data/v9.2/msdyn_customerassets?$select=msdyn_name"));

} // namespace

class tst_ODataPageParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        addPageParserRows();
    }

    void parse()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(int, rows);
        QFETCH(int, deleted);
        QFETCH(QString, nextLink);
        QFETCH(QString, deltaLink);
        QFETCH(QString, errorContains);

        ODataPage page;
        page.rows.push_back({}); // a failed parse must leave this untouched
        QString error;
        QCOMPARE(ODataPageParser::parse(body, kRequest, &page, &error), ok);
        if (!ok) {
            QVERIFY2(error.contains(errorContains), qPrintable(error));
            QCOMPARE(page.rows.size(), size_t(1));
            return;
        }
        QVERIFY(error.isEmpty());
        QCOMPARE(int(page.rows.size()), rows);
        QCOMPARE(int(page.deleted.size()), deleted);
        QCOMPARE(page.nextLink.toString(QUrl::FullyEncoded), nextLink);
        QCOMPARE(page.deltaLink.toString(QUrl::FullyEncoded), deltaLink);
    }

    void keepsEtagsAndDeletedIds()
    {
        const QByteArray body = pageWithEtagAndDeletedRow();
        ODataPage page;
        QString error;
        QVERIFY2(ODataPageParser::parse(body, kRequest, &page, &error), qPrintable(error));
        QCOMPARE(page.rows.size(), size_t(1));
        QCOMPARE(page.rows[0].etag, QByteArray("W/\"4711\""));
        QCOMPARE(page.rows[0].values.value(QStringLiteral("msdyn_name")).toString(), QStringLiteral("Pump"));
        QCOMPARE(page.rows[0].values.value(QStringLiteral("msdyn_latitude")).toDouble(), 47.5);
        QCOMPARE(page.deleted.size(), size_t(1));
        QCOMPARE(page.deleted[0].id, kDeletedGuid); // normalised: lower case, no braces
        QCOMPARE(page.deleted[0].reason, QStringLiteral("deleted"));
    }

    // Fuzz-like: every prefix of a valid page, and pages with random bytes
    // flipped, either read whole or fail with a message; never crash, never
    // hand out part of a page.
    void nonsenseNeverReadsPartially()
    {
        const QByteArray valid = smallValidPage();
        int refused = 0;
        for (int length = 0; length < valid.size(); ++length) {
            ODataPage page;
            QString error;
            const bool ok = ODataPageParser::parse(valid.left(length), kRequest, &page, &error);
            QVERIFY2(!ok, qPrintable(QStringLiteral("prefix %1 read as a page").arg(length)));
            QVERIFY(!error.isEmpty());
            QVERIFY(page.rows.empty() && page.deleted.empty());
            ++refused;
        }
        QCOMPARE(refused, int(valid.size()));

        QRandomGenerator random(20240501);
        for (int round = 0; round < 2000; ++round) {
            QByteArray mangled = valid;
            const int flips = 1 + int(random.bounded(4));
            for (int i = 0; i < flips; ++i)
                mangled[int(random.bounded(mangled.size()))] = char(random.bounded(256));
            ODataPage page;
            QString error;
            if (ODataPageParser::parse(mangled, kRequest, &page, &error)) {
                QVERIFY(error.isEmpty());
                QVERIFY(page.rows.size() + page.deleted.size() <= 3);
            } else {
                QVERIFY(!error.isEmpty());
                QVERIFY(page.rows.empty() && page.deleted.empty());
            }
        }
    }
};

QTEST_GUILESS_MAIN(tst_ODataPageParser)
#include "tst_odatapageparser.moc"
