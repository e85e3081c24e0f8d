#include "testsupport.h"
#include "store/assetbatch.h"
#include "store/assetrepository.h"
#include "store/database.h"
#include "store/workspace.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace sl;
using sl::test::makeAsset;

// AssetBatch, the table the asset upsert reads its rows from: every value
// exactly as given (text in any script, NULLs where a link is empty), the
// rows in the order added, and no use without a batch.
class tst_AssetBatch : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    Database &db() { return m_workspace->database(); }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QString error;
        m_workspace = Workspace::open(m_dir->path(), &error);
        QVERIFY2(m_workspace, qPrintable(error));
    }

    void cleanup()
    {
        m_workspace.reset();
        m_dir.reset();
    }

    void readsEveryValueAsGiven()
    {
        Asset tricky = makeAsset(QStringLiteral("a-1"), QStringLiteral("Pompe «Ø» \"quoted\" \\ tab\there 水泵 🔧"),
                                 QStringLiteral("TAG\n1"));
        tricky.accountId = QStringLiteral("acc-1");
        tricky.latitude = 47.123456789012345;
        tricky.longitude = -122.5;
        tricky.stateCode = 1;
        tricky.modifiedOn = QStringLiteral("2026-11-30T10:00:00Z");
        Asset bare = makeAsset(QStringLiteral("a-2"), QString(), QString());
        AssetBatch batch;
        batch.add(tricky, QStringLiteral("parent-9"), "W/\"42\"");
        batch.add(bare, QString());
        QCOMPARE(batch.size(), size_t(2));

        Statement query = db().cached(
            "SELECT id, name, asset_tag, modified_on, etag, account_id, product_id, category_id, parent_id, "
            "latitude, longitude, state_code, ord, typeof(name), typeof(etag) FROM sl_asset_batch(?) ORDER BY ord");
        batch.bindTo(query, 1);
        QVERIFY(query.step());
        QCOMPARE(query.columnText(0), tricky.id);
        QCOMPARE(query.columnText(1), tricky.name);
        QCOMPARE(query.columnText(2), tricky.assetTag);
        QCOMPARE(query.columnText(3), tricky.modifiedOn);
        QCOMPARE(query.columnText(4), QStringLiteral("W/\"42\""));
        QCOMPARE(query.columnText(5), QStringLiteral("acc-1"));
        QVERIFY(query.columnIsNull(6));
        QVERIFY(query.columnIsNull(7));
        QCOMPARE(query.columnText(8), QStringLiteral("parent-9"));
        QCOMPARE(query.columnDouble(9), 47.123456789012345);
        QCOMPARE(query.columnDouble(10), -122.5);
        QCOMPARE(query.columnInt(11), 1);
        QCOMPARE(query.columnInt(12), 0);
        QVERIFY(query.step());
        QCOMPARE(query.columnText(0), QStringLiteral("a-2"));
        QCOMPARE(query.columnText(13), QStringLiteral("text")); // an empty name is '', never NULL
        QCOMPARE(query.columnText(1), QString());
        QCOMPARE(query.columnText(14), QStringLiteral("text"));
        for (int linked = 5; linked <= 8; ++linked)
            QVERIFY2(query.columnIsNull(linked), qPrintable(QString::number(linked)));
        QCOMPARE(query.columnInt(12), 1);
        QVERIFY(!query.step());
    }

    // Through the upsert: stored as given, and an id twice takes its later row.
    void theUpsertStoresItsRowsInOrder()
    {
        Asset first = makeAsset(QStringLiteral("a-1"), QStringLiteral("Ventilateur n°1 — ½ HP"));
        Asset again = first;
        again.name = QStringLiteral("Ventilateur n°2 — ¾ HP");
        m_workspace->assets().upsertPulledAssets({first, again}, {"W/\"1\"", "W/\"2\""});
        Statement query = db().cached("SELECT name, etag FROM assets WHERE id = 'a-1'");
        QVERIFY(query.step());
        QCOMPARE(query.columnText(0), again.name);
        QCOMPARE(query.columnText(1), QStringLiteral("W/\"2\""));
        QCOMPARE(m_workspace->assets().count(), 1);
    }

    // A coordinate that is not a number is refused, not stored as 0.
    void aCoordinateThatIsNotANumberIsRefused()
    {
        Asset broken = makeAsset(QStringLiteral("a-nan"), QStringLiteral("Broken"));
        broken.latitude = std::numeric_limits<double>::quiet_NaN();
        QVERIFY_THROWS_EXCEPTION(StoreError, m_workspace->assets().upsertAssets({broken}));
        QCOMPARE(m_workspace->assets().count(), 0);
    }

    void theTableIsReadOnlyThroughABatch()
    {
        QVERIFY_THROWS_EXCEPTION(StoreError, db().exec(QStringLiteral("SELECT count(*) FROM sl_asset_batch")));
        Statement unbound = db().cached("SELECT count(*) FROM sl_asset_batch(?)");
        QVERIFY(unbound.step());
        QCOMPARE(unbound.columnInt(0), 0); // NULL, not a batch: no rows
    }
};

QTEST_GUILESS_MAIN(tst_AssetBatch)
#include "tst_assetbatch.moc"
