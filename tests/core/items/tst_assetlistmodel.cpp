#include "testsupport.h"
#include "items/assetlistmodel.h"
#include "store/assetrepository.h"
#include "store/database.h"
#include "store/storeworker.h"
#include "store/workspace.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;

// The asset list read asynchronously on store workers. The test thread holds
// a second connection to the same workspace: its writes are another
// connection's commits, as a CLI import or a sync would make them.
class tst_AssetListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<StoreWorker> m_worker;
    std::unique_ptr<StoreWorker> m_counter;

    // count assets; every third is a pump, the rest chillers.
    void addAssets(int count, int firstNumber = 0, const QString &prefix = {})
    {
        std::vector<Asset> assets;
        for (int i = firstNumber; i < firstNumber + count; ++i) {
            Asset asset;
            asset.id = QStringLiteral("asset-%1").arg(i, 6, 10, QLatin1Char('0'));
            asset.name = prefix + (i % 3 == 0 ? QStringLiteral("Pump P-%1") : QStringLiteral("Chiller CH-%1")).arg(i);
            asset.assetTag = QStringLiteral("AT-%1").arg(i, 6, 10, QLatin1Char('0'));
            asset.accountId = QStringLiteral("acc");
            asset.accountName = QStringLiteral("Fabrikam Foods");
            assets.push_back(asset);
        }
        m_workspace->assets().upsertAssets(assets);
    }

    // Every asset id in list order, straight from the database.
    QStringList idsInOrder(const QString &where = QStringLiteral("1"))
    {
        return m_workspace->database()
            .queryText(QStringLiteral("SELECT group_concat(id, ',') FROM (SELECT id FROM assets WHERE %1 "
                                      "ORDER BY name, id)")
                           .arg(where))
            .split(QLatin1Char(','), Qt::SkipEmptyParts);
    }

    static bool waitIdle(AssetListModel &model)
    {
        return QTest::qWaitFor([&] { return model.isIdle(); }, 10000);
    }

    // Scrolls to the end as a view does, waiting for each page.
    static bool fetchAll(AssetListModel &model)
    {
        for (int guard = 0; guard < 10000; ++guard) {
            if (!waitIdle(model)) {
                qWarning() << "not idle after" << model.rowCount() << "rows";
                return false;
            }
            if (!model.canFetchMore({}))
                return true;
            model.fetchMore({});
        }
        return false;
    }

    // The ids of all rows, reading pages that were dropped from memory again.
    static QStringList allIds(AssetListModel &model)
    {
        QStringList ids;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (!model.assetAt(row)) {
                model.index(row).data(); // asks for the page again
                if (!QTest::qWaitFor([&] { return model.assetAt(row) != nullptr; }, 10000))
                    return {};
            }
            ids.append(model.assetAt(row)->id);
        }
        return ids;
    }

    std::unique_ptr<AssetListModel> makeModel(const AssetQuery &query = {})
    {
        auto model = std::make_unique<AssetListModel>(*m_worker, *m_counter);
        model->setQuery(query);
        return model;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(sl::test::openTemporaryWorkspace(m_dir, m_workspace));
        m_worker = std::make_unique<StoreWorker>();
        m_counter = std::make_unique<StoreWorker>();
        QSignalSpy opened(m_worker.get(), &StoreWorker::opened);
        QSignalSpy counterOpened(m_counter.get(), &StoreWorker::opened);
        m_worker->open(m_dir->path());
        m_counter->open(m_dir->path());
        QVERIFY(opened.wait(10000) || opened.count() == 1);
        QVERIFY(counterOpened.count() == 1 || counterOpened.wait(10000));
    }

    void cleanup()
    {
        m_worker.reset();
        m_counter.reset();
        sl::test::closeTemporaryWorkspace(m_dir, m_workspace);
    }

    void emptyWorkspace()
    {
        auto model = makeModel();
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy first(model.get(), &AssetListModel::firstPageArrived);
        QVERIFY(first.wait(10000));
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(!model->canFetchMore({}));
        QTRY_VERIFY(model->matchCount().has_value());
        QCOMPARE(model->matchCount()->value, 0);
    }

    // Rows arrive page by page, each exactly once and in order; the count
    // arrives on its own.
    void fetchMoreUntilAllRows()
    {
        addAssets(1000);
        auto model = makeModel();
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 0); // nothing was read on this thread
        QVERIFY(waitIdle(*model));
        QCOMPARE(model->rowCount(), AssetListModel::kPageSize);
        QVERIFY(model->canFetchMore({}));
        QVERIFY(fetchAll(*model));
        QCOMPARE(model->rowCount(), 1000);
        QCOMPARE(allIds(*model), idsInOrder());
        QTRY_COMPARE(model->matchCount().value_or(AssetCount{}).value, 1000);
        QVERIFY(!model->matchCount()->capped);

        const QModelIndex first = model->index(0);
        QVERIFY(first.data(AssetListModel::AssetTagRole).toString().startsWith(QStringLiteral("AT-")));
        QCOMPARE(first.data(AssetListModel::AccountRole).toString(), QStringLiteral("Fabrikam Foods"));
        QCOMPARE(first.data(AssetListModel::LoadedRole).toBool(), true);
        QCOMPARE(model->roleNames().value(AssetListModel::AssetTagRole), QByteArray("assetTag"));
    }

    // Scrolling a long list keeps only a bounded window in memory; a dropped
    // page is read again, by key, when the view returns to it.
    void memoryStaysBounded()
    {
        addAssets(20000);
        auto model = makeModel();
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        int mostLoaded = 0;
        connect(model.get(), &AssetListModel::pageArrived, this,
                [&] { mostLoaded = std::max(mostLoaded, model->loadedRowCount()); });
        QVERIFY(fetchAll(*model));
        QCOMPARE(model->rowCount(), 20000);
        QVERIFY(mostLoaded <= AssetListModel::kMaxLoadedPages * AssetListModel::kPageSize);
        QVERIFY(model->loadedRowCount() < 20000 / 2);

        const int row = 5 * AssetListModel::kPageSize + 3;
        QVERIFY(!model->assetAt(row)); // dropped long ago
        QCOMPARE(model->index(row).data(AssetListModel::LoadedRole).toBool(), false);
        QCOMPARE(model->index(row).data(Qt::DisplayRole).toString(), QStringLiteral("Loading…"));
        QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
        QTRY_VERIFY(model->assetAt(row) != nullptr);
        QVERIFY(!changed.isEmpty()); // the view repaints the row
        QCOMPARE(model->index(row).data(AssetListModel::IdRole).toString(), idsInOrder().at(row));
        QCOMPARE(allIds(*model), idsInOrder());
        QVERIFY(model->loadedRowCount() <= AssetListModel::kMaxLoadedPages * AssetListModel::kPageSize);
    }

    // A new query resets the model; an answer to the old one never lands.
    void staleAnswersAreDropped()
    {
        addAssets(900);
        auto model = makeModel();
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        AssetQuery pumps;
        pumps.text = QStringLiteral("pump");
        model->setQuery(pumps);
        AssetQuery chillers;
        chillers.text = QStringLiteral("chiller");
        model->setQuery(chillers); // before any answer came back
        QVERIFY(fetchAll(*model));
        QCOMPARE(model->rowCount(), 600);
        for (int row = 0; row < model->rowCount(); ++row)
            QVERIFY(model->index(row).data().toString().startsWith(QStringLiteral("Chiller ")));
        QTRY_COMPARE(model->matchCount().value_or(AssetCount{}).value, 600);
        QCOMPARE(model->query().text, QStringLiteral("chiller"));
    }

    // Counts stop at the cap first ("10,000+"), then the exact count follows.
    void countIsCappedThenExact()
    {
        addAssets(12000);
        auto model = makeModel();
        std::vector<AssetCount> seen;
        connect(model.get(), &AssetListModel::matchCountChanged, this, [&] {
            if (model->matchCount())
                seen.push_back(*model->matchCount());
        });
        QTRY_VERIFY_WITH_TIMEOUT(!seen.empty() && !seen.back().capped, 20000);
        QCOMPARE(seen.size(), size_t(2));
        QCOMPARE(seen.front().value, AssetListModel::kCountCap);
        QVERIFY(seen.front().capped);
        QCOMPARE(seen.back().value, 12000);
    }

    // Another connection's commit: refresh() reads the held pages again from
    // their keys; rows stay in order, none lost or doubled across pages.
    void refreshSeesOtherConnectionsCommits()
    {
        addAssets(1000);
        auto model = makeModel();
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(fetchAll(*model));
        QSignalSpy changed(m_worker.get(), &StoreWorker::changed);
        connect(m_worker.get(), &StoreWorker::changed, model.get(), &AssetListModel::refresh);

        addAssets(7, 5000, QStringLiteral("A ")); // sort first: every page shifts
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
        QVERIFY(waitIdle(*model));
        QTRY_COMPARE(model->rowCount(), 1007);
        QCOMPARE(allIds(*model), idsInOrder());
        QTRY_COMPARE(model->matchCount().value_or(AssetCount{}).value, 1007);

        changed.clear();
        m_workspace->database().exec(QStringLiteral("DELETE FROM assets WHERE name LIKE 'Pump%'"));
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
        QVERIFY(waitIdle(*model));
        QTRY_COMPARE(model->rowCount(), int(idsInOrder().size()));
        QCOMPARE(allIds(*model), idsInOrder());
    }

    // Rows inserted between pages: every row after the key is seen once.
    void pagingWhileRowsAreInserted()
    {
        addAssets(600);
        auto model = makeModel();
        QVERIFY(waitIdle(*model));
        QCOMPARE(model->rowCount(), AssetListModel::kPageSize);
        const QString lastSeen = model->assetAt(AssetListModel::kPageSize - 1)->name;
        addAssets(50, 7000, QStringLiteral("A "));  // before the key: not seen until a refresh
        addAssets(50, 8000, QStringLiteral("Zz ")); // after it: seen
        QVERIFY(fetchAll(*model));
        const QStringList ids = allIds(*model);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
        QCOMPARE(ids.size(), 650);
        QVERIFY(!ids.contains(QStringLiteral("asset-007000")));
        QVERIFY(ids.contains(QStringLiteral("asset-008049")));
        QVERIFY(!lastSeen.isEmpty());
    }

    void failuresAreReported()
    {
        addAssets(10);
        auto model = makeModel();
        QVERIFY(waitIdle(*model));
        m_workspace->database().exec(QStringLiteral("DROP TABLE asset_search"));
        AssetQuery query;
        query.text = QStringLiteral("pump");
        QSignalSpy failed(model.get(), &AssetListModel::readFailed);
        model->setQuery(query);
        QVERIFY(failed.wait(10000));
        QVERIFY(!failed.first().first().toString().isEmpty());
        QVERIFY(waitIdle(*model));
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(!model->canFetchMore({})); // no endless retries
    }
};

QTEST_GUILESS_MAIN(tst_AssetListModel)
#include "tst_assetlistmodel.moc"
