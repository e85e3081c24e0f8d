#include "pageparsercases.h"

#include "remote/remotelimits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// The page texts live here, not in the test's own file: moc misreads raw
// string literals that hold "//" or \".

namespace sl::test {

const QString kDeletedGuid = QStringLiteral("0b0f4a6e-2c3d-4e5f-8a9b-1c2d3e4f5a6b");

namespace {

const QString &kGuid = kDeletedGuid;

QByteArray pageWith(int rows)
{
    QJsonArray value;
    for (int i = 0; i < rows; ++i)
        value.append(QJsonObject{{QStringLiteral("msdyn_name"), QString::number(i)}});
    return QJsonDocument(QJsonObject{{QStringLiteral("value"), value}}).toJson(QJsonDocument::Compact);
}

} // namespace

void addPageParserRows()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("deleted");
    QTest::addColumn<QString>("nextLink");
    QTest::addColumn<QString>("deltaLink");
    QTest::addColumn<QString>("errorContains");

    const QString base = QStringLiteral("https://org.crm.dynamics.com/api/data/v9.2/");
    QTest::newRow("empty page") << QByteArray(R"({"value":[]})") << true << 0 << 0 << QString() << QString() << QString();
    QTest::newRow("rows with etags")
        << QByteArray(R"({"@odata.context":"x","value":[{"@odata.etag":"W/\u00221\u0022","msdyn_name":"a"},{"msdyn_name":"b"}]})")
        << true << 2 << 0 << QString() << QString() << QString();
    QTest::newRow("absolute nextLink")
        << QByteArray(R"({"value":[],"@odata.nextLink":"https://org.crm.dynamics.com/api/data/v9.2/msdyn_customerassets?$skiptoken=%3Ccookie%20last%3D%221%22%2F%3E"})")
        << true << 0 << 0 << base + QStringLiteral("msdyn_customerassets?$skiptoken=%3Ccookie%20last%3D%221%22%2F%3E") << QString() << QString();
    QTest::newRow("relative nextLink")
        << QByteArray(R"({"value":[],"@odata.nextLink":"msdyn_customerassets?$skiptoken=2"})")
        << true << 0 << 0 << base + QStringLiteral("msdyn_customerassets?$skiptoken=2") << QString() << QString();
    QTest::newRow("root-relative nextLink")
        << QByteArray(R"({"value":[],"@odata.nextLink":"/api/data/v9.2/msdyn_customerassets?$skiptoken=3"})")
        << true << 0 << 0 << base + QStringLiteral("msdyn_customerassets?$skiptoken=3") << QString() << QString();
    QTest::newRow("deltaLink and deleted rows")
        << QByteArray(R"({"value":[{"msdyn_name":"c"},{"@odata.context":"https://org.crm.dynamics.com/api/data/v9.2/$metadata#msdyn_customerassets/$deletedEntity","id":")"
                      + kGuid.toLatin1() + R"(","reason":"deleted"}],"@odata.deltaLink":"msdyn_customerassets?$deltatoken=919042%2108%2f22%2f2017"})")
        << true << 1 << 1 // QUrl writes percent escapes in upper case (RFC 3986: the same URL).
        << QString() << base + QStringLiteral("msdyn_customerassets?$deltatoken=919042%2108%2F22%2F2017") << QString();

    QTest::newRow("truncated") << QByteArray(R"({"value":[{"msdyn_name":"a"},{"msdyn_na)") << false << 0 << 0 << QString() << QString() << QStringLiteral("not valid JSON");
    QTest::newRow("empty body") << QByteArray() << false << 0 << 0 << QString() << QString() << QStringLiteral("not valid JSON");
    QTest::newRow("html") << QByteArray("<html>502 Bad Gateway</html>") << false << 0 << 0 << QString() << QString() << QStringLiteral("not valid JSON");
    QTest::newRow("array at top") << QByteArray("[1,2]") << false << 0 << 0 << QString() << QString() << QStringLiteral("not a JSON object");
    QTest::newRow("no value") << QByteArray(R"({"values":[]})") << false << 0 << 0 << QString() << QString() << QStringLiteral("no \"value\" array");
    QTest::newRow("value not array") << QByteArray(R"({"value":{}})") << false << 0 << 0 << QString() << QString() << QStringLiteral("no \"value\" array");
    QTest::newRow("row not object") << QByteArray(R"({"value":[{},7]})") << false << 0 << 0 << QString() << QString() << QStringLiteral("row 1 is not an object");
    QTest::newRow("etag not string") << QByteArray(R"({"value":[{"@odata.etag":12}]})") << false << 0 << 0 << QString() << QString() << QStringLiteral("row 0: @odata.etag");
    QTest::newRow("deleted without id") << QByteArray(R"({"value":[{"@odata.context":"a/$deletedEntity","reason":"deleted"}]})") << false << 0 << 0 << QString() << QString() << QStringLiteral("without a GUID");
    QTest::newRow("deleted bad id") << QByteArray(R"({"value":[{"@odata.context":"a/$deletedEntity","id":"nope"}]})") << false << 0 << 0 << QString() << QString() << QStringLiteral("without a GUID");
    QTest::newRow("error shape") << QByteArray(R"({"error":{"code":"0x80044150","message":"Generic SQL error."}})") << false << 0 << 0 << QString() << QString() << QStringLiteral("0x80044150 Generic SQL error.");
    QTest::newRow("nextLink not string") << QByteArray(R"({"value":[],"@odata.nextLink":5})") << false << 0 << 0 << QString() << QString() << QStringLiteral("not a URL string");
    QTest::newRow("nextLink empty") << QByteArray(R"({"value":[],"@odata.nextLink":""})") << false << 0 << 0 << QString() << QString() << QStringLiteral("not a URL string");
    QTest::newRow("nextLink other host") << QByteArray(R"({"value":[],"@odata.nextLink":"https://evil.example/steal"})") << false << 0 << 0 << QString() << QString() << QStringLiteral("not to the store that was asked");
    QTest::newRow("nextLink other scheme") << QByteArray(R"({"value":[],"@odata.nextLink":"http://org.crm.dynamics.com/api/data/v9.2/x"})") << false << 0 << 0 << QString() << QString() << QStringLiteral("not to the store that was asked");
    QTest::newRow("nextLink other port") << QByteArray(R"({"value":[],"@odata.nextLink":"https://org.crm.dynamics.com:8443/x"})") << false << 0 << 0 << QString() << QString() << QStringLiteral("not to the store that was asked");
    QTest::newRow("nextLink too long") << QByteArray(R"({"value":[],"@odata.nextLink":"x?)" + QByteArray(limits::kLinkLength, 'a') + R"("})") << false << 0 << 0 << QString() << QString() << QStringLiteral("longer than");
    QTest::newRow("both links") << QByteArray(R"({"value":[],"@odata.nextLink":"a","@odata.deltaLink":"b"})") << false << 0 << 0 << QString() << QString() << QStringLiteral("both a nextLink and a deltaLink");
    QTest::newRow("too many rows") << pageWith(limits::kRowsPerPage + 1) << false << 0 << 0 << QString() << QString() << QStringLiteral("more than 5000");
    QTest::newRow("largest page") << pageWith(limits::kRowsPerPage) << true << limits::kRowsPerPage << 0 << QString() << QString() << QString();
}

QByteArray pageWithEtagAndDeletedRow()
{
    return R"({"value":[{"@odata.etag":"W/\u00224711\u0022","msdyn_name":"Pump","msdyn_latitude":47.5},)"
           R"({"@odata.context":"$metadata#msdyn_customerassets/$deletedEntity","id":"{)"
           + kGuid.toUpper().toLatin1() + R"(}","reason":"deleted"}]})";
}

QByteArray smallValidPage()
{
    return R"({"value":[{"@odata.etag":"W/\u00221\u0022","msdyn_name":"a"},{"msdyn_name":"b"},)"
           R"({"@odata.context":"x/$deletedEntity","id":")" + kGuid.toLatin1()
           + R"("}],"@odata.nextLink":"msdyn_customerassets?$skiptoken=2"})";
}

} // namespace sl::test
