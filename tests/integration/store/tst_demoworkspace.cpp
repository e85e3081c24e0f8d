#include "demo/demoworkspacebuilder.h"
#include "store/assetrepository.h"
#include "store/capturerepository.h"
#include "store/database.h"
#include "store/workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;

namespace {

DemoWorkspaceBuilder::Options shortOptions()
{
    DemoWorkspaceBuilder::Options options; // default asset count
    options.videoCount = 2;
    options.photoCount = 2;
    options.videoSeconds = 2;
    return options;
}

// Every asset as "id name parent", in the list's order.
QStringList listing(Workspace &workspace)
{
    QStringList rows;
    AssetPageCursor cursor;
    for (;;) {
        const std::vector<Asset> page = workspace.assets().page({}, cursor, 500);
        for (const Asset &asset : page)
            rows.append(asset.id + QLatin1Char(' ') + asset.name + QLatin1Char(' ') + asset.parentId);
        if (page.empty())
            break;
        cursor = {page.back().name, page.back().id};
    }
    return rows;
}

} // namespace

class tst_DemoWorkspace : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_first;
    QTemporaryDir m_second;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_first.isValid() && m_second.isValid()); }

    void buildsAWorkspace()
    {
        double lastFraction = -1;
        int reports = 0;
        QString error;
        const bool ok = DemoWorkspaceBuilder::build(m_first.path(), shortOptions(), &error,
                                                    [&](const QString &step, double fraction) {
                                                        QVERIFY(!step.isEmpty());
                                                        QVERIFY(fraction >= lastFraction);
                                                        lastFraction = fraction;
                                                        ++reports;
                                                    });
        QVERIFY2(ok, qPrintable(error));
        QVERIFY(reports >= 3);
        QCOMPARE(lastFraction, 1.0);
        QVERIFY(!QFileInfo::exists(m_first.filePath(QStringLiteral(".demo-import"))));

        std::unique_ptr<Workspace> workspace = Workspace::open(m_first.path(), &error);
        QVERIFY2(workspace, qPrintable(error));
        QVERIFY(workspace->assets().count() >= 2000);
        QCOMPARE(workspace->assets().count(), DemoWorkspaceBuilder::Options().assetCount);

        // Sites > units > components.
        const QStringList sites =
            workspace->database()
                .queryText(QStringLiteral("SELECT group_concat(id) FROM "
                                          "(SELECT id FROM assets WHERE parent_id IS NULL LIMIT 20)"))
                .split(QLatin1Char(','), Qt::SkipEmptyParts);
        QVERIFY(sites.size() >= 10);
        bool foundThreeLevels = false;
        for (const QString &site : sites) {
            for (const Asset &unit : workspace->assets().children(site, {}, 1000)) {
                if (!workspace->assets().children(unit.id, {}, 1).empty()) {
                    foundThreeLevels = true;
                    break;
                }
            }
            if (foundThreeLevels)
                break;
        }
        QVERIFY(foundThreeLevels);
        QVERIFY(workspace->assets().countMatching(QStringLiteral("chiller")) > 0);
        QVERIFY(workspace->assets().countMatching(QStringLiteral("pump")) > 0);

        // Captures, with their media inside the workspace.
        QCOMPARE(workspace->captures().count(), 4);
        const QString rows = workspace->database().queryText(
            QStringLiteral("SELECT group_concat(id) FROM (SELECT id FROM captures ORDER BY id)"));
        int videos = 0;
        for (const QString &id : rows.split(QLatin1Char(','))) {
            const std::optional<CaptureRecord> capture = workspace->captures().byId(id);
            QVERIFY(capture);
            QVERIFY(workspace->assets().byId(capture->assetId));
            const QString media = workspace->absoluteMediaPath(capture->mediaPath);
            QVERIFY2(media.startsWith(workspace->mediaDirectory() + QLatin1Char('/')), qPrintable(media));
            QVERIFY2(QFileInfo(media).size() > 0, qPrintable(media));
            videos += capture->mediaType == MediaType::Video ? 1 : 0;
        }
        QCOMPARE(videos, 2);
    }

    void deterministic()
    {
        QString error;
        DemoWorkspaceBuilder::Options options = shortOptions();
        options.videoCount = 0; // the assets are what is compared
        options.photoCount = 0;
        QVERIFY2(DemoWorkspaceBuilder::build(m_second.path(), options, &error), qPrintable(error));
        std::unique_ptr<Workspace> first = Workspace::open(m_first.path());
        std::unique_ptr<Workspace> second = Workspace::open(m_second.path());
        QVERIFY(first && second);
        const QStringList a = listing(*first);
        const QStringList b = listing(*second);
        QCOMPARE(a.size(), DemoWorkspaceBuilder::Options().assetCount);
        QCOMPARE(a, b);
    }

    void ensureDoesNotRebuild()
    {
        QString error;
        int reports = 0;
        QVERIFY2(
            DemoWorkspaceBuilder::ensure(m_first.path(), &error, [&](const QString &, double) { ++reports; }),
            qPrintable(error));
        QCOMPARE(reports, 0);
        std::unique_ptr<Workspace> workspace = Workspace::open(m_first.path());
        QCOMPARE(workspace->captures().count(), 4);
    }

    void defaultDirectory()
    {
        QVERIFY(DemoWorkspaceBuilder::defaultDirectory().endsWith(QStringLiteral("/demo-workspace")));
    }
};

QTEST_GUILESS_MAIN(tst_DemoWorkspace)
#include "tst_demoworkspace.moc"
