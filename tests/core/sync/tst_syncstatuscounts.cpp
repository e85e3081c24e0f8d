#include "store/workspace.h"
#include "sync/syncstatuscounts.h"
#include "sync/syncstaterepository.h"
#include "sync/synctable.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sl;

// "Synced 3 min ago" is the time since which every table a sync pulls is
// as fresh as the store was: the oldest table's last whole pull, and no
// time at all while a table has never been pulled whole (a sync cut after
// the lookups is not a sync).
class tst_SyncStatusCounts : public QObject
{
    Q_OBJECT

    static void pulled(Workspace &workspace, SyncTable table, const QDateTime &at)
    {
        SyncTableState state;
        state.entitySet = syncTableSpec(table).entitySet;
        state.pulledAt = at.toString(Qt::ISODateWithMs);
        SyncStateRepository(workspace.database()).save(state);
    }

private Q_SLOTS:
    void lastPulledAtIsTheOldestWholeTable()
    {
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<Workspace> workspace = Workspace::open(dir.path(), &error);
        QVERIFY2(workspace, qPrintable(error));
        QVERIFY(!SyncStatusCounts::read(workspace->database()).lastPulledAt.isValid());

        const QDateTime start(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC);
        // A first sync cut in the assets: the lookups are in, the assets and attachments are not.
        pulled(*workspace, SyncTable::Accounts, start);
        pulled(*workspace, SyncTable::Products, start.addSecs(1));
        pulled(*workspace, SyncTable::Categories, start.addSecs(2));
        QVERIFY(!SyncStatusCounts::read(workspace->database()).lastPulledAt.isValid());

        pulled(*workspace, SyncTable::Assets, start.addSecs(30));
        pulled(*workspace, SyncTable::Attachments, start.addSecs(31));
        QCOMPARE(SyncStatusCounts::read(workspace->database()).lastPulledAt, start);

        // The next sync cut after its accounts: the products are now the oldest.
        pulled(*workspace, SyncTable::Accounts, start.addSecs(600));
        QCOMPARE(SyncStatusCounts::read(workspace->database()).lastPulledAt, start.addSecs(1));

        // A deletion sweep's row (not a table) does not count.
        SyncTableState sweep;
        sweep.entitySet = QStringLiteral("products/$idsweep");
        sweep.pulledAt = start.addSecs(-3600).toString(Qt::ISODateWithMs);
        SyncStateRepository(workspace->database()).save(sweep);
        QCOMPARE(SyncStatusCounts::read(workspace->database()).lastPulledAt, start.addSecs(1));
    }
};

QTEST_GUILESS_MAIN(tst_SyncStatusCounts)
#include "tst_syncstatuscounts.moc"
