#include "sync/syncconflictsettlement.h"

#include <QTest>

using namespace sl;

// The value a user types in the conflict dialog's Edit: which fields take
// one, and the field's rule applied to it.
class tst_SyncConflictSettlement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseTyped_data()
    {
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QJsonValue>("value"); // undefined: refused
        QTest::addColumn<QString>("errorPart");
        const QJsonValue refused(QJsonValue::Undefined);
        QTest::newRow("name") << "asset" << "name" << "  Pump 9 " << QJsonValue("Pump 9") << "";
        QTest::newRow("empty name") << "asset" << "name" << "   " << refused << "name";
        QTest::newRow("long name") << "asset" << "name" << QString(101, QLatin1Char('x')) << refused << "100";
        QTest::newRow("tag") << "asset" << "assetTag" << "AT-9" << QJsonValue("AT-9") << "";
        QTest::newRow("latitude") << "asset" << "latitude" << "47.5" << QJsonValue(47.5) << "";
        QTest::newRow("latitude past 90") << "asset" << "latitude" << "91" << refused << "atitude";
        QTest::newRow("longitude not a number") << "asset" << "longitude" << "east" << refused << "number";
        QTest::newRow("reference") << "asset" << "account" << "Contoso" << refused << "mine or theirs";
        QTest::newRow("state") << "asset" << "stateCode" << "1" << refused << "mine or theirs";
        QTest::newRow("review note") << "capture" << "sl_reviewnote" << " keep the spaces " << QJsonValue(" keep the spaces ") << "";
        QTest::newRow("review status") << "capture" << "sl_reviewstatus" << "approved" << refused << "mine or theirs";
        QTest::newRow("manifest") << "capture" << "sl_manifest" << "{}" << refused << "mine or theirs";
    }

    void parseTyped()
    {
        QFETCH(QString, entity);
        QFETCH(QString, field);
        QFETCH(QString, text);
        QFETCH(QJsonValue, value);
        QFETCH(QString, errorPart);
        QString error;
        const std::optional<QJsonValue> parsed = SyncConflictSettlement::parseTyped(entity, field, text, &error);
        QCOMPARE(SyncConflictSettlement::editable(entity, field), errorPart != QLatin1String("mine or theirs"));
        if (value.isUndefined()) {
            QVERIFY(!parsed);
            QVERIFY2(error.contains(errorPart, Qt::CaseInsensitive), qPrintable(error));
        } else {
            QVERIFY2(parsed, qPrintable(error));
            QCOMPARE(*parsed, value);
        }
    }
};

QTEST_GUILESS_MAIN(tst_SyncConflictSettlement)
#include "tst_syncconflictsettlement.moc"
