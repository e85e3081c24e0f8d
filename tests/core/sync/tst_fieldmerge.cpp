#include "sync/fieldmerge.h"
#include "sync/storecolumns.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace sl;

namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

// The merge of a stale edit against the store's record, field by field, and
// the mapping between the store's columns and the outbox's field keys.
class tst_FieldMerge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void merge_data()
    {
        QTest::addColumn<QJsonObject>("base");
        QTest::addColumn<QJsonObject>("mine");
        QTest::addColumn<QJsonObject>("theirs");
        QTest::addColumn<QJsonObject>("toSend");
        QTest::addColumn<QStringList>("conflicts");
        QTest::addColumn<QJsonArray>("ours"); // earlier edits' values, one object each

        QTest::newRow("only here") << object(R"({"name":"A"})") << object(R"({"name":"B"})")
                                   << object(R"({"name":"A","assetTag":"T"})") << object(R"({"name":"B"})")
                                   << QStringList() << QJsonArray();
        QTest::newRow("other field there") << object(R"({"name":"A"})") << object(R"({"name":"B"})")
                                           << object(R"({"name":"A","assetTag":"changed"})")
                                           << object(R"({"name":"B"})") << QStringList() << QJsonArray();
        QTest::newRow("same value on both") << object(R"({"name":"A"})") << object(R"({"name":"B"})")
                                            << object(R"({"name":"B"})") << QJsonObject() << QStringList() << QJsonArray();
        QTest::newRow("both differently") << object(R"({"name":"A"})") << object(R"({"name":"B"})")
                                          << object(R"({"name":"C"})") << QJsonObject() << QStringList{"name"} << QJsonArray();
        QTest::newRow("one merges, one conflicts")
            << object(R"({"name":"A","latitude":1})") << object(R"({"name":"B","latitude":2})")
            << object(R"({"name":"C","latitude":1.0})") << object(R"({"latitude":2})") << QStringList{"name"} << QJsonArray();
        QTest::newRow("cleared reference, missing there counts as null")
            << object(R"({"account":"x"})") << object(R"({"account":null})") << object(R"({})") << QJsonObject()
            << QStringList() << QJsonArray();
        QTest::newRow("reference set there and here") << object(R"({"account":null})") << object(R"({"account":"a"})")
                                                      << object(R"({"account":"b"})") << QJsonObject()
                                                      << QStringList{"account"} << QJsonArray();
        // An earlier entry of the record wrote "B" (or started from "A");
        // this one, made after it, writes "C" from "B".
        QTest::newRow("earlier write of ours there") << object(R"({"name":"B"})") << object(R"({"name":"C"})")
                                                     << object(R"({"name":"B"})") << object(R"({"name":"C"})")
                                                     << QStringList() << QJsonArray{object(R"({"name":"B"})")};
        QTest::newRow("value before our earlier write there")
            << object(R"({"name":"B"})") << object(R"({"name":"C"})") << object(R"({"name":"A"})")
            << object(R"({"name":"C"})") << QStringList() << QJsonArray{object(R"({"name":"A"})")};
        QTest::newRow("somebody else's value there") << object(R"({"name":"B"})") << object(R"({"name":"C"})")
                                                     << object(R"({"name":"X"})") << QJsonObject()
                                                     << QStringList{"name"}
                                                     << QJsonArray{object(R"({"name":"A"})"), object(R"({"name":"B"})")};
        QTest::newRow("ours of another field do not count")
            << object(R"({"name":"B"})") << object(R"({"name":"C"})") << object(R"({"name":"X"})") << QJsonObject()
            << QStringList{"name"} << QJsonArray{object(R"({"assetTag":"X"})")};
    }

    void merge()
    {
        QFETCH(QJsonObject, base);
        QFETCH(QJsonObject, mine);
        QFETCH(QJsonObject, theirs);
        QFETCH(QJsonObject, toSend);
        QFETCH(QStringList, conflicts);
        QFETCH(QJsonArray, ours);
        std::vector<QJsonObject> earlier;
        for (const QJsonValue &values : ours)
            earlier.push_back(values.toObject());
        const FieldMergeResult result = FieldMerge::merge(base, mine, theirs, earlier);
        QCOMPARE(result.toSend, toSend);
        QStringList fields;
        for (const FieldConflict &conflict : result.conflicts) {
            fields.append(conflict.field);
            QCOMPARE(conflict.mine, mine.value(conflict.field));
            QCOMPARE(conflict.theirs, theirs.value(conflict.field));
        }
        QCOMPARE(fields, conflicts);
    }

    void writeBodyBindsLookupsThroughNavigationProperties()
    {
        const QJsonObject body = StoreColumns::assetWriteBody(
            object(R"({"name":"N","account":"0b9e3b1c-6c55-4f7e-8d43-2a1c7f0e9d11","category":null,"stateCode":1})"));
        QCOMPARE(body.value("msdyn_name").toString(), QString("N"));
        QCOMPARE(body.value("statecode").toInt(), 1);
        QCOMPARE(body.value("msdyn_account@odata.bind").toString(),
                 QString("/accounts(0b9e3b1c-6c55-4f7e-8d43-2a1c7f0e9d11)"));
        QVERIFY(body.contains("msdyn_CustomerAssetCategory@odata.bind"));
        QVERIFY(body.value("msdyn_CustomerAssetCategory@odata.bind").isNull());
        QCOMPARE(body.size(), 4);
    }

    void rowReadsIntoFieldValues()
    {
        const QJsonObject values = StoreColumns::assetFieldValues(object(
            R"({"msdyn_customerassetid":"{0B9E3B1C-6C55-4F7E-8D43-2A1C7F0E9D11}","msdyn_name":"P","msdyn_latitude":47.5,
                "_msdyn_product_value":"0b9e3b1c-6c55-4f7e-8d43-2a1c7f0e9d12","statecode":1})"));
        QCOMPARE(values.value("name").toString(), QString("P"));
        QCOMPARE(values.value("latitude").toDouble(), 47.5);
        QCOMPARE(values.value("product").toString(), QString("0b9e3b1c-6c55-4f7e-8d43-2a1c7f0e9d12"));
        QVERIFY(values.value("account").isNull());
        QCOMPARE(values.value("stateCode").toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_FieldMerge)
#include "tst_fieldmerge.moc"
