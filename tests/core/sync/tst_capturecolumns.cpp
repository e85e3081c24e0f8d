#include "sync/capturecolumns.h"

#include <QJsonDocument>
#include <QTest>

using namespace sl;

namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

// The mapping between a capture's outbox fields and its attachment's columns
// on the asset store: the review status key and the store's choice value.
class tst_CaptureColumns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reviewStatus_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("choice");
        QTest::newRow("new") << "new" << 100000000;
        QTest::newRow("approved") << "approved" << 100000001;
        QTest::newRow("rejected") << "rejected" << 100000002;
        QTest::newRow("needs follow-up") << "needs-follow-up" << 100000003;
    }

    void reviewStatus()
    {
        QFETCH(QString, key);
        QFETCH(int, choice);
        QCOMPARE(CaptureColumns::reviewStatusChoice(key), std::optional<int>(choice));
        QCOMPARE(CaptureColumns::reviewStatusKey(choice), key);
    }

    void unknownStatusMapsToNothing()
    {
        QCOMPARE(CaptureColumns::reviewStatusChoice("done"), std::nullopt);
        QCOMPARE(CaptureColumns::reviewStatusChoice(""), std::nullopt);
        QCOMPARE(CaptureColumns::reviewStatusKey(700610000), QString());
    }

    void fieldValues_data()
    {
        QTest::addColumn<QJsonObject>("row");
        QTest::addColumn<QJsonObject>("fields");
        QTest::newRow("all columns")
            << QJsonObject{{"sl_manifest", "{'id':'x'}"}, {"sl_reviewstatus", 100000002}, {"sl_reviewnote", "Blurry"},
                           {"msdyn_name", "a.jpg"}}
            << QJsonObject{{"sl_manifest", "{'id':'x'}"}, {"sl_reviewstatus", "rejected"}, {"sl_reviewnote", "Blurry"}};
        QTest::newRow("a store without Sightline's columns")
            << object(R"({"msdyn_name":"a.jpg"})")
            << object(R"({"sl_manifest":null,"sl_reviewstatus":null,"sl_reviewnote":null})");
        QTest::newRow("a choice value Sightline does not know")
            << object(R"({"sl_reviewstatus":5,"sl_reviewnote":""})")
            << object(R"({"sl_manifest":null,"sl_reviewstatus":null,"sl_reviewnote":""})");
    }

    void fieldValues()
    {
        QFETCH(QJsonObject, row);
        QFETCH(QJsonObject, fields);
        QCOMPARE(CaptureColumns::fieldValues(row), fields);
    }

    void writeBody_data()
    {
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<QJsonObject>("body");
        QTest::newRow("review") << object(R"({"sl_reviewstatus":"approved","sl_reviewnote":"ok"})")
                                << object(R"({"sl_reviewstatus":100000001,"sl_reviewnote":"ok"})");
        QTest::newRow("manifest") << object(R"({"sl_manifest":"{}"})") << object(R"({"sl_manifest":"{}"})");
        QTest::newRow("unknown keys left out") << object(R"({"name":"x","sl_reviewnote":"n"})")
                                               << object(R"({"sl_reviewnote":"n"})");
    }

    void writeBody()
    {
        QFETCH(QJsonObject, payload);
        QFETCH(QJsonObject, body);
        QCOMPARE(CaptureColumns::writeBody(payload), body);
    }
};

QTEST_GUILESS_MAIN(tst_CaptureColumns)
#include "tst_capturecolumns.moc"
