#include "scriptedtransport.h"
#include "fakeclock.h"
#include "faketokensource.h"
#include "remote/odataheaders.h"
#include "remote/odataquery.h"
#include "remote/recordcreator.h"
#include "remote/requestrunner.h"

#include <QTest>

using namespace sl;
using namespace sl::test;

// What goes out for a read URL and the write answers a fake server does
// not give (201 with a row, duplicate-key codes), through a scripted transport.
class tst_ODataRequests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void queryUrl_data()
    {
        QTest::addColumn<QString>("root");
        QTest::addColumn<QString>("set");
        QTest::addColumn<QStringList>("select");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("errorContains");

        const QStringList name{QStringLiteral("msdyn_name")};
        QTest::newRow("select") << "https://o.example/api/data/v9.2/" << "msdyn_customerassets" << name << QString()
                                << "https://o.example/api/data/v9.2/msdyn_customerassets?$select=msdyn_name" << QString();
        QTest::newRow("root without slash") << "https://o.example/api/data/v9.2" << "accounts" << QStringList{QStringLiteral("name"), QStringLiteral("accountid")} << QString()
                                            << "https://o.example/api/data/v9.2/accounts?$select=name,accountid" << QString();
        QTest::newRow("filter encoded") << "https://o.example/api/data/v9.2/" << "accounts" << QStringList{QStringLiteral("name")}
                                        << "modifiedon gt 2024-05-01T10:00:00+02:00 and name eq 'A&B'"
                                        << "https://o.example/api/data/v9.2/accounts?$select=name&$filter=modifiedon%20gt%202024-05-01T10:00:00%2B02:00%20and%20name%20eq%20'A%26B'"
                                        << QString();
        QTest::newRow("no select") << "https://o.example/api/data/v9.2/" << "accounts" << QStringList() << QString() << QString() << "$select";
        QTest::newRow("bad set") << "https://o.example/api/data/v9.2/" << "accounts?x=1" << name << QString() << QString() << "not an entity set";
        QTest::newRow("bad column") << "https://o.example/api/data/v9.2/" << "accounts" << QStringList{QStringLiteral("name,x")} << QString() << QString() << "not a column";
        QTest::newRow("not http") << "file:///tmp/" << "accounts" << name << QString() << QString() << "not an http(s) URL";
    }

    void queryUrl()
    {
        QFETCH(QString, root);
        QFETCH(QString, set);
        QFETCH(QStringList, select);
        QFETCH(QString, filter);
        QFETCH(QString, url);
        QFETCH(QString, errorContains);
        QString error;
        ODataQuery query(QUrl(root), set);
        query.select(select);
        if (!filter.isEmpty())
            query.filter(filter);
        const QUrl made = query.url(&error);
        if (!errorContains.isEmpty()) {
            QVERIFY(!made.isValid());
            QVERIFY2(error.contains(errorContains), qPrintable(error));
            return;
        }
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(made.toString(QUrl::FullyEncoded), url);
    }

    void preferencesCombine()
    {
        HttpRequest request;
        odata::preferMaxPageSize(request, 99'999);
        odata::addPreference(request, "odata.track-changes");
        odata::addPreference(request, "odata.track-changes");
        QCOMPARE(headerValue(request.headers, "Prefer"), QByteArray("odata.maxpagesize=5000, odata.track-changes"));
    }

    void createAnswers_data()
    {
        QTest::addColumn<int>("patchStatus");
        QTest::addColumn<QByteArray>("patchBody");
        QTest::addColumn<int>("postStatus");
        QTest::addColumn<QByteArray>("postBody");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("existed");
        QTest::addColumn<int>("sends");

        const QByteArray duplicate = "{\"error\":{\"code\":\"0x80040237\",\"message\":\"Cannot insert duplicate key.\"}}";
        const QByteArray matching = "{\"error\":{\"code\":\"0x80060892\",\"message\":\"A record with matching key values already exists.\"}}";
        const QByteArray row = "{\"@odata.etag\":\"W/\\\"77\\\"\",\"msdyn_name\":\"x\"}";
        QTest::newRow("PATCH 204") << 204 << QByteArray() << 0 << QByteArray() << true << false << 1;
        QTest::newRow("PATCH 201 with row") << 201 << row << 0 << QByteArray() << true << false << 1;
        QTest::newRow("PATCH 412 exists") << 412 << matching << 0 << QByteArray() << true << true << 1;
        QTest::newRow("PATCH 400 fails") << 400 << QByteArray() << 0 << QByteArray() << false << false << 1;
        QTest::newRow("POST 204") << 404 << QByteArray() << 204 << QByteArray() << true << false << 2;
        QTest::newRow("POST 201") << 404 << QByteArray() << 201 << row << true << false << 2;
        QTest::newRow("POST duplicate key 412") << 404 << QByteArray() << 412 << duplicate << true << true << 2;
        QTest::newRow("POST duplicate key 400") << 404 << QByteArray() << 400 << duplicate << true << true << 2;
        QTest::newRow("POST 409") << 404 << QByteArray() << 409 << QByteArray() << true << true << 2;
        QTest::newRow("POST 403") << 404 << QByteArray() << 403 << QByteArray() << false << false << 2;
    }

    void createAnswers()
    {
        QFETCH(int, patchStatus);
        QFETCH(QByteArray, patchBody);
        QFETCH(int, postStatus);
        QFETCH(QByteArray, postBody);
        QFETCH(bool, ok);
        QFETCH(bool, existed);
        QFETCH(int, sends);

        ScriptedTransport transport;
        FakeClock clock;
        FakeTokenSource tokens;
        RequestRunner runner(transport, clock, tokens, RetryPolicy());
        transport.answerStatus(patchStatus, patchBody);
        if (postStatus)
            transport.answerStatus(postStatus, postBody);
        RecordCreator creator(runner, QUrl(QStringLiteral("https://o.example/api/data/v9.2/")));
        const QUuid id = QUuid::createUuid();
        std::optional<WriteResult> result;
        creator.create(QStringLiteral("msdyn_customerassets"), QStringLiteral("msdyn_customerassetid"), id,
                       {{QStringLiteral("msdyn_name"), QStringLiteral("x")}}, [&](const WriteResult &r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->ok(), ok);
        QCOMPARE(result->alreadyExisted, existed);
        QCOMPARE(transport.sent().size(), sends);
        const HttpRequest &patch = transport.sent().at(0);
        QCOMPARE(patch.method, QByteArray("PATCH"));
        QCOMPARE(patch.url.toString(), QStringLiteral("https://o.example/api/data/v9.2/msdyn_customerassets(%1)").arg(id.toString(QUuid::WithoutBraces)));
        QCOMPARE(headerValue(patch.headers, "If-None-Match"), QByteArray("*"));
        if (ok && !existed && (patchStatus == 201 || postStatus == 201))
            QCOMPARE(result->etag, QByteArray("W/\"77\""));
        if (sends == 2) {
            const HttpRequest &post = transport.sent().at(1);
            QCOMPARE(post.method, QByteArray("POST"));
            QCOMPARE(post.url.toString(), QStringLiteral("https://o.example/api/data/v9.2/msdyn_customerassets"));
            QVERIFY(post.body.contains(id.toString(QUuid::WithoutBraces).toLatin1()));
            QVERIFY(!hasHeader(post.headers, "If-None-Match"));
        }
    }
};

QTEST_GUILESS_MAIN(tst_ODataRequests)
#include "tst_odatarequests.moc"
