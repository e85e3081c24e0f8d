#include "demo/demoassetgenerator.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace sl;

class tst_DemoAssetGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exactCount_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("one") << 1;
        QTest::newRow("ten") << 10;
        QTest::newRow("default") << 2400;
        QTest::newRow("odd") << 2017;
    }

    void exactCount()
    {
        QFETCH(int, count);
        const DemoAssetSet set = DemoAssetGenerator().generate(count);
        QCOMPARE(int(set.assets.size()), count);
        QVERIFY(!set.featuredAssetIds.isEmpty());
    }

    void lookups()
    {
        const DemoAssetSet set = DemoAssetGenerator().generate(2400);
        QVERIFY(set.accounts.size() >= 35 && set.accounts.size() <= 45);
        QVERIFY(set.products.size() >= 50 && set.products.size() <= 70);
        QCOMPARE(set.categories.size(), size_t(12));
        QSet<QString> ids;
        QSet<QString> numbers;
        for (const Account &account : set.accounts)
            ids.insert(account.id);
        for (const Product &product : set.products) {
            ids.insert(product.id);
            QVERIFY(!product.productNumber.isEmpty());
            numbers.insert(product.productNumber);
        }
        QCOMPARE(numbers.size(), int(set.products.size()));
        QStringList categoryNames;
        for (const Category &category : set.categories) {
            ids.insert(category.id);
            categoryNames.append(category.name);
        }
        QCOMPARE(ids.size(), int(set.accounts.size() + set.products.size() + set.categories.size()));
        for (const char *name : {"Pumps", "Chillers", "Compressors", "HVAC", "Generators", "Conveyors"})
            QVERIFY2(categoryNames.contains(QLatin1String(name)), name);
    }

    void assetsFormAHierarchy()
    {
        const DemoAssetSet set = DemoAssetGenerator().generate(2400);
        QSet<QString> accountIds, productIds, categoryIds;
        for (const Account &a : set.accounts)
            accountIds.insert(a.id);
        for (const Product &p : set.products)
            productIds.insert(p.id);
        for (const Category &c : set.categories)
            categoryIds.insert(c.id);

        const QRegularExpression tagShape(QStringLiteral("^AT-\\d{6}$"));
        const QRegularExpression uuidShape(
            QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        QHash<QString, int> depth; // 0 = site
        QSet<QString> tags;
        int maxDepth = 0;
        for (const Asset &asset : set.assets) {
            QVERIFY2(uuidShape.match(asset.id).hasMatch(), qPrintable(asset.id));
            QVERIFY(!depth.contains(asset.id));
            QVERIFY2(tagShape.match(asset.assetTag).hasMatch(), qPrintable(asset.assetTag));
            QVERIFY(!tags.contains(asset.assetTag));
            tags.insert(asset.assetTag);
            QVERIFY(!asset.name.isEmpty());
            QVERIFY(accountIds.contains(asset.accountId));
            QVERIFY(!asset.accountName.isEmpty());
            QVERIFY(categoryIds.contains(asset.categoryId));
            QVERIFY(asset.productId.isEmpty() || productIds.contains(asset.productId));
            QVERIFY(asset.latitude >= -90 && asset.latitude <= 90 && asset.latitude != 0);
            QVERIFY(asset.longitude >= -180 && asset.longitude <= 180 && asset.longitude != 0);
            if (asset.parentId.isEmpty()) {
                depth.insert(asset.id, 0);
            } else {
                QVERIFY2(depth.contains(asset.parentId), "a parent must come before its children");
                depth.insert(asset.id, depth.value(asset.parentId) + 1);
            }
            maxDepth = std::max(maxDepth, depth.value(asset.id));
        }
        QCOMPARE(maxDepth, 2); // sites > units > components
        const int sites = int(std::count_if(set.assets.begin(), set.assets.end(),
                                            [](const Asset &a) { return a.parentId.isEmpty(); }));
        QVERIFY(sites >= 20 && sites < 400);
    }

    void featuredAssetsArePumpsAndChillers()
    {
        const DemoAssetSet set = DemoAssetGenerator().generate(2400);
        QCOMPARE(set.featuredAssetIds.size(), 4);
        for (const QString &id : set.featuredAssetIds) {
            const auto it = std::find_if(set.assets.begin(), set.assets.end(),
                                         [&](const Asset &a) { return a.id == id; });
            QVERIFY(it != set.assets.end());
            QVERIFY2(it->categoryName == QLatin1String("Pumps") ||
                         it->categoryName == QLatin1String("Chillers"),
                     qPrintable(it->categoryName));
            QVERIFY(!it->parentId.isEmpty());
        }
    }

    void deterministic()
    {
        const DemoAssetSet a = DemoAssetGenerator().generate(600);
        const DemoAssetSet b = DemoAssetGenerator().generate(600);
        QCOMPARE(a.assets.size(), b.assets.size());
        for (size_t i = 0; i < a.assets.size(); ++i) {
            QCOMPARE(a.assets[i].id, b.assets[i].id);
            QCOMPARE(a.assets[i].name, b.assets[i].name);
            QCOMPARE(a.assets[i].latitude, b.assets[i].latitude);
            QCOMPARE(a.assets[i].modifiedOn, b.assets[i].modifiedOn);
        }
        QCOMPARE(a.featuredAssetIds, b.featuredAssetIds);
        // Ids are name-based: the same name in the demo namespace.
        QCOMPARE(DemoAssetGenerator::idFor(QStringLiteral("asset"), QStringLiteral("AT-001001")),
                 a.assets.front().id);

        const DemoAssetSet other = DemoAssetGenerator(7).generate(600);
        int sameNames = 0;
        for (size_t i = 0; i < a.assets.size(); ++i)
            sameNames += a.assets[i].name == other.assets[i].name ? 1 : 0;
        QVERIFY(sameNames < int(a.assets.size()));
    }
};

QTEST_GUILESS_MAIN(tst_DemoAssetGenerator)
#include "tst_demoassetgenerator.moc"
