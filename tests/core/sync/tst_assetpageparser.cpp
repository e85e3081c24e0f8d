// AssetPageParser reads a page of assets as ODataPageParser::parse followed
// by StoreColumns::assetFromRow does: the same verdict and error on every
// page of the parser's own cases, and the same assets, ETags, deleted rows
// and links on pages of every shape a row can take.
#include "../remote/pageparsercases.h"
#include "assetpagecomparison.h"
#include "sync/assetpageparser.h"
#include "sync/decodedassets.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace sl;
using namespace sl::test;

namespace {

const QUrl kRequest(QStringLiteral("https://org.crm.dynamics.com/api/data/v9.2/msdyn_customerassets?$select=msdyn_name"));

QString difference(const QByteArray &body)
{
    return differenceOf(readBothWays(body, kRequest));
}

// A row's fields, each in one of the forms a store (or a broken one) may send.
QByteArray randomRow(QRandomGenerator &random, int n)
{
    const auto pick = [&random](std::initializer_list<const char *> forms) {
        return QByteArray(*(forms.begin() + random.bounded(int(forms.size()))));
    };
    const QByteArray guid = QByteArray("0b0f4a6e-2c3d-4e5f-8a9b-") + QByteArray::number(100000000000LL + n);
    QList<QByteArray> fields;
    fields << "\"msdyn_customerassetid\":"
                  + pick({"\"GUID\"", "\"{GUID}\"", "\"GUIDU\"", "null", "\"00000000-0000-0000-0000-000000000000\"",
                          "\"not a guid\"", "7"})
                        .replace("GUIDU", guid.toUpper())
                        .replace("GUID", guid);
    fields << "\"msdyn_name\":"
                  + pick({"\"Pump \\u00e9\\u4e2d \\ud83d\\ude00\"", "\"quote \\\" back \\\\ slash\"", "\"\"", "null",
                          "12", "\"tab\\tnew\\nline\"", "\"Pumpe\""});
    fields << "\"msdyn_assettag\":" + pick({"\"AT-0001\"", "null", "\"\"", "false"});
    for (const char *lookup : {"_msdyn_account_value", "_msdyn_product_value", "_msdyn_customerassetcategory_value",
                               "_msdyn_parentasset_value"}) {
        if (random.bounded(4) == 0)
            continue; // absent
        fields << "\"" + QByteArray(lookup) + "\":" + pick({"\"1b0f4a6e-2c3d-4e5f-8a9b-1c2d3e4f5a6b\"", "null",
                                                             "\"{1B0F4A6E-2C3D-4E5F-8A9B-1C2D3E4F5A6B}\""});
        if (random.bounded(2) == 0)
            fields << "\"" + QByteArray(lookup) + "@OData.Community.Display.V1.FormattedValue\":"
                          + pick({"\"Contoso \\u00c4G\"", "null", "\"\""});
    }
    fields << "\"msdyn_latitude\":" + pick({"47.5", "-12", "1e2", "null", "\"47.5\"", "0.000001", "-0.0"});
    fields << "\"msdyn_longitude\":" + pick({"8.25", "180", "-1.5E-3", "true"});
    fields << "\"statecode\":" + pick({"0", "1", "1.0", "1.5", "3000000000", "-2", "\"1\"", "null"});
    fields << "\"modifiedon\":" + pick({"\"2024-05-01T10:00:00Z\"", "\"2025-01-02T03:04:05Z\"", "null", "\"\""});
    if (random.bounded(3) == 0)
        fields << "\"@odata.etag\":" + pick({"\"W/\\\"12\\\"\"", "\"W/\\\"99999\\\"\""});
    if (random.bounded(5) == 0)
        fields << "\"extra\":" + pick({"{\"nested\":[1,{\"a\":null}]}", "[]", "\"x\""});
    if (random.bounded(6) == 0)
        fields << "\"msdyn_name\":\"the later of two\""; // a key twice: the later counts
    std::shuffle(fields.begin(), fields.end(), random);
    return "{" + fields.join(',') + "}";
}

} // namespace

class tst_AssetPageParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every case of ODataPageParser's own table: the same verdict, and the
    // same kind of error.
    void theParsersCases_data() { addPageParserRows(); }
    void theParsersCases()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(int, rows);
        QFETCH(int, deleted);
        QFETCH(QString, nextLink);
        QFETCH(QString, deltaLink);
        QFETCH(QString, errorContains);

        ODataPage page;
        page.rowsRead = -1; // a failed parse must leave this untouched
        QString error;
        QCOMPARE(AssetPageParser::parse(body, kRequest, &page, &error), ok);
        if (!ok) {
            QVERIFY2(error.contains(errorContains), qPrintable(error));
            QCOMPARE(page.rowsRead, -1);
            return;
        }
        QVERIFY(error.isEmpty());
        QCOMPARE(page.rowsRead, rows);
        QCOMPARE(int(page.deleted.size()), deleted);
        QCOMPARE(page.nextLink.toString(QUrl::FullyEncoded), nextLink);
        QCOMPARE(page.deltaLink.toString(QUrl::FullyEncoded), deltaLink);
        QCOMPARE(difference(body), QString());
    }

    void etagsAndDeletedIds()
    {
        const QByteArray body = pageWithEtagAndDeletedRow();
        QCOMPARE(difference(body), QString());
        QCOMPARE(difference(smallValidPage()), QString());
        ODataPage page;
        QString error;
        QVERIFY(AssetPageParser::parse(body, kRequest, &page, &error));
        QCOMPARE(page.deleted.size(), size_t(1));
        QCOMPARE(page.deleted[0].id, kDeletedGuid); // lower case, no braces
    }

    // Pages of rows in every form, read both ways: the same assets.
    void rowsOfEveryShapeReadTheSame()
    {
        QRandomGenerator random(20261201);
        for (int page = 0; page < 40; ++page) {
            QList<QByteArray> rows;
            const int count = random.bounded(1, 60);
            for (int i = 0; i < count; ++i)
                rows << randomRow(random, page * 100 + i);
            if (page % 3 == 0)
                rows << "{\"@odata.context\":\"x/$deletedEntity\",\"id\":\"{0B0F4A6E-2C3D-4E5F-8A9B-1C2D3E4F5A6B}\","
                        "\"reason\":\"changed\"}";
            const QByteArray link = page % 2 ? ",\"@odata.nextLink\":\"msdyn_customerassets?$skiptoken=2\"" : "";
            const QByteArray body = "{\"@odata.context\":\"ctx\",\"value\":[" + rows.join(',') + "]" + link + "}";
            const QString why = difference(body);
            QVERIFY2(why.isEmpty(), qPrintable(why + QLatin1String(" in ") + QString::fromUtf8(body.left(2000))));
        }
    }

    // A page cut anywhere is refused whole, as by the general parser.
    void aCutPageIsRefused()
    {
        const QByteArray body = smallValidPage();
        for (qsizetype cut = 0; cut < body.size(); ++cut) {
            ODataPage page;
            QString error;
            QVERIFY(!AssetPageParser::parse(body.left(cut), kRequest, &page, &error));
            QVERIFY(!error.isEmpty());
            QVERIFY(!decodedAssetsOf(page));
        }
    }
};

QTEST_GUILESS_MAIN(tst_AssetPageParser)
#include "tst_assetpageparser.moc"
