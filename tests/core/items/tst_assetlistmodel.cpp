#include "testsupport.h"
#include "items/assetlistmodel.h"
#include "store/workspace.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;

class tst_AssetListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;

    // count assets; every third is a pump, the rest chillers.
    void addAssets(int count, int firstNumber = 0)
    {
        std::vector<Asset> assets;
        for (int i = firstNumber; i < firstNumber + count; ++i) {
            Asset asset;
            asset.id = QStringLiteral("asset-%1").arg(i, 5, 10, QLatin1Char('0'));
            asset.name = (i % 3 == 0 ? QStringLiteral("Pump P-%1") : QStringLiteral("Chiller CH-%1")).arg(i);
            asset.assetTag = QStringLiteral("AT-%1").arg(i, 6, 10, QLatin1Char('0'));
            asset.accountId = QStringLiteral("acc");
            asset.accountName = QStringLiteral("Fabrikam Foods");
            asset.parentId = i > 0 ? QStringLiteral("asset-00000") : QString();
            assets.push_back(asset);
        }
        m_workspace->assets().upsertAssets(assets);
    }

    static void fetchAll(AssetListModel &model)
    {
        int guard = 0;
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QVERIFY(++guard < 1000);
        }
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(sl::test::openTemporaryWorkspace(m_dir, m_workspace));
    }

    void cleanup()
    {
        sl::test::closeTemporaryWorkspace(m_dir, m_workspace);
    }

    void emptyWorkspace()
    {
        AssetListModel model(m_workspace->assets());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.totalMatches(), 0);
        QVERIFY(!model.canFetchMore({}));
    }

    void fetchMoreUntilAllRows()
    {
        addAssets(1000);
        AssetListModel model(m_workspace->assets());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.totalMatches(), 1000);
        QVERIFY(model.rowCount() > 0);
        QVERIFY(model.rowCount() < 1000); // paged, not all at once
        QVERIFY(model.canFetchMore({}));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        fetchAll(model);
        QVERIFY(inserted.count() >= 1);
        QCOMPARE(model.rowCount(), 1000);
        QVERIFY(!model.canFetchMore({}));

        QSet<QString> ids;
        QString previousName;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            ids.insert(index.data(AssetListModel::IdRole).toString());
            const QString name = index.data(Qt::DisplayRole).toString();
            QCOMPARE(index.data(AssetListModel::NameRole).toString(), name);
            QVERIFY(QString::compare(previousName, name, Qt::CaseInsensitive) <= 0);
            previousName = name;
        }
        QCOMPARE(ids.size(), 1000);

        const QModelIndex first = model.index(0);
        QVERIFY(first.data(AssetListModel::AssetTagRole).toString().startsWith(QStringLiteral("AT-")));
        QCOMPARE(first.data(AssetListModel::AccountRole).toString(), QStringLiteral("Fabrikam Foods"));
        QCOMPARE(model.roleNames().value(AssetListModel::AssetTagRole), QByteArray("assetTag"));
    }

    void searchResets()
    {
        addAssets(900);
        AssetListModel model(m_workspace->assets());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy total(&model, &AssetListModel::totalMatchesChanged);

        model.setSearch(QStringLiteral("pump"));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.search(), QStringLiteral("pump"));
        QCOMPARE(model.totalMatches(), 300);
        QCOMPARE(total.count(), 1);
        QCOMPARE(total.first().first().toInt(), 300);
        fetchAll(model);
        QCOMPARE(model.rowCount(), 300);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.index(row).data().toString().startsWith(QStringLiteral("Pump ")));

        model.setSearch(QStringLiteral("pump AT-00003"));
        QCOMPARE(reset.count(), 2);
        fetchAll(model);
        // Pumps (numbers divisible by 3) tagged AT-000030 .. AT-000039.
        QCOMPARE(model.totalMatches(), model.rowCount());
        QCOMPARE(model.rowCount(), 4);

        model.setSearch(QStringLiteral("\"NEAR("));
        QCOMPARE(reset.count(), 3);
        QCOMPARE(model.totalMatches(), 0);
        QCOMPARE(model.rowCount(), 0);

        model.setSearch(QString());
        QCOMPARE(model.totalMatches(), 900);
    }

    void rowOfAndReload()
    {
        addAssets(10);
        AssetListModel model(m_workspace->assets());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 10);
        const int row = model.rowOf(QStringLiteral("asset-00003"));
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row).data(AssetListModel::IdRole).toString(), QStringLiteral("asset-00003"));
        QCOMPARE(model.rowOf(QStringLiteral("missing")), -1);

        addAssets(5, 10);
        QCOMPARE(model.rowCount(), 10); // not yet
        model.reload();
        QCOMPARE(model.totalMatches(), 15);
        QCOMPARE(model.rowCount(), 15);
        QCOMPARE(model.index(0).data(AssetListModel::ParentIdRole).toString(), QStringLiteral("asset-00000"));
    }
};

QTEST_GUILESS_MAIN(tst_AssetListModel)
#include "tst_assetlistmodel.moc"
