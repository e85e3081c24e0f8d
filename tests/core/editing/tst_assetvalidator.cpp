// AssetValidator: the rules of an asset's fields, including the hierarchy.
#include "editing/assetreferenceresolver.h"
#include "editing/assetvalidator.h"
#include "store/assetrepository.h"
#include "store/database.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace sl;
using sl::test::makeAsset;

class tst_AssetValidator : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    Database &db() { return m_workspace->database(); }

    QStringList updateProblems(const QString &id, const AssetEdit &edit)
    {
        AssetReferenceResolver references(db());
        AssetValidator validator(db(), references);
        return validator.problemsForUpdate(id, edit);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(sl::test::openTemporaryWorkspace(m_dir, m_workspace));
        // root > child > grandchild; other stands alone.
        m_workspace->assets().upsertAccounts({{QStringLiteral("acc-1"), QStringLiteral("Contoso")}});
        m_workspace->assets().upsertAssets({makeAsset(QStringLiteral("root"), QStringLiteral("Root")),
                                            makeAsset(QStringLiteral("child"), QStringLiteral("Child"), {}, QStringLiteral("root")),
                                            makeAsset(QStringLiteral("grandchild"), QStringLiteral("Grandchild"), {},
                                                      QStringLiteral("child")),
                                            makeAsset(QStringLiteral("other"), QStringLiteral("Other"))});
    }

    void cleanup() { sl::test::closeTemporaryWorkspace(m_dir, m_workspace); }

    void fieldRules_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("number");
        QTest::addColumn<QString>("problem"); // empty: accepted
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        QTest::newRow("name ok") << "name" << "Pump 7" << 0.0 << "";
        QTest::newRow("name empty") << "name" << "" << 0.0 << "Name: required";
        QTest::newRow("name blank") << "name" << "   \t" << 0.0 << "Name: required";
        QTest::newRow("name 100") << "name" << QString(100, QLatin1Char('n')) << 0.0 << "";
        QTest::newRow("name 101") << "name" << QString(101, QLatin1Char('n')) << 0.0
                                  << "Name: 101 characters, at most 100 are allowed";
        QTest::newRow("tag 100") << "tag" << QString(100, QLatin1Char('t')) << 0.0 << "";
        QTest::newRow("tag 101") << "tag" << QString(101, QLatin1Char('t')) << 0.0
                                 << "Asset tag: 101 characters, at most 100 are allowed";
        QTest::newRow("latitude 90") << "latitude" << "" << 90.0 << "";
        QTest::newRow("latitude -90") << "latitude" << "" << -90.0 << "";
        QTest::newRow("latitude 90.0001") << "latitude" << "" << 90.0001 << "Latitude: 90.0001 is not within -90 to 90 degrees";
        QTest::newRow("latitude NaN") << "latitude" << "" << nan << "Latitude: nan is not within -90 to 90 degrees";
        QTest::newRow("longitude -180") << "longitude" << "" << -180.0 << "";
        QTest::newRow("longitude 180.5") << "longitude" << "" << 180.5 << "Longitude: 180.5 is not within -180 to 180 degrees";
        QTest::newRow("longitude inf") << "longitude" << "" << inf << "Longitude: inf is not within -180 to 180 degrees";
    }

    void fieldRules()
    {
        QFETCH(QString, field);
        QFETCH(QString, text);
        QFETCH(double, number);
        QFETCH(QString, problem);
        QString actual;
        if (field == QLatin1String("name"))
            actual = AssetValidator::nameProblem(text.trimmed());
        else if (field == QLatin1String("tag"))
            actual = AssetValidator::tagProblem(text);
        else if (field == QLatin1String("latitude"))
            actual = AssetValidator::latitudeProblem(number);
        else
            actual = AssetValidator::longitudeProblem(number);
        QCOMPARE(actual, problem);
    }

    void newAssetNeedsAName()
    {
        AssetReferenceResolver references(db());
        AssetValidator validator(db(), references);
        AssetEdit edit;
        edit.assetTag = QStringLiteral("T-1");
        QCOMPARE(validator.problemsForNew(edit), QStringList{QStringLiteral("Name: required")});
        edit.name = QStringLiteral("Pump");
        QVERIFY(validator.problemsForNew(edit).isEmpty());
    }

    void referencesMustExist()
    {
        AssetEdit edit;
        edit.accountId = QStringLiteral("acc-missing");
        edit.parentId = QStringLiteral("nowhere");
        edit.categoryId = QString(); // clearing is always fine
        const QStringList problems = updateProblems(QStringLiteral("other"), edit);
        QCOMPARE(problems.size(), 2);
        QVERIFY2(problems.at(0).startsWith(QLatin1String("Account: ")) && problems.at(0).contains(QLatin1String("acc-missing")),
                 qPrintable(problems.at(0)));
        QVERIFY2(problems.at(1).startsWith(QLatin1String("Parent asset: ")), qPrintable(problems.at(1)));
        edit.accountId = QStringLiteral("acc-1");
        edit.parentId = QStringLiteral("root");
        QVERIFY(updateProblems(QStringLiteral("other"), edit).isEmpty());
    }

    void hierarchy_data()
    {
        QTest::addColumn<QString>("asset");
        QTest::addColumn<QString>("parent");
        QTest::addColumn<QString>("problem");
        QTest::newRow("parent = self") << "root" << "root" << "Parent asset: an asset cannot be its own parent";
        QTest::newRow("parent = child") << "root" << "child"
                                        << "Parent asset: \"Child\" is below this asset in the hierarchy; choosing it would make a loop";
        QTest::newRow("parent = grandchild") << "root" << "grandchild"
                                             << "Parent asset: \"Grandchild\" is below this asset in the hierarchy; choosing it would make a loop";
        QTest::newRow("parent = its own parent again") << "grandchild" << "child" << "";
        QTest::newRow("move up to grandparent") << "grandchild" << "root" << "";
        QTest::newRow("under an unrelated asset") << "root" << "other" << "";
        QTest::newRow("other under grandchild") << "other" << "grandchild" << "";
        QTest::newRow("cleared") << "grandchild" << "" << "";
    }

    void hierarchy()
    {
        QFETCH(QString, asset);
        QFETCH(QString, parent);
        QFETCH(QString, problem);
        AssetEdit edit;
        edit.parentId = parent;
        const QStringList problems = updateProblems(asset, edit);
        QCOMPARE(problems.join(QLatin1Char('\n')), problem);
    }

    void alreadyCyclicTableEndsTheWalk()
    {
        // a <-> b, written behind the validator's back (e.g. by a broken sync).
        m_workspace->assets().upsertAssets({makeAsset(QStringLiteral("a"), QStringLiteral("A"), {}, QStringLiteral("b")),
                                            makeAsset(QStringLiteral("b"), QStringLiteral("B"), {}, QStringLiteral("a"))});
        QCOMPARE(db().queryText(QStringLiteral("SELECT parent_id FROM assets WHERE id = 'a'")), QStringLiteral("b"));
        AssetEdit edit;
        edit.parentId = QStringLiteral("a");
        QVERIFY(updateProblems(QStringLiteral("other"), edit).isEmpty()); // terminates; other is not in the loop
        QCOMPARE(updateProblems(QStringLiteral("b"), edit).size(), 1);   // b is above a
    }
};

QTEST_GUILESS_MAIN(tst_AssetValidator)
#include "tst_assetvalidator.moc"
