#include "testsupport.h"
#include "items/assettreemodel.h"
#include "store/assetrepository.h"
#include "store/database.h"
#include "store/storeworker.h"
#include "store/workspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;

class tst_AssetTreeModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<StoreWorker> m_worker;

    // Two sites; site-a has 300 units (more than a page), unit-000 has a component.
    void addHierarchy()
    {
        std::vector<Asset> assets{test::makeAsset(QStringLiteral("site-a"), QStringLiteral("Site A")),
                                  test::makeAsset(QStringLiteral("site-b"), QStringLiteral("Site B"))};
        for (int i = 0; i < 300; ++i)
            assets.push_back(test::makeAsset(QStringLiteral("unit-%1").arg(i, 3, 10, QLatin1Char('0')),
                                             QStringLiteral("Unit %1").arg(i, 3, 10, QLatin1Char('0')), {},
                                             QStringLiteral("site-a")));
        assets.push_back(test::makeAsset(QStringLiteral("part"), QStringLiteral("Impeller"), {},
                                         QStringLiteral("unit-000")));
        m_workspace->assets().upsertAssets(assets);
    }

    static bool waitIdle(AssetTreeModel &model)
    {
        return QTest::qWaitFor([&] { return model.isIdle(); }, 10000);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(test::openTemporaryWorkspace(m_dir, m_workspace));
        m_worker = std::make_unique<StoreWorker>();
        QSignalSpy opened(m_worker.get(), &StoreWorker::opened);
        m_worker->open(m_dir->path());
        QVERIFY(opened.wait(10000));
    }

    void cleanup()
    {
        m_worker.reset();
        test::closeTemporaryWorkspace(m_dir, m_workspace);
    }

    // Children are read when a parent is expanded, a page at a time.
    void childrenLoadOnExpand()
    {
        addHierarchy();
        // No model tester yet: it expands everything it walks.
        AssetTreeModel model(*m_worker);
        model.reset();
        QVERIFY(waitIdle(model));
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex siteA = model.index(0, 0);
        const QModelIndex siteB = model.index(1, 0);
        QCOMPARE(siteA.data(AssetRoles::IdRole).toString(), QStringLiteral("site-a"));
        QCOMPARE(siteA.data(AssetRoles::ChildCountRole).toInt(), 300);
        QVERIFY(model.hasChildren(siteA));
        QVERIFY(!model.hasChildren(siteB));
        QCOMPARE(model.rowCount(siteA), 0); // not read before it is expanded

        QVERIFY(model.canFetchMore(siteA));
        model.fetchMore(siteA);
        QVERIFY(waitIdle(model));
        QCOMPARE(model.rowCount(siteA), AssetTreeModel::kPageSize);
        QVERIFY(model.canFetchMore(siteA));
        model.fetchMore(siteA);
        QVERIFY(waitIdle(model));
        QCOMPARE(model.rowCount(siteA), 300);
        QVERIFY(!model.canFetchMore(siteA));
        for (int row = 0; row < 300; ++row)
            QCOMPARE(model.index(row, 0, siteA).data(AssetRoles::IdRole).toString(),
                     QStringLiteral("unit-%1").arg(row, 3, 10, QLatin1Char('0')));

        const QModelIndex unit = model.index(0, 0, siteA);
        QCOMPARE(model.parent(unit), siteA);
        model.fetchMore(unit);
        QVERIFY(waitIdle(model));
        QCOMPARE(model.rowCount(unit), 1);
        QCOMPARE(model.indexOf(QStringLiteral("part")), model.index(0, 0, unit));
        QCOMPARE(model.indexOf(QStringLiteral("part")).parent().parent(), siteA);

        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitIdle(model));
        model.reset();
        QVERIFY(waitIdle(model));
    }

    // Another connection's change: names update in place, a new child appears.
    void refreshUpdatesHeldNodes()
    {
        addHierarchy();
        AssetTreeModel model(*m_worker);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reset();
        QVERIFY(waitIdle(model));
        const QModelIndex siteA = model.index(0, 0);
        model.fetchMore(siteA);
        QVERIFY(waitIdle(model));
        const QModelIndex unit = model.index(0, 0, siteA);
        model.fetchMore(unit);
        QVERIFY(waitIdle(model));
        const int held = model.rowCount(siteA);

        m_workspace->database().exec(QStringLiteral("UPDATE assets SET name = 'Site A (north)' WHERE id = 'site-a'"));
        m_workspace->assets().upsertAssets(
            {test::makeAsset(QStringLiteral("seal"), QStringLiteral("Seal"), {}, QStringLiteral("unit-000"))});
        model.refresh();
        QVERIFY(waitIdle(model));
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Site A (north)"));
        const QModelIndex unitAgain = model.indexOf(QStringLiteral("unit-000"));
        QVERIFY(unitAgain.isValid());
        QCOMPARE(model.rowCount(unitAgain), 2);
        QVERIFY(model.indexOf(QStringLiteral("seal")).isValid());
        QCOMPARE(model.rowCount(model.index(0, 0)), held); // expansion kept
    }

    // A refresh that replaces a node's children while an answer for one of
    // them is still on its way: the answer finds its node gone and is dropped
    // (under AddressSanitizer this was a use after free).
    void refreshReplacingChildrenDropsTheirAnswers()
    {
        addHierarchy();
        AssetTreeModel model(*m_worker);
        model.reset();
        QVERIFY(waitIdle(model));
        const QModelIndex siteA = model.index(0, 0);
        model.fetchMore(siteA);
        QVERIFY(waitIdle(model));
        model.fetchMore(model.index(0, 0, siteA));
        QVERIFY(waitIdle(model));

        // A new unit sorts first: site A's child list changes, so the
        // refresh replaces its children, unit-000 among them, whose own
        // refresh is already queued behind.
        m_workspace->assets().upsertAssets(
            {test::makeAsset(QStringLiteral("unit-new"), QStringLiteral("Unit 000 a"), {}, QStringLiteral("site-a"))});
        model.refresh();
        QVERIFY(waitIdle(model));
        const QModelIndex siteAgain = model.indexOf(QStringLiteral("site-a"));
        QVERIFY(model.indexOf(QStringLiteral("unit-new")).isValid());
        QCOMPARE(model.indexOf(QStringLiteral("unit-new")).parent(), siteAgain);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
};

QTEST_GUILESS_MAIN(tst_AssetTreeModel)
#include "tst_assettreemodel.moc"
