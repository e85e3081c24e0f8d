#include "testsupport.h"
#include "store/assetrepository.h"
#include "store/assetfinder.h"
#include "store/database.h"
#include "store/workspace.h"

#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;
using sl::test::makeAsset;

namespace {

QStringList idsOf(const std::vector<Asset> &assets)
{
    QStringList ids;
    for (const Asset &asset : assets)
        ids.append(asset.id);
    return ids;
}

} // namespace

class tst_AssetRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    AssetRepository &repo() { return m_workspace->assets(); }

    // A small, varied catalogue for the search tests.
    void addCatalogue()
    {
        repo().upsertAccounts({{QStringLiteral("acc-contoso"), QStringLiteral("Contoso Pharmaceuticals")},
                               {QStringLiteral("acc-fabrikam"), QStringLiteral("Fabrikam Foods")}});
        repo().upsertProducts(
            {{QStringLiteral("prod-ch"), QStringLiteral("Litware CoolCore"), QStringLiteral("CH-310")},
             {QStringLiteral("prod-p"), QStringLiteral("Northwind AquaFlow"), QStringLiteral("P-100")}});
        repo().upsertCategories({{QStringLiteral("cat-chillers"), QStringLiteral("Chillers")},
                                 {QStringLiteral("cat-pumps"), QStringLiteral("Pumps")}});
        Asset chiller = makeAsset(QStringLiteral("chiller"), QStringLiteral("Chiller CH-210"),
                                  QStringLiteral("AT-004217"));
        chiller.accountId = QStringLiteral("acc-fabrikam");
        chiller.productId = QStringLiteral("prod-ch");
        chiller.categoryId = QStringLiteral("cat-chillers");
        Asset pump = makeAsset(QStringLiteral("pump"), QStringLiteral("Centrifugal Pump P-101"),
                               QStringLiteral("AT-000101"));
        pump.accountId = QStringLiteral("acc-contoso");
        pump.productId = QStringLiteral("prod-p");
        pump.categoryId = QStringLiteral("cat-pumps");
        Asset motor = makeAsset(QStringLiteral("motor"), QStringLiteral("Condenser fan motor"),
                                QStringLiteral("AT-004218"), QStringLiteral("chiller"));
        motor.accountId = QStringLiteral("acc-fabrikam");
        motor.categoryId = QStringLiteral("cat-chillers");
        Asset cafe = makeAsset(QStringLiteral("cafe"), QStringLiteral("Café espresso machine"),
                               QStringLiteral("AT-000777"));
        repo().upsertAssets({chiller, pump, motor, cafe});
    }

    QStringList searchIds(const QString &search)
    {
        QStringList ids = idsOf(repo().page(search, {}, 100));
        ids.sort();
        return ids;
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

    void upsertInsertsThenUpdates()
    {
        addCatalogue();
        QCOMPARE(repo().count(), 4);
        const std::optional<Asset> chiller = repo().byId(QStringLiteral("chiller"));
        QVERIFY(chiller);
        QCOMPARE(chiller->name, QStringLiteral("Chiller CH-210"));
        QCOMPARE(chiller->assetTag, QStringLiteral("AT-004217"));
        QCOMPARE(chiller->accountName, QStringLiteral("Fabrikam Foods"));
        QCOMPARE(chiller->productName, QStringLiteral("Litware CoolCore"));
        QCOMPARE(chiller->categoryName, QStringLiteral("Chillers"));
        QVERIFY(chiller->parentId.isEmpty());

        Asset renamed = *chiller;
        renamed.name = QStringLiteral("Absorption chiller CH-211");
        renamed.latitude = 47.5;
        renamed.longitude = -122.25;
        renamed.stateCode = 1;
        repo().upsertAssets({renamed});
        QCOMPARE(repo().count(), 4);
        const std::optional<Asset> after = repo().byId(QStringLiteral("chiller"));
        QCOMPARE(after->name, renamed.name);
        QCOMPARE(after->latitude, 47.5);
        QCOMPARE(after->longitude, -122.25);
        QCOMPARE(after->stateCode, 1);
        // The search index follows the update.
        QCOMPARE(searchIds(QStringLiteral("absorption")), QStringList{QStringLiteral("chiller")});
        QCOMPARE(searchIds(QStringLiteral("CH-210")), QStringList());
        QVERIFY(!repo().byId(QStringLiteral("no-such-asset")));
    }

    // Rows read from the store carry their ETag in the same write; a local
    // upsert leaves the ETag alone.
    void pulledRowsKeepTheStoresEtag()
    {
        Database &db = m_workspace->database();
        auto etagOf = [&db](const char *id) {
            return db.queryText(QStringLiteral("SELECT etag || '|' || created_here FROM assets WHERE id = '%1'")
                                    .arg(QLatin1String(id)));
        };
        repo().upsertAssets({makeAsset(QStringLiteral("made-here"), QStringLiteral("Pump"))});
        db.exec(QStringLiteral("UPDATE assets SET created_here = 1 WHERE id = 'made-here'"));

        // An id twice in a batch takes its last values and its last ETag;
        // a row made here becomes the store's once the store sends it.
        repo().upsertPulledAssets({makeAsset(QStringLiteral("a1"), QStringLiteral("Fan")),
                                   makeAsset(QStringLiteral("a1"), QStringLiteral("Fan 2")),
                                   makeAsset(QStringLiteral("made-here"), QStringLiteral("Pump"))},
                                  {"W/\"1\"", "W/\"2\"", "W/\"7\""});
        QCOMPARE(etagOf("a1"), QStringLiteral("W/\"2\"|0"));
        QCOMPARE(repo().byId(QStringLiteral("a1"))->name, QStringLiteral("Fan 2"));
        QCOMPARE(etagOf("made-here"), QStringLiteral("W/\"7\"|0"));

        // A new ETag alone (a column not pulled changed on the store) is stored.
        repo().upsertPulledAssets({makeAsset(QStringLiteral("a1"), QStringLiteral("Fan 2"))}, {"W/\"3\""});
        QCOMPARE(etagOf("a1"), QStringLiteral("W/\"3\"|0"));

        // A local edit keeps the ETag it was made against.
        repo().upsertAssets({makeAsset(QStringLiteral("a1"), QStringLiteral("Fan 3"))});
        QCOMPARE(etagOf("a1"), QStringLiteral("W/\"3\"|0"));
        QCOMPARE(repo().byId(QStringLiteral("a1"))->name, QStringLiteral("Fan 3"));
        QCOMPARE(searchIds(QStringLiteral("fan")), QStringList{QStringLiteral("a1")});
    }

    void lookupRenameUpdatesSearch()
    {
        addCatalogue();
        QCOMPARE(searchIds(QStringLiteral("woodgrove")), QStringList());
        repo().upsertAccounts({{QStringLiteral("acc-contoso"), QStringLiteral("Woodgrove Utilities")}});
        QCOMPARE(searchIds(QStringLiteral("woodgrove")), QStringList{QStringLiteral("pump")});
        QCOMPARE(repo().byId(QStringLiteral("pump"))->accountName, QStringLiteral("Woodgrove Utilities"));
        QCOMPARE(searchIds(QStringLiteral("contoso")), QStringList());
    }

    void deletionsLeaveTheIndex()
    {
        addCatalogue();
        m_workspace->database().exec(QStringLiteral("DELETE FROM accounts WHERE id = 'acc-fabrikam'"));
        QCOMPARE(searchIds(QStringLiteral("fabrikam")), QStringList());
        QVERIFY(repo().byId(QStringLiteral("chiller"))->accountId.isEmpty());
        QCOMPARE(searchIds(QStringLiteral("chiller")),
                 (QStringList{QStringLiteral("chiller"), QStringLiteral("motor")}));
        m_workspace->database().exec(QStringLiteral("DELETE FROM assets WHERE id = 'motor'"));
        QCOMPARE(searchIds(QStringLiteral("chiller")), QStringList{QStringLiteral("chiller")});
        QCOMPARE(repo().countMatching(QStringLiteral("condenser")), 0);
    }

    void lookupsComeFromTheAsset()
    {
        // An asset may arrive before its account: its resolved name fills in.
        Asset asset = makeAsset(QStringLiteral("a1"), QStringLiteral("Boiler B-7"));
        asset.accountId = QStringLiteral("acc-new");
        asset.accountName = QStringLiteral("Tailspin Logistics");
        asset.categoryId = QStringLiteral("cat-new");
        asset.categoryName = QStringLiteral("Boilers");
        repo().upsertAssets({asset});
        QCOMPARE(repo().byId(QStringLiteral("a1"))->accountName, QStringLiteral("Tailspin Logistics"));
        QCOMPARE(searchIds(QStringLiteral("tailspin boil")), QStringList{QStringLiteral("a1")});
    }

    void prefixSearchAcrossFields_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("expected"); // sorted ids

        const QString chiller = QStringLiteral("chiller"), pump = QStringLiteral("pump"),
                      motor = QStringLiteral("motor"), cafe = QStringLiteral("cafe");
        QTest::newRow("empty matches all") << QString() << QStringList{cafe, chiller, motor, pump};
        QTest::newRow("name prefix") << QStringLiteral("chil")
                                     << QStringList{chiller, motor}; // motor: category
        QTest::newRow("name word") << QStringLiteral("condenser") << QStringList{motor};
        QTest::newRow("case insensitive") << QStringLiteral("CENTRIF") << QStringList{pump};
        QTest::newRow("tag") << QStringLiteral("AT-0042") << QStringList{chiller, motor};
        QTest::newRow("tag exact") << QStringLiteral("AT-004217") << QStringList{chiller};
        QTest::newRow("tag digits") << QStringLiteral("004218") << QStringList{motor};
        QTest::newRow("account") << QStringLiteral("fabrikam") << QStringList{chiller, motor};
        QTest::newRow("product name") << QStringLiteral("coolcore") << QStringList{chiller};
        QTest::newRow("product number") << QStringLiteral("P-100") << QStringList{pump};
        QTest::newRow("category") << QStringLiteral("pumps") << QStringList{pump};
        QTest::newRow("two words, two fields") << QStringLiteral("pump contoso") << QStringList{pump};
        QTest::newRow("words are ANDed") << QStringLiteral("pump fabrikam") << QStringList();
        QTest::newRow("prefix syntax") << QStringLiteral("pump* ch*") << QStringList();
        QTest::newRow("prefix syntax two fields") << QStringLiteral("cent* contoso*") << QStringList{pump};
        QTest::newRow("diacritics folded") << QStringLiteral("cafe") << QStringList{cafe};
        QTest::newRow("diacritics typed") << QStringLiteral("Café") << QStringList{cafe};
        QTest::newRow("no match") << QStringLiteral("zebra") << QStringList();
    }

    void prefixSearchAcrossFields()
    {
        QFETCH(QString, search);
        QFETCH(QStringList, expected);
        addCatalogue();
        QCOMPARE(searchIds(search), expected);
        QCOMPARE(repo().countMatching(search), expected.size());
    }

    void hostileSearchStrings_data()
    {
        QTest::addColumn<QString>("search");
        QTest::newRow("quote") << QStringLiteral("\"");
        QTest::newRow("two quotes") << QStringLiteral("\"\"");
        QTest::newRow("star") << QStringLiteral("*");
        QTest::newRow("near") << QStringLiteral("NEAR(");
        QTest::newRow("near full") << QStringLiteral("NEAR(a b, 2)");
        QTest::newRow("a OR") << QStringLiteral("a OR");
        QTest::newRow("AND alone") << QStringLiteral("AND");
        QTest::newRow("NOT") << QStringLiteral("NOT pump");
        QTest::newRow("caret") << QStringLiteral("^chiller");
        QTest::newRow("column filter") << QStringLiteral("name:chiller");
        QTest::newRow("braces") << QStringLiteral("{name tag}: x");
        QTest::newRow("parens") << QStringLiteral("((pump");
        QTest::newRow("minus") << QStringLiteral("-pump");
        QTest::newRow("plus") << QStringLiteral("+ + +");
        QTest::newRow("sql") << QStringLiteral("'; DROP TABLE assets; --");
        QTest::newRow("unbalanced quote word") << QStringLiteral("\"pump");
        QTest::newRow("nul") << QStringLiteral("pu") + QChar(0) + QStringLiteral("mp\"");
        QTest::newRow("long") << QStringLiteral("\"a OR b\" ").repeated(500);
    }

    void hostileSearchStrings()
    {
        QFETCH(QString, search);
        addCatalogue();
        try {
            const int total = repo().countMatching(search);
            const std::vector<Asset> rows = repo().page(search, {}, 100);
            QCOMPARE(int(rows.size()), total);
            QVERIFY(total <= 4);
        } catch (const StoreError &e) {
            QFAIL(qPrintable(QStringLiteral("search \"%1\" failed: %2").arg(search, e.message())));
        }
        QCOMPARE(repo().count(), 4); // and the table is still there
    }

    void keysetPagingVisitsEveryRowOnce_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<int>("pageSize");
        QTest::newRow("all, page 37") << QString() << 37;
        QTest::newRow("all, page 1") << QString() << 1;
        QTest::newRow("search, page 16") << QStringLiteral("motor") << 16;
    }

    void keysetPagingVisitsEveryRowOnce()
    {
        QFETCH(QString, search);
        QFETCH(int, pageSize);
        // Many equal and case-differing names, so the id breaks ties.
        std::vector<Asset> assets;
        const QStringList names{QStringLiteral("Pump"),        QStringLiteral("pump"),
                                QStringLiteral("Motor"),       QStringLiteral("motor housing"),
                                QStringLiteral("Ärger valve"), QStringLiteral("")};
        for (int i = 0; i < 600; ++i)
            assets.push_back(makeAsset(QStringLiteral("id-%1").arg((i * 7919) % 600, 4, 10, QLatin1Char('0')),
                                       names[i % names.size()]));
        repo().upsertAssets(assets);
        const int total = repo().countMatching(search);
        QVERIFY(total > 0);

        QSet<QString> seen;
        AssetPageCursor cursor;
        Asset previous;
        int pages = 0;
        for (;;) {
            const std::vector<Asset> page = repo().page(search, cursor, pageSize);
            QVERIFY(int(page.size()) <= pageSize);
            for (const Asset &asset : page) {
                QVERIFY2(!seen.contains(asset.id), qPrintable(asset.id));
                seen.insert(asset.id);
                if (!previous.id.isEmpty()) {
                    const int byName = QString::compare(previous.name, asset.name, Qt::CaseInsensitive);
                    QVERIFY(byName < 0 || (byName == 0 && previous.id < asset.id));
                }
                previous = asset;
            }
            if (page.empty())
                break;
            cursor = {page.back().name, page.back().id};
            QVERIFY(++pages <= total + 1);
        }
        QCOMPARE(seen.size(), total);
    }

    void largeAndSmallSearchesPageAlike_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<int>("expected");
        QTest::newRow("many matches (bitmap walk)") << QStringLiteral("alpha") << 5000;
        QTest::newRow("few matches (sorted)") << QStringLiteral("beta") << 1000;
        QTest::newRow("both words") << QStringLiteral("alpha beta") << 500;
    }

    void largeAndSmallSearchesPageAlike()
    {
        QFETCH(QString, search);
        QFETCH(int, expected);
        QVERIFY(expected > AssetFinder::kSortThreshold || search != QLatin1String("alpha"));
        // 6000 assets: 5000 "alpha" (clustered at the end of the list: "Z"
        // names, and spread by tag), 1000 "beta", 500 of them both.
        std::vector<Asset> assets;
        QStringList wanted;
        QHash<QString, QString> nameOf;
        const QStringList words = search.split(QLatin1Char(' '));
        for (int i = 0; i < 6000; ++i) {
            const bool alpha = i < 5000;
            const bool beta = i >= 4500 && i < 5500;
            const QString name = QStringLiteral("%1 unit %2")
                                     .arg(alpha ? (i % 2 ? QStringLiteral("Zeta") : QStringLiteral("ALPHA"))
                                                : QStringLiteral("Gamma"))
                                     .arg((i * 37) % 101);
            Asset asset =
                makeAsset(QStringLiteral("id-%1").arg((i * 7919) % 6000, 5, 10, QLatin1Char('0')), name,
                          alpha ? QStringLiteral("alpha-%1").arg(i) : QStringLiteral("x-%1").arg(i));
            if (beta) {
                asset.categoryId = QStringLiteral("cat-beta");
                asset.categoryName = QStringLiteral("Beta");
            }
            assets.push_back(asset);
            const bool matches = (!words.contains(QStringLiteral("alpha")) || alpha) &&
                                 (!words.contains(QStringLiteral("beta")) || beta);
            if (matches)
                wanted.append(asset.id);
            nameOf.insert(asset.id, name.toLower());
        }
        repo().upsertAssets(assets);
        std::sort(wanted.begin(), wanted.end(), [&](const QString &a, const QString &b) {
            return std::make_pair(nameOf.value(a), a) < std::make_pair(nameOf.value(b), b);
        });
        QCOMPARE(wanted.size(), expected);
        QCOMPARE(repo().countMatching(search), expected);

        QStringList got;
        AssetPageCursor cursor;
        for (;;) {
            const std::vector<Asset> page = repo().page(search, cursor, 256);
            got += idsOf(page);
            if (page.size() < 256)
                break;
            cursor = {page.back().name, page.back().id};
        }
        QCOMPARE(got, wanted);
    }

    void children()
    {
        repo().upsertAssets(
            {makeAsset(QStringLiteral("site"), QStringLiteral("Fabrikam Riverside Plant")),
             makeAsset(QStringLiteral("u2"), QStringLiteral("Pump P-101"), {}, QStringLiteral("site")),
             makeAsset(QStringLiteral("u1"), QStringLiteral("Chiller CH-210"), {}, QStringLiteral("site")),
             makeAsset(QStringLiteral("c1"), QStringLiteral("Condenser fan motor"), {},
                       QStringLiteral("u1"))});
        QCOMPARE(idsOf(repo().children(QStringLiteral("site"), {}, 10)),
                 (QStringList{QStringLiteral("u1"), QStringLiteral("u2")}));
        QCOMPARE(idsOf(repo().children({}, {}, 10)), QStringList{QStringLiteral("site")});
        // Keyset pages of one: every child once, in order.
        const std::vector<Asset> first = repo().children(QStringLiteral("site"), {}, 1);
        QCOMPARE(idsOf(first), QStringList{QStringLiteral("u1")});
        QCOMPARE(first.front().childCount, 1);
        QCOMPARE(idsOf(repo().children(QStringLiteral("site"), {first.back().name, first.back().id}, 1)),
                 QStringList{QStringLiteral("u2")});
        QCOMPARE(idsOf(repo().children(QStringLiteral("u1"), {}, 10)), QStringList{QStringLiteral("c1")});
        QVERIFY(repo().children(QStringLiteral("c1"), {}, 10).empty());
        QVERIFY(repo().children(QStringLiteral("nobody"), {}, 10).empty());
        QCOMPARE(repo().children({}, {}, 10).front().childCount, 2);
        QCOMPARE(idsOf(repo().ancestors(QStringLiteral("c1"))),
                 (QStringList{QStringLiteral("site"), QStringLiteral("u1")}));
        QVERIFY(repo().ancestors(QStringLiteral("site")).empty());
        QCOMPARE(repo().childCount(QStringLiteral("site")), 2);
        QCOMPARE(repo().childCount(QStringLiteral("u1")), 1);
        QCOMPARE(repo().childCount(QStringLiteral("c1")), 0);
        QCOMPARE(repo().byId(QStringLiteral("c1"))->parentId, QStringLiteral("u1"));
    }

    // A cycle some other tool left in the table ends at the depth limit.
    void ancestorsStopInACycle()
    {
        repo().upsertAssets({makeAsset(QStringLiteral("a"), QStringLiteral("A"), {}, QStringLiteral("b")),
                             makeAsset(QStringLiteral("b"), QStringLiteral("B"), {}, QStringLiteral("a"))});
        QCOMPARE(int(repo().ancestors(QStringLiteral("a")).size()), AssetRepository::kMaxHierarchyDepth);
    }

    void childBeforeParentInOneBatch()
    {
        repo().upsertAssets(
            {makeAsset(QStringLiteral("child"), QStringLiteral("Impeller"), {}, QStringLiteral("parent")),
             makeAsset(QStringLiteral("parent"), QStringLiteral("Pump P-7"))});
        QCOMPARE(repo().byId(QStringLiteral("child"))->parentId, QStringLiteral("parent"));
    }

    void unknownParentIsDropped()
    {
        repo().upsertAssets(
            {makeAsset(QStringLiteral("orphan"), QStringLiteral("Gearbox"), {}, QStringLiteral("gone")),
             makeAsset(QStringLiteral("self"), QStringLiteral("Loop"), {}, QStringLiteral("self"))});
        QCOMPARE(repo().count(), 2);
        QVERIFY(repo().byId(QStringLiteral("orphan"))->parentId.isEmpty());
        QVERIFY(repo().byId(QStringLiteral("self"))->parentId.isEmpty());
    }

    // The batch upsert reads its rows from JSON: every text and number an
    // asset holds comes back exactly as it went in.
    void textsAndNumbersComeBackExactly_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("latitude");
        QTest::newRow("quote and backslash") << QStringLiteral("Pump \"P-1\" C:\\pumps\\") << 47.6062;
        QTest::newRow("control characters") << QStringLiteral("line\nnext\ttab\x01\x1f end") << -89.999999999999;
        QTest::newRow("non-ASCII") << QStringLiteral("Café 冷却塔 \U0001F527 \u2028") << 0.1 + 0.2;
        QTest::newRow("JSON-looking") << QStringLiteral("[1, {\"a\": null}] \\u0041") << 1e-300;
        QTest::newRow("digits") << QStringLiteral("0012345") << 12.345678901234567;
    }

    void textsAndNumbersComeBackExactly()
    {
        QFETCH(QString, text);
        QFETCH(double, latitude);
        Asset asset = makeAsset(QStringLiteral("a-%1").arg(text), text, text);
        asset.accountId = text;
        asset.accountName = text;
        asset.latitude = latitude;
        asset.longitude = -latitude / 3;
        asset.modifiedOn = text;
        repo().upsertAssets({asset});
        const std::optional<Asset> stored = repo().byId(asset.id);
        QVERIFY(stored);
        QCOMPARE(stored->id, asset.id);
        QCOMPARE(stored->name, text);
        QCOMPARE(stored->assetTag, text);
        QCOMPARE(stored->accountId, text);
        QCOMPARE(stored->accountName, text);
        QCOMPARE(stored->modifiedOn, text);
        QCOMPARE(stored->latitude, latitude); // exactly, not fuzzily
        QCOMPARE(stored->longitude, -latitude / 3);

        // The same row again is unchanged: nothing is written (so its
        // search index rows are not rewritten), which another connection
        // sees as an unchanged data_version.
        const std::unique_ptr<Database> other = Database::open(m_workspace->databasePath());
        const QString before = other->queryText(QStringLiteral("PRAGMA data_version"));
        repo().upsertAssets({asset});
        QCOMPARE(other->queryText(QStringLiteral("PRAGMA data_version")), before);
        asset.longitude += 1;
        repo().upsertAssets({asset});
        QVERIFY(other->queryText(QStringLiteral("PRAGMA data_version")) != before);
    }

    void badBatchStoresNothing()
    {
        addCatalogue();
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 repo().upsertAssets({makeAsset(QStringLiteral("new"), QStringLiteral("New")),
                                                      makeAsset(QString(), QStringLiteral("No id"))}));
        QCOMPARE(repo().count(), 4);
        QVERIFY(!repo().byId(QStringLiteral("new")));
    }
};

QTEST_GUILESS_MAIN(tst_AssetRepository)
#include "tst_assetrepository.moc"
