// StoreColumns::assetFromRow reads the store's GUIDs (key and lookups) into
// the one form Sightline keeps: lower case, without braces; the nil GUID
// and anything not a GUID are no id.
#include "sync/storecolumns.h"

#include <QJsonObject>
#include <QTest>

using namespace sl;

class tst_StoreColumns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void guids_data()
    {
        QTest::addColumn<QString>("sent");
        QTest::addColumn<QString>("kept");
        const QString canonical = QStringLiteral("5b7d1e43-2f0c-4a8e-9a51-3c2d9b1f6e70");
        QTest::newRow("canonical") << canonical << canonical;
        QTest::newRow("upper case") << canonical.toUpper() << canonical;
        QTest::newRow("braces") << QStringLiteral("{%1}").arg(canonical) << canonical;
        QTest::newRow("nil") << QStringLiteral("00000000-0000-0000-0000-000000000000") << QString();
        QTest::newRow("not hex") << QStringLiteral("5b7d1e43-2f0c-4a8e-9a51-3c2d9b1f6e7g") << QString();
        QTest::newRow("dash moved") << QStringLiteral("5b7d1e432-f0c-4a8e-9a51-3c2d9b1f6e70") << QString();
        QTest::newRow("too short") << canonical.left(35) << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void guids()
    {
        QFETCH(QString, sent);
        QFETCH(QString, kept);
        QJsonObject row{{QStringLiteral("msdyn_customerassetid"), sent},
                        {QStringLiteral("_msdyn_account_value"), sent},
                        {QStringLiteral("_msdyn_parentasset_value"), sent}};
        const Asset asset = StoreColumns::assetFromRow(row);
        QCOMPARE(asset.id, kept);
        QCOMPARE(asset.accountId, kept);
        QCOMPARE(asset.parentId, kept);
    }
};

QTEST_GUILESS_MAIN(tst_StoreColumns)
#include "tst_storecolumns.moc"
