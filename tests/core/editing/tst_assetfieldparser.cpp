// AssetFieldParser: field=value arguments of the CLI, references by id or name.
#include "editing/assetfieldparser.h"
#include "editing/assetreferenceresolver.h"
#include "store/assetrepository.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sl;
using sl::test::makeAsset;

namespace {

// The edit as "field=value;..." in AssetEdit order; references as ids.
QString describe(const AssetEdit &edit)
{
    QStringList parts;
    const auto text = [&](const char *name, const std::optional<QString> &value) {
        if (value)
            parts.append(QStringLiteral("%1=%2").arg(QLatin1String(name), *value));
    };
    const auto number = [&](const char *name, const std::optional<double> &value) {
        if (value)
            parts.append(QStringLiteral("%1=%2").arg(QLatin1String(name)).arg(*value));
    };
    text("name", edit.name);
    text("tag", edit.assetTag);
    text("account", edit.accountId);
    text("product", edit.productId);
    text("category", edit.categoryId);
    text("parent", edit.parentId);
    number("latitude", edit.latitude);
    number("longitude", edit.longitude);
    return parts.join(QLatin1Char(';'));
}

} // namespace

class tst_AssetFieldParser : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(sl::test::openTemporaryWorkspace(m_dir, m_workspace));
        AssetRepository &assets = m_workspace->assets();
        assets.upsertAccounts({{QStringLiteral("acc-1"), QStringLiteral("Contoso")},
                               {QStringLiteral("acc-2"), QStringLiteral("Fabrikam")},
                               {QStringLiteral("acc-3"), QStringLiteral("fabrikam")},
                               {QStringLiteral("acc-4"), QString::fromUtf8("Öl AG")}});
        assets.upsertCategories({{QStringLiteral("cat-1"), QStringLiteral("Pumps")}});
        assets.upsertProducts({{QStringLiteral("prod-1"), QStringLiteral("PX-100"), QStringLiteral("P-100")}});
        assets.upsertAssets({makeAsset(QStringLiteral("line-1"), QStringLiteral("Line 3")),
                             makeAsset(QStringLiteral("twin-a"), QStringLiteral("Twin")),
                             makeAsset(QStringLiteral("twin-b"), QStringLiteral("twin"))});
        std::vector<Asset> many; // more than the ids a lookup reads
        for (int i = 0; i < 25; ++i)
            many.push_back(makeAsset(QStringLiteral("many-%1").arg(i, 2, 10, QLatin1Char('0')), QStringLiteral("Air end")));
        assets.upsertAssets(many);
    }

    void cleanupTestCase() { sl::test::closeTemporaryWorkspace(m_dir, m_workspace); }

    void parses_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("edit"); // empty when refused
        QTest::addColumn<QString>("error");
        QTest::newRow("name and latitude") << QStringList{"name=Pump 7", "latitude=47.6"} << "name=Pump 7;latitude=47.6" << "";
        QTest::newRow("negative and exponent") << QStringList{"longitude=-122.25", "latitude=1e-3"}
                                               << "latitude=0.001;longitude=-122.25" << "";
        QTest::newRow("value with '='") << QStringList{"name=a=b"} << "name=a=b" << "";
        QTest::newRow("field name any case") << QStringList{"TAG=P-1"} << "tag=P-1" << "";
        QTest::newRow("account by name, any case") << QStringList{"account=CONTOSO"} << "account=acc-1" << "";
        QTest::newRow("account by Unicode name, any case") << QStringList{QString::fromUtf8("account=öl ag")}
                                                            << "account=acc-4" << "";
        QTest::newRow("account by id") << QStringList{"account=acc-2"} << "account=acc-2" << "";
        QTest::newRow("category and product") << QStringList{"category=pumps", "product=px-100"}
                                              << "product=prod-1;category=cat-1" << "";
        QTest::newRow("parent by name") << QStringList{"parent=line 3"} << "parent=line-1" << "";
        QTest::newRow("empty clears") << QStringList{"parent=", "account="} << "account=;parent=" << "";
        QTest::newRow("unknown field") << QStringList{"colour=red"} << ""
                                       << "unknown field 'colour' (fields: name, tag, account, product, category, parent, latitude, longitude)";
        QTest::newRow("no '='") << QStringList{"Pump"} << "" << "'Pump' is not field=value";
        QTest::newRow("twice") << QStringList{"name=a", "name=b"} << "" << "the field 'name' is given twice";
        QTest::newRow("decimal comma") << QStringList{"latitude=47,6"} << "" << "Latitude: '47,6' is not a number";
        QTest::newRow("empty number") << QStringList{"longitude="} << "" << "Longitude: '' is not a number";
        QTest::newRow("unknown account") << QStringList{"account=Northwind"} << ""
                                         << "Account: \"Northwind\" does not exist";
        QTest::newRow("ambiguous account") << QStringList{"account=FABRIKAM"} << ""
                                           << "Account: \"FABRIKAM\" is ambiguous: 2 records have that name (ids acc-2, acc-3)";
        QTest::newRow("ambiguous parent") << QStringList{"parent=TWIN"} << ""
                                          << "Parent asset: \"TWIN\" is ambiguous: 2 records have that name (ids twin-a, twin-b)";
        QTest::newRow("ambiguous parent, counted in full")
            << QStringList{"parent=air end"} << ""
            << QString::fromUtf8("Parent asset: \"air end\" is ambiguous: 25 records have that name (ids many-00, many-01, "
                                 "many-02, many-03, many-04, …)");
    }

    void parses()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, edit);
        QFETCH(QString, error);
        AssetReferenceResolver references(m_workspace->database());
        QString reason;
        const std::optional<AssetEdit> parsed = AssetFieldParser::parse(arguments, references, &reason);
        if (edit.isEmpty()) {
            QVERIFY(!parsed);
            QVERIFY2(reason.startsWith(error), qPrintable(reason));
        } else {
            QVERIFY2(parsed, qPrintable(reason));
            QCOMPARE(describe(*parsed), edit);
        }
    }
};

QTEST_GUILESS_MAIN(tst_AssetFieldParser)
#include "tst_assetfieldparser.moc"
