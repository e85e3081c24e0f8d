// AssetFinder: what a search text matches (words, prefixes, tag fragments),
// the sorts, keyset paging (also while rows are inserted) and capped counts.
#include "testsupport.h"
#include "store/assetfinder.h"
#include "store/assetrepository.h"
#include "store/database.h"
#include "store/workspace.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;
using sl::test::makeAsset;

Q_DECLARE_METATYPE(sl::AssetSort)

namespace {

QStringList idsOf(const std::vector<Asset> &assets)
{
    QStringList ids;
    for (const Asset &asset : assets)
        ids.append(asset.id);
    return ids;
}

// Every page of a query, `pageSize` rows at a time; `between` runs after each page.
QStringList allPages(AssetFinder &finder, const AssetQuery &query, int pageSize,
                     const std::function<void(int)> &between = {})
{
    QStringList ids;
    AssetCursor cursor;
    for (int page = 0; page < 100000; ++page) {
        const AssetPage result = finder.page(query, cursor, pageSize);
        if (int(result.rows.size()) > pageSize)
            return {QStringLiteral("page too long")};
        ids += idsOf(result.rows);
        if (result.atEnd)
            return ids;
        cursor = result.next;
        if (between)
            between(page);
    }
    return {QStringLiteral("never ended")};
}

} // namespace

class tst_AssetFinder : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    AssetRepository &repo() { return m_workspace->assets(); }
    Database &db() { return m_workspace->database(); }

    // Tags and serial numbers in the shapes people type parts of.
    void addTagged()
    {
        Asset pump = makeAsset(QStringLiteral("pump"), QStringLiteral("Centrifugal Pump"), QStringLiteral("AT-001002"));
        pump.accountId = QStringLiteral("acc-contoso");
        pump.accountName = QStringLiteral("Contoso Foods");
        Asset spare = makeAsset(QStringLiteral("spare"), QStringLiteral("Spare pump"), QStringLiteral("AT-001003"));
        Asset chiller = makeAsset(QStringLiteral("chiller"), QStringLiteral("Chiller"), QStringLiteral("P-103"));
        chiller.categoryId = QStringLiteral("cat-chillers");
        chiller.categoryName = QStringLiteral("Chillers");
        Asset firmware = makeAsset(QStringLiteral("firmware"), QStringLiteral("Gateway"), QStringLiteral("ver1.1"));
        Asset motor = makeAsset(QStringLiteral("motor"), QStringLiteral("Condenser fan motor"), QStringLiteral("SN-77-0042"));
        motor.categoryId = QStringLiteral("cat-chillers");
        motor.categoryName = QStringLiteral("Chillers");
        repo().upsertAssets({pump, spare, chiller, firmware, motor});
    }

    QStringList find(const QString &text, AssetSort sort = AssetSort::Name)
    {
        AssetFinder finder(db());
        QStringList ids = idsOf(finder.page({text, {}, sort}, {}, 100).rows);
        if (sort == AssetSort::Name)
            ids.sort();
        return ids;
    }

    // n assets with varied names (equal and case-differing ones, so the id
    // breaks ties) and modification times (many equal).
    void addMany(int n, const QString &prefix = QStringLiteral("id"))
    {
        const QStringList names{QStringLiteral("Pump"), QStringLiteral("pump housing"), QStringLiteral("Motor"),
                                QStringLiteral("motor pump"), QStringLiteral("Ärger valve"), QString()};
        std::vector<Asset> assets;
        for (int i = 0; i < n; ++i) {
            Asset asset = makeAsset(QStringLiteral("%1-%2").arg(prefix).arg((i * 7919) % n, 5, 10, QLatin1Char('0')),
                                    names[i % names.size()], QStringLiteral("AT-%1").arg(i, 6, 10, QLatin1Char('0')));
            asset.modifiedOn = QStringLiteral("2026-0%1-1%2T08:00:00Z").arg(1 + i % 9).arg(i % 7);
            assets.push_back(asset);
        }
        repo().upsertAssets(assets);
    }

private Q_SLOTS:
    void init() { QVERIFY(sl::test::openTemporaryWorkspace(m_dir, m_workspace)); }
    void cleanup() { sl::test::closeTemporaryWorkspace(m_dir, m_workspace); }

    void tagFragments_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected"); // sorted ids
        const QString pump = QStringLiteral("pump"), spare = QStringLiteral("spare"),
                      chiller = QStringLiteral("chiller"), firmware = QStringLiteral("firmware"),
                      motor = QStringLiteral("motor");
        QTest::newRow("whole tag") << QStringLiteral("AT-001002") << QStringList{pump};
        QTest::newRow("digits of the tag") << QStringLiteral("001002") << QStringList{pump};
        QTest::newRow("inner digits") << QStringLiteral("01002") << QStringList{pump};
        QTest::newRow("last four") << QStringLiteral("1002") << QStringList{pump};
        QTest::newRow("shared stem") << QStringLiteral("AT-00100") << QStringList{pump, spare};
        QTest::newRow("lower case") << QStringLiteral("at-001003") << QStringList{spare};
        QTest::newRow("serial with dash") << QStringLiteral("P-103") << QStringList{chiller};
        QTest::newRow("serial digits") << QStringLiteral("103") << QStringList{chiller};
        QTest::newRow("version") << QStringLiteral("1.1") << QStringList{firmware};
        QTest::newRow("version word") << QStringLiteral("ver1") << QStringList{firmware};
        QTest::newRow("version whole") << QStringLiteral("ver1.1") << QStringList{firmware};
        QTest::newRow("middle of a serial") << QStringLiteral("77-00") << QStringList{motor};
        QTest::newRow("fragment and word") << QStringLiteral("01002 centrif") << QStringList{pump};
        QTest::newRow("fragment and other word") << QStringLiteral("01002 chiller") << QStringList();
        QTest::newRow("two fragments") << QStringLiteral("AT-0 1003") << QStringList{spare};
        QTest::newRow("not: other digits") << QStringLiteral("001004") << QStringList();
        QTest::newRow("not: longer than the tag") << QStringLiteral("0010020") << QStringList();
        QTest::newRow("not: reversed") << QStringLiteral("20010") << QStringList();
        QTest::newRow("not: other version") << QStringLiteral("1.2") << QStringList();
        QTest::newRow("not: other serial") << QStringLiteral("P-104") << QStringList();
        QTest::newRow("not: two characters inside a tag") << QStringLiteral("02") << QStringList();
    }

    void tagFragments()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        addTagged();
        QCOMPARE(find(text), expected);
        QCOMPARE(AssetFinder(db()).count({text, {}, AssetSort::Name}, 0).value, expected.size());
        QCOMPARE(find(text, AssetSort::Relevance).size(), expected.size());
    }

    void wordsArePrefixesAndAnded_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("prefix") << QStringLiteral("centr") << QStringList{QStringLiteral("pump")};
        QTest::newRow("prefix of two") << QStringLiteral("pum")
                                       << QStringList{QStringLiteral("pump"), QStringLiteral("spare")};
        QTest::newRow("account") << QStringLiteral("contoso") << QStringList{QStringLiteral("pump")};
        QTest::newRow("two words AND") << QStringLiteral("pump spare") << QStringList{QStringLiteral("spare")};
        QTest::newRow("two fields AND") << QStringLiteral("pump contoso") << QStringList{QStringLiteral("pump")};
        QTest::newRow("AND excludes") << QStringLiteral("chiller contoso") << QStringList();
        QTest::newRow("category") << QStringLiteral("chillers")
                                  << QStringList{QStringLiteral("chiller"), QStringLiteral("motor")};
        QTest::newRow("syntax is text") << QStringLiteral("pump OR chiller") << QStringList();
        QTest::newRow("empty is all") << QStringLiteral("  ")
                                      << QStringList{QStringLiteral("chiller"), QStringLiteral("firmware"),
                                                     QStringLiteral("motor"), QStringLiteral("pump"),
                                                     QStringLiteral("spare")};
    }

    void wordsArePrefixesAndAnded()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        addTagged();
        QCOMPARE(find(text), expected);
    }

    void tagIndexFollowsEdits()
    {
        addTagged();
        Asset pump = *repo().byId(QStringLiteral("pump"));
        pump.assetTag = QStringLiteral("AT-990077");
        repo().upsertAssets({pump});
        QCOMPARE(find(QStringLiteral("01002")), QStringList());
        QCOMPARE(find(QStringLiteral("90077")), QStringList{QStringLiteral("pump")});
        db().exec(QStringLiteral("DELETE FROM assets WHERE id = 'pump'"));
        QCOMPARE(find(QStringLiteral("90077")), QStringList());
        // A rebuild makes both indexes again from the table.
        db().exec(QStringLiteral("DELETE FROM asset_tag_search"));
        QCOMPARE(find(QStringLiteral("01003")), QStringList());
        repo().rebuildSearchIndex();
        QCOMPARE(find(QStringLiteral("01003")), QStringList{QStringLiteral("spare")});
    }

    void relevanceRanksNamesFirst()
    {
        addTagged();
        // "chiller" is the chiller's name; the motor is only in the Chillers category.
        QCOMPARE(find(QStringLiteral("chiller"), AssetSort::Relevance),
                 (QStringList{QStringLiteral("chiller"), QStringLiteral("motor")}));
        // A tag fragment typed as the tag's word ranks above a substring-only hit.
        QCOMPARE(find(QStringLiteral("001002"), AssetSort::Relevance), QStringList{QStringLiteral("pump")});
        const QStringList stem = find(QStringLiteral("AT-00100"), AssetSort::Relevance);
        QCOMPARE(stem.size(), 2);
    }

    void sortsOrderTheRows_data()
    {
        QTest::addColumn<AssetSort>("sort");
        QTest::addColumn<QString>("text");
        QTest::newRow("name, all") << AssetSort::Name << QString();
        QTest::newRow("name, broad match") << AssetSort::Name << QStringLiteral("at");
        QTest::newRow("name, few") << AssetSort::Name << QStringLiteral("motor");
        QTest::newRow("modified, all") << AssetSort::Modified << QString();
        QTest::newRow("modified, broad match") << AssetSort::Modified << QStringLiteral("at");
        QTest::newRow("modified, few") << AssetSort::Modified << QStringLiteral("housing");
        QTest::newRow("relevance without text is by name") << AssetSort::Relevance << QString();
    }

    void sortsOrderTheRows()
    {
        QFETCH(AssetSort, sort);
        QFETCH(QString, text);
        addMany(5000); // "at" matches all: more than kSortThreshold, so the bitmap walk
        QVERIFY(AssetFinder::kSortThreshold < 5000);
        AssetFinder finder(db());
        const AssetQuery query{text, {}, sort};
        const QStringList ids = allPages(finder, query, 301);
        QCOMPARE(ids.size(), finder.count(query, 0).value);
        QVERIFY(!ids.isEmpty());
        for (int i = 1; i < ids.size(); ++i) {
            const Asset a = *repo().byId(ids[i - 1]), b = *repo().byId(ids[i]);
            if (sort == AssetSort::Modified) {
                QVERIFY2(std::make_pair(a.modifiedOn, a.id) > std::make_pair(b.modifiedOn, b.id), qPrintable(b.id));
            } else {
                const int byName = QString::compare(a.name, b.name, Qt::CaseInsensitive);
                QVERIFY2(byName < 0 || (byName == 0 && a.id < b.id), qPrintable(b.id));
            }
        }
    }

    // The positions a broad match is ordered by are read again after a
    // change: a renamed asset moves, a deleted one is gone, a new one shows.
    void broadMatchOrderFollowsEdits()
    {
        addMany(5000);
        AssetFinder finder(db());
        const AssetQuery query{QStringLiteral("at"), {}, AssetSort::Name};
        const QStringList before = allPages(finder, query, 500);
        QCOMPARE(before.size(), 5000);
        Asset first = *repo().byId(before.first());
        first.name = QStringLiteral("ÿ last"); // after every other name, also "Ärger valve" (UTF-8 bytes)
        repo().upsertAssets({first});
        db().exec(QStringLiteral("DELETE FROM assets WHERE id = '%1'").arg(before[1]));
        repo().upsertAssets({makeAsset(QStringLiteral("aaa"), QStringLiteral("aaa first"), QStringLiteral("AT-999999"))});
        QStringList after = allPages(finder, query, 500);
        QCOMPARE(after.size(), 5000);
        // The new one sits between the unnamed assets and the named ones.
        const qsizetype added = after.indexOf(QStringLiteral("aaa"));
        QVERIFY(added > 0 && added < after.size() - 1);
        QVERIFY(repo().byId(after[added - 1])->name.isEmpty());
        QVERIFY(!repo().byId(after[added + 1])->name.isEmpty());
        after.removeAt(added);
        QCOMPARE(after, before.mid(2) + QStringList{first.id});
    }

    void pagingSeesEveryRowOnceWhileRowsAreInserted_data()
    {
        QTest::addColumn<AssetSort>("sort");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("pageSize");
        for (const auto &[sort, name] : {std::pair{AssetSort::Name, "name"}, std::pair{AssetSort::Modified, "modified"},
                                         std::pair{AssetSort::Relevance, "relevance"}}) {
            QTest::addRow("%s, all", name) << sort << QString() << 97;
            QTest::addRow("%s, broad", name) << sort << QStringLiteral("at") << 256;
            QTest::addRow("%s, few", name) << sort << QStringLiteral("pump") << 13;
            QTest::addRow("%s, tag fragment", name) << sort << QStringLiteral("0001") << 7;
        }
    }

    void pagingSeesEveryRowOnceWhileRowsAreInserted()
    {
        QFETCH(AssetSort, sort);
        QFETCH(QString, text);
        QFETCH(int, pageSize);
        addMany(4500);
        AssetFinder finder(db());
        const AssetQuery query{text, {}, sort};
        const QStringList before = allPages(finder, query, pageSize);
        const QSet<QString> original(before.begin(), before.end());
        QCOMPARE(original.size(), before.size()); // no row twice
        QCOMPARE(before.size(), finder.count(query, 0).value);

        // Again, inserting matching rows (sorting before and after the
        // cursor) between pages: every original row once, none twice.
        int batch = 0;
        const QStringList during = allPages(finder, query, pageSize, [&](int) {
            addMany(6, QStringLiteral("new%1").arg(batch++, 4, 10, QLatin1Char('0')));
        });
        const QSet<QString> seen(during.begin(), during.end());
        QCOMPARE(seen.size(), during.size());
        QVERIFY(seen.contains(original));
        QVERIFY(batch > 0);
        if (sort != AssetSort::Relevance) {
            // The original rows keep their order among the new ones.
            QStringList originalOrder;
            for (const QString &id : during)
                if (original.contains(id))
                    originalOrder.append(id);
            QCOMPARE(originalOrder, before);
        }
    }

    void countStopsAtTheCap()
    {
        addMany(3000);
        AssetFinder finder(db());
        const AssetCount capped = finder.count({QStringLiteral("at"), {}, AssetSort::Name}, 1000);
        QCOMPARE(capped.value, 1000);
        QVERIFY(capped.capped);
        const AssetCount all = finder.count({QString(), {}, AssetSort::Name}, 10);
        QCOMPARE(all.value, 10);
        QVERIFY(all.capped);
        const AssetCount exact = finder.count({QStringLiteral("motor"), {}, AssetSort::Name}, 10000);
        QCOMPARE(exact.value, 1000); // "Motor" and "motor pump": 2 of every 6
        QVERIFY(!exact.capped);
        AssetFilter active;
        active.state = AssetFilter::State::Active;
        const AssetCount filtered = finder.count({QStringLiteral("at"), active, AssetSort::Name}, 100);
        QCOMPARE(filtered.value, 100);
        QVERIFY(filtered.capped);
        QCOMPARE(finder.count({QStringLiteral("at"), active, AssetSort::Name}, 0).value, 3000);
        QCOMPARE(finder.count({QStringLiteral("zebra"), {}, AssetSort::Name}, 10).value, 0);
    }

    void cursorOfAnotherSortIsRefused()
    {
        addMany(20);
        AssetFinder finder(db());
        const AssetPage first = finder.page({QString(), {}, AssetSort::Name}, {}, 5);
        QVERIFY_THROWS_EXCEPTION(StoreError, finder.page({QString(), {}, AssetSort::Modified}, first.next, 5));
    }

    void hostileTextIsSearchedAsText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("quote") << QStringLiteral("\"");
        QTest::newRow("quoted fragment") << QStringLiteral("\"001002");
        QTest::newRow("near") << QStringLiteral("NEAR(a b, 2)");
        QTest::newRow("column") << QStringLiteral("tag:AT");
        QTest::newRow("star") << QStringLiteral("AT-*");
        QTest::newRow("nul") << QStringLiteral("00") + QChar(0) + QStringLiteral("1002");
        QTest::newRow("long") << QStringLiteral("\"a OR b\" ").repeated(500);
    }

    void hostileTextIsSearchedAsText()
    {
        QFETCH(QString, text);
        addTagged();
        AssetFinder finder(db());
        for (AssetSort sort : {AssetSort::Name, AssetSort::Modified, AssetSort::Relevance}) {
            try {
                const AssetPage page = finder.page({text, {}, sort}, {}, 100);
                QVERIFY(page.atEnd);
                QCOMPARE(int(page.rows.size()), finder.count({text, {}, sort}, 0).value);
                finder.facets({text, {}, sort});
            } catch (const StoreError &e) {
                QFAIL(qPrintable(e.message()));
            }
        }
    }
};

QTEST_GUILESS_MAIN(tst_AssetFinder)
#include "tst_assetfinder.moc"
