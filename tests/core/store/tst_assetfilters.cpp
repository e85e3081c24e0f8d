// AssetFinder's filters and facets against brute force over a generated
// workspace (DemoAssetGenerator), through both shapes a search can take: a
// few matches (a list SQLite sorts) and many (a bitmap tested per row).
#include "testsupport.h"
#include "demo/demoassetgenerator.h"
#include "store/assetfiltersql.h"
#include "store/assetfinder.h"
#include "store/assetrepository.h"
#include "store/database.h"
#include "store/workspace.h"

#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace sl;

namespace {

constexpr int kAssets = 6000; // more than AssetFinder::kSortThreshold

struct Fixture
{
    std::vector<Asset> assets;
    QHash<QString, QSet<QString>> reviewsOf; // asset id -> review statuses of its captures
};

} // namespace

class tst_AssetFilters : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    Fixture m_data;
    QString m_someAccount, m_otherAccount, m_someCategory, m_someProduct;

    Database &db() { return m_workspace->database(); }

    bool passes(const Asset &asset, const AssetFilter &filter, FilterPart without) const
    {
        if (without != FilterPart::Accounts && !filter.accountIds.isEmpty() && !filter.accountIds.contains(asset.accountId))
            return false;
        if (without != FilterPart::Categories && !filter.categoryIds.isEmpty() &&
            !filter.categoryIds.contains(asset.categoryId))
            return false;
        if (without != FilterPart::Products && !filter.productIds.isEmpty() && !filter.productIds.contains(asset.productId))
            return false;
        if (without != FilterPart::State && filter.state != AssetFilter::State::Any &&
            (filter.state == AssetFilter::State::Active) != (asset.stateCode == 0))
            return false;
        const QSet<QString> reviews = m_data.reviewsOf.value(asset.id);
        if (without != FilterPart::Captures && filter.captures != AssetFilter::Captures::Any &&
            (filter.captures == AssetFilter::Captures::With) != !reviews.isEmpty())
            return false;
        if (without != FilterPart::ReviewStatuses && !filter.reviewStatuses.isEmpty() &&
            !reviews.intersects(QSet<QString>(filter.reviewStatuses.begin(), filter.reviewStatuses.end())))
            return false;
        if (!filter.modifiedSince.isEmpty() && asset.modifiedOn < AssetFilterSql::normalizedSince(filter.modifiedSince))
            return false;
        return true;
    }

    // The ids a text matches, as the finder matches text (tested on its own in tst_assetfinder).
    QSet<QString> textMatch(const QString &text)
    {
        AssetFinder finder(db());
        QSet<QString> ids;
        AssetCursor cursor;
        for (;;) {
            const AssetPage page = finder.page({text, {}, AssetSort::Name}, cursor, 5000);
            for (const Asset &asset : page.rows)
                ids.insert(asset.id);
            if (page.atEnd)
                return ids;
            cursor = page.next;
        }
    }

    // Whether `ids` come in the keyset order of `sort`: (name, id) ascending,
    // or (modified_on, id) descending, compared as SQLite does (UTF-8 bytes;
    // the name column folds ASCII case, NOCASE).
    bool inKeysetOrder(const QStringList &ids, AssetSort sort) const
    {
        QHash<QString, const Asset *> byId;
        for (const Asset &asset : m_data.assets)
            byId.insert(asset.id, &asset);
        const auto key = [&](const QString &id) {
            const Asset *asset = byId.value(id);
            return std::make_pair(sort == AssetSort::Name ? asset->name.toUtf8().toLower() : asset->modifiedOn.toUtf8(),
                                  id.toUtf8());
        };
        for (qsizetype i = 1; i < ids.size(); ++i) {
            const auto previous = key(ids[i - 1]), current = key(ids[i]);
            if (sort == AssetSort::Name ? !(previous < current) : !(current < previous))
                return false;
        }
        return true;
    }

    QStringList expectedIds(const QString &text, const AssetFilter &filter)
    {
        const QSet<QString> matching = textMatch(text);
        QStringList ids;
        for (const Asset &asset : m_data.assets)
            if (matching.contains(asset.id) && passes(asset, filter, FilterPart::None))
                ids.append(asset.id);
        ids.sort();
        return ids;
    }

    static std::map<QString, int> countsOf(const std::vector<FacetValue> &values)
    {
        std::map<QString, int> counts;
        for (const FacetValue &value : values)
            if (value.count > 0)
                counts[value.id] = value.count;
        return counts;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_workspace = Workspace::open(m_dir.path(), &error);
        QVERIFY2(m_workspace, qPrintable(error));
        const DemoAssetSet set = DemoAssetGenerator().generate(kAssets);
        m_workspace->assets().upsertAccounts(set.accounts);
        m_workspace->assets().upsertProducts(set.products);
        m_workspace->assets().upsertCategories(set.categories);
        m_workspace->assets().upsertAssets(set.assets);
        m_data.assets = set.assets;

        // Captures on every 7th asset, one to three, with varied review statuses.
        const QStringList statuses{QStringLiteral("new"), QStringLiteral("approved"), QStringLiteral("rejected"),
                                   QStringLiteral("needs-follow-up")};
        Transaction transaction(db());
        Statement insert = db().prepare(QStringLiteral(
            "INSERT INTO captures(id, asset_ref, media_path, media_type, review_status, manifest_json) "
            "VALUES (?, ?, 'media/x.jpg', 'photo', ?, '{}')"));
        for (int i = 0; i < int(set.assets.size()); i += 7) {
            for (int c = 0; c <= i % 3; ++c) {
                const QString status = statuses[(i / 7 + c) % statuses.size()];
                insert.bind(1, QStringLiteral("capture-%1-%2").arg(i).arg(c)).bind(2, set.assets[size_t(i)].id);
                insert.bind(3, status).run();
                insert.reset();
                m_data.reviewsOf[set.assets[size_t(i)].id].insert(status);
            }
        }
        transaction.commit();

        m_someAccount = set.assets[10].accountId;
        m_otherAccount = set.assets[3000].accountId;
        m_someCategory = set.assets[12].categoryId;
        m_someProduct = set.assets[5].productId.isEmpty() ? set.assets[6].productId : set.assets[5].productId;
        QVERIFY(!m_someProduct.isEmpty());
        QVERIFY(m_someAccount != m_otherAccount);
    }

    void cleanupTestCase() { m_workspace.reset(); }

    void filtersMatchBruteForce_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("filterKind");
        const QStringList texts{QString(), QStringLiteral("at"), QStringLiteral("motor"), QStringLiteral("001")};
        for (const QString &text : texts) {
            for (int kind = 0; kind < 11; ++kind)
                QTest::addRow("\"%s\" filter %d", qPrintable(text), kind) << text << kind;
        }
    }

    void filtersMatchBruteForce()
    {
        QFETCH(QString, text);
        QFETCH(int, filterKind);
        AssetFilter filter;
        switch (filterKind) {
        case 0: break;
        case 1: filter.accountIds = {m_someAccount}; break;
        case 2: filter.accountIds = {m_someAccount, m_otherAccount}; break;
        case 3: filter.categoryIds = {m_someCategory}; break;
        case 4: filter.productIds = {m_someProduct}; break;
        case 5: filter.state = AssetFilter::State::Inactive; break;
        case 6: filter.captures = AssetFilter::Captures::With; break;
        case 7: filter.captures = AssetFilter::Captures::Without; filter.state = AssetFilter::State::Active; break;
        case 8: filter.reviewStatuses = {QStringLiteral("approved"), QStringLiteral("rejected")}; break;
        case 9: filter.modifiedSince = QStringLiteral("2026-06-01"); break;
        case 10:
            filter.accountIds = {m_someAccount, m_otherAccount};
            filter.categoryIds = {m_someCategory};
            filter.reviewStatuses = {QStringLiteral("new")};
            filter.modifiedSince = QStringLiteral("2026-03-01T12:00:00Z");
            break;
        }
        const QStringList expected = expectedIds(text, filter);
        // Every query shape: the default ones for this size; a walk along the
        // sort order or a sampled narrowing (no filter counts as selective);
        // and all matches as a bitmap.
        for (const AssetFinder::Tuning tuning : {AssetFinder::Tuning{}, AssetFinder::Tuning{AssetFinder::kSortThreshold, 0},
                                                 AssetFinder::Tuning{0, 0}})
        for (AssetSort sort : {AssetSort::Name, AssetSort::Modified, AssetSort::Relevance}) {
            AssetFinder finder(db(), tuning);
            QStringList got;
            AssetCursor cursor;
            for (;;) {
                const AssetPage page = finder.page({text, filter, sort}, cursor, 700);
                for (const Asset &asset : page.rows)
                    got.append(asset.id);
                if (page.atEnd)
                    break;
                cursor = page.next;
            }
            if (sort != AssetSort::Relevance)
                QVERIFY2(inKeysetOrder(got, sort), "the pages are not in the sort's order");
            got.sort();
            QCOMPARE(got, expected);
            QCOMPARE(finder.count({text, filter, AssetSort::Name}, 0).value, expected.size());
            const AssetCount capped = finder.count({text, filter, AssetSort::Name}, 50);
            QCOMPARE(capped.value, std::min(50, int(expected.size())));
            QCOMPARE(capped.capped, expected.size() > 50);
        }
        if (filterKind == 0 && text.isEmpty())
            QCOMPARE(expected.size(), kAssets);
    }

    void facetsMatchBruteForce_data()
    {
        filtersMatchBruteForce_data();
    }

    void facetsMatchBruteForce()
    {
        QFETCH(QString, text);
        QFETCH(int, filterKind);
        AssetFilter filter;
        if (filterKind % 3 == 1)
            filter.accountIds = {m_someAccount, m_otherAccount};
        if (filterKind % 4 == 2)
            filter.state = AssetFilter::State::Active;
        if (filterKind % 5 == 3)
            filter.reviewStatuses = {QStringLiteral("approved")};
        if (filterKind % 2 == 1)
            filter.captures = AssetFilter::Captures::With;
        if (filterKind == 9)
            filter.categoryIds = {m_someCategory};

        const AssetFacets facets =
            AssetFinder(db(), AssetFinder::Tuning{filterKind % 2 ? 0 : AssetFinder::kSortThreshold, 0})
                .facets({text, filter, AssetSort::Name});
        const QSet<QString> matching = textMatch(text);
        std::map<QString, int> accounts, categories, products, states, captures, reviews;
        for (const Asset &asset : m_data.assets) {
            if (!matching.contains(asset.id))
                continue;
            if (!asset.accountId.isEmpty() && passes(asset, filter, FilterPart::Accounts))
                ++accounts[asset.accountId];
            if (!asset.categoryId.isEmpty() && passes(asset, filter, FilterPart::Categories))
                ++categories[asset.categoryId];
            if (!asset.productId.isEmpty() && passes(asset, filter, FilterPart::Products))
                ++products[asset.productId];
            if (passes(asset, filter, FilterPart::State))
                ++states[asset.stateCode == 0 ? QStringLiteral("active") : QStringLiteral("inactive")];
            const QSet<QString> assetReviews = m_data.reviewsOf.value(asset.id);
            if (passes(asset, filter, FilterPart::Captures))
                ++captures[assetReviews.isEmpty() ? QStringLiteral("without") : QStringLiteral("with")];
            if (passes(asset, filter, FilterPart::ReviewStatuses))
                for (const QString &status : assetReviews)
                    ++reviews[status];
        }
        // Products can be more than kFacetLimit: compare the ones listed, and their ranking.
        QCOMPARE(countsOf(facets.accounts), accounts);
        QCOMPARE(countsOf(facets.categories), categories);
        QCOMPARE(countsOf(facets.states), states);
        QCOMPARE(countsOf(facets.captures), captures);
        QCOMPARE(countsOf(facets.reviewStatuses), reviews);
        QVERIFY(facets.products.size() <= size_t(AssetFinder::kFacetLimit) + filter.productIds.size());
        for (const FacetValue &value : facets.products)
            QCOMPARE(value.count, products.count(value.id) ? products[value.id] : 0);
        for (size_t i = 1; i < facets.accounts.size(); ++i)
            QVERIFY(facets.accounts[i - 1].count >= facets.accounts[i].count);
        for (const FacetValue &value : facets.accounts)
            QVERIFY2(!value.label.isEmpty() && value.label != value.id, qPrintable(value.id)); // the account's name
        QCOMPARE(facets.states.size(), size_t(2));
        QCOMPARE(facets.reviewStatuses.size(), size_t(4));
    }

    void selectedFacetValueIsListedEvenWhenEmpty()
    {
        AssetFilter filter;
        filter.accountIds = {m_someAccount};
        const AssetFacets facets = AssetFinder(db()).facets({QStringLiteral("zebra"), filter, AssetSort::Name});
        QCOMPARE(facets.states.size(), size_t(2));
        const AssetFacets some = AssetFinder(db()).facets({QStringLiteral("motor"), filter, AssetSort::Name});
        QVERIFY(std::any_of(some.accounts.begin(), some.accounts.end(),
                            [&](const FacetValue &v) { return v.id == m_someAccount; }));
    }

    void modifiedSince_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("date") << QStringLiteral("2026-03-01") << QStringLiteral("2026-03-01T00:00:00");
        QTest::newRow("utc") << QStringLiteral("2026-03-01T08:30:00Z") << QStringLiteral("2026-03-01T08:30:00");
        QTest::newRow("no zone is utc") << QStringLiteral("2026-03-01T08:30") << QStringLiteral("2026-03-01T08:30:00");
        QTest::newRow("offset") << QStringLiteral("2026-03-01T08:30:00+02:00") << QStringLiteral("2026-03-01T06:30:00");
        QTest::newRow("milliseconds") << QStringLiteral("2026-03-01T08:30:00.250Z") << QStringLiteral("2026-03-01T08:30:00");
        QTest::newRow("not a date") << QStringLiteral("yesterday") << QString();
        QTest::newRow("no such day") << QStringLiteral("2026-02-30") << QString();
        QTest::newRow("slashes") << QStringLiteral("2026/03/01") << QString();
        QTest::newRow("trailing text") << QStringLiteral("2026-03-01; DROP") << QString();
    }

    void modifiedSince()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(AssetFilterSql::normalizedSince(input), expected);
        if (expected.isEmpty()) {
            AssetFilter filter;
            filter.modifiedSince = input;
            try {
                AssetFinder(db()).page({QString(), filter, AssetSort::Name}, {}, 10);
                QFAIL("a bad date was accepted");
            } catch (const StoreError &e) {
                QVERIFY2(e.message().contains(input) && e.message().contains(QLatin1String("modified since")),
                         qPrintable(e.message()));
            }
        }
    }
};

QTEST_GUILESS_MAIN(tst_AssetFilters)
#include "tst_assetfilters.moc"
