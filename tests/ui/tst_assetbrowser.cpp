// The asset browser end to end in an offscreen window: typing a search,
// facets, the hierarchy, editing through the dialog with its history, CSV
// import, and a change made by another process showing up without restart.
#include "browser/assetbrowserwidget.h"
#include "browser/assetcsvimportdialog.h"
#include "browser/assetdetailswidget.h"
#include "browser/asseteditdialog.h"
#include "browser/facetpanel.h"
#include "demo/demoworkspacebuilder.h"
#include "items/assetlistmodel.h"
#include "items/assettreemodel.h"
#include "mainwindow.h"
#include "store/assetrepository.h"
#include "store/database.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace sl;

class tst_AssetBrowser : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_workspaceDir;
    std::unique_ptr<MainWindow> m_window;

    static QByteArray fileHash(const QString &path)
    {
        QFile file(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        return file.open(QIODevice::ReadOnly) && hash.addData(&file) ? hash.result() : QByteArray();
    }

    AssetBrowserWidget *browser() const { return m_window->assetBrowser(); }
    AssetListModel *model() const { return browser()->model(); }

    bool waitListIdle() const
    {
        return QTest::qWaitFor([this] { return model()->isIdle(); }, 15000);
    }

    void showAssetAndWait(const QString &assetId)
    {
        QSignalSpy shown(m_window.get(), &MainWindow::assetShown);
        m_window->showAsset(assetId);
        QVERIFY(shown.wait(10000));
        QCOMPARE(m_window->currentAssetId(), assetId);
    }

    // An asset (id, name) straight from the workspace, through a connection of the test's own.
    std::pair<QString, QString> someAsset(const QString &where)
    {
        QString error;
        auto workspace = Workspace::open(m_workspaceDir, &error);
        if (!workspace)
            return {};
        const QString row = workspace->database().queryText(
            QStringLiteral("SELECT id || '|' || name FROM assets WHERE %1 ORDER BY name, id LIMIT 1").arg(where));
        return {row.section(QLatin1Char('|'), 0, 0), row.section(QLatin1Char('|'), 1)};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_tmp.isValid());
        m_workspaceDir = m_tmp.filePath(QStringLiteral("workspace"));
        DemoWorkspaceBuilder::Options options;
        options.videoCount = 0;
        options.photoCount = 2;
        QString error;
        QVERIFY2(DemoWorkspaceBuilder::build(m_workspaceDir, options, &error), qPrintable(error));
        m_window = std::make_unique<MainWindow>();
        QSignalSpy opened(m_window.get(), &MainWindow::workspaceOpened);
        QSignalSpy verified(m_window.get(), &MainWindow::workspaceVerified);
        m_window->openWorkspace(m_workspaceDir);
        QVERIFY(opened.count() == 1 || opened.wait(30000));
        QVERIFY(verified.count() == 1 || verified.wait(30000)); // edits wait for the whole-file check
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(waitListIdle());
    }

    void typingFiltersTheList()
    {
        browser()->setMode(AssetBrowserWidget::Mode::List);
        browser()->searchEdit()->clear();
        QTest::keyClicks(browser()->searchEdit(), QStringLiteral("chiller"));
        QTRY_VERIFY_WITH_TIMEOUT(model()->query().text == QStringLiteral("chiller"), 5000);
        QVERIFY(waitListIdle());
        QVERIFY(model()->rowCount() > 0);
        for (int row = 0; row < std::min(model()->rowCount(), 50); ++row) {
            const QModelIndex index = model()->index(row);
            const QString text = (index.data(AssetRoles::NameRole).toString() + QLatin1Char(' ')
                                  + index.data(AssetRoles::AssetTagRole).toString() + QLatin1Char(' ')
                                  + index.data(AssetRoles::AccountRole).toString() + QLatin1Char(' ')
                                  + index.data(AssetRoles::ProductRole).toString() + QLatin1Char(' ')
                                  + index.data(AssetRoles::CategoryRole).toString());
            QVERIFY2(text.contains(QStringLiteral("chiller"), Qt::CaseInsensitive), qPrintable(text));
        }
        QTRY_VERIFY(model()->matchCount().has_value());
        QTRY_VERIFY(browser()->countLabel()->text().contains(QLocale().toString(model()->matchCount()->value)));

        // The searched word is highlighted in the rows (yellow behind it);
        // with no search nothing is.
        const auto yellowPixels = [this] {
            const QImage shot = browser()->listView()->viewport()->grab().toImage();
            int count = 0;
            for (int y = 0; y < shot.height(); ++y)
                for (int x = 0; x < shot.width(); ++x) {
                    const QColor c = shot.pixelColor(x, y);
                    count += c.red() > 220 && c.green() > 180 && c.blue() < 160 ? 1 : 0;
                }
            return count;
        };
        QTRY_VERIFY(yellowPixels() > 100);
        browser()->searchEdit()->clear();
        browser()->applySearchNow();
        QVERIFY(waitListIdle());
        QTRY_COMPARE(yellowPixels(), 0);
    }

    // A tag fragment from the middle finds its asset.
    void tagFragmentIsFound()
    {
        const auto [id, name] = someAsset(QStringLiteral("asset_tag LIKE 'AT-%'"));
        QVERIFY(!id.isEmpty());
        QString error;
        auto workspace = Workspace::open(m_workspaceDir, &error);
        const QString tag = workspace->database().queryText(QStringLiteral("SELECT asset_tag FROM assets WHERE id = '%1'").arg(id));
        const QString fragment = tag.mid(4); // "AT-001231" -> "01231"
        browser()->searchEdit()->setText(fragment);
        browser()->applySearchNow();
        QVERIFY(waitListIdle());
        QVERIFY2(model()->rowOf(id) >= 0, qPrintable(fragment));
    }

    // Checking a facet value narrows the list to it; the count is the facet's.
    void facetNarrowsTheList()
    {
        browser()->searchEdit()->clear();
        browser()->applySearchNow();
        QVERIFY(waitListIdle());
        FacetPanel *facets = browser()->facetPanel();
        QTRY_VERIFY_WITH_TIMEOUT(!facets->shownIds(QStringLiteral("accounts")).isEmpty(), 10000);
        const QString account = facets->shownIds(QStringLiteral("accounts")).first();
        QVERIFY(facets->setChecked(QStringLiteral("accounts"), account, true));
        QTRY_VERIFY_WITH_TIMEOUT(model()->query().filter.accountIds == QStringList{account}, 5000);
        QVERIFY(waitListIdle());
        QVERIFY(model()->rowCount() > 0);
        QString error;
        auto workspace = Workspace::open(m_workspaceDir, &error);
        const int expected = workspace->database()
                                 .queryText(QStringLiteral("SELECT count(*) FROM assets WHERE account_id = '%1'").arg(account))
                                 .toInt();
        QTRY_COMPARE_WITH_TIMEOUT(model()->matchCount().value_or(AssetCount{}).value, expected, 10000);
        const QString accountName = model()->index(0).data(AssetRoles::AccountRole).toString();
        for (int row = 0; row < std::min(model()->rowCount(), 100); ++row)
            QCOMPARE(model()->index(row).data(AssetRoles::AccountRole).toString(), accountName);
        facets->clearFilter();
        QTRY_VERIFY(model()->query().filter.isEmpty());

        // In the hierarchy (the whole tree), checking a facet shows the
        // matches in the list, as typing a search does; the hierarchy
        // opened while the list is narrowed says it shows every asset.
        browser()->setMode(AssetBrowserWidget::Mode::Tree);
        QVERIFY(facets->setChecked(QStringLiteral("accounts"), account, true));
        QCOMPARE(browser()->mode(), AssetBrowserWidget::Mode::List);
        QTRY_VERIFY_WITH_TIMEOUT(model()->query().filter.accountIds == QStringList{account}, 5000);
        browser()->setMode(AssetBrowserWidget::Mode::Tree);
        QVERIFY2(browser()->countLabel()->text().contains(QStringLiteral("Every asset")),
                 qPrintable(browser()->countLabel()->text()));
        facets->clearFilter();
        QTRY_VERIFY(model()->query().filter.isEmpty());
        QCOMPARE(browser()->countLabel()->text(), QStringLiteral("Top-level assets and their sub-assets"));
        browser()->setMode(AssetBrowserWidget::Mode::List);
    }

    void expandingAParentShowsItsChildren()
    {
        browser()->setMode(AssetBrowserWidget::Mode::Tree);
        AssetTreeModel *tree = browser()->treeModel();
        QTRY_VERIFY_WITH_TIMEOUT(tree->isIdle() && tree->rowCount() > 0, 10000);
        QModelIndex parent;
        for (int row = 0; row < tree->rowCount() && !parent.isValid(); ++row) {
            if (tree->index(row, 0).data(AssetRoles::ChildCountRole).toInt() > 0)
                parent = tree->index(row, 0);
        }
        QVERIFY(parent.isValid());
        const int children = parent.data(AssetRoles::ChildCountRole).toInt();
        QTreeView *view = browser()->treeView();
        view->expand(parent);
        QTRY_COMPARE_WITH_TIMEOUT(tree->rowCount(parent), std::min(children, AssetTreeModel::kPageSize), 10000);
        const QModelIndex child = tree->index(0, 0, parent);
        QCOMPARE(child.data(AssetRoles::ParentIdRole).toString(), parent.data(AssetRoles::IdRole).toString());

        // Selecting the child shows its master-asset path with its parent in it.
        view->setCurrentIndex(child);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->assetDetails()->assetId(), child.data(AssetRoles::IdRole).toString(), 10000);
        QVERIFY(m_window->assetDetails()->fieldText(QStringLiteral("path")).contains(parent.data().toString()));
        browser()->setMode(AssetBrowserWidget::Mode::List);
    }

    // An edit through the dialog is saved, shows in the list and the
    // details, and the History tab says who changed what.
    void editingThroughTheDialogWritesHistory()
    {
        const auto [id, oldName] = someAsset(QStringLiteral("parent_id IS NOT NULL"));
        QVERIFY(!id.isEmpty());
        showAssetAndWait(id);
        AssetEditDialog *dialog = m_window->editAsset(id);
        QVERIFY(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->field(QStringLiteral("name"))->text(), oldName, 10000);

        // Local rules as the user types: Save stays disabled.
        dialog->field(QStringLiteral("latitude"))->setText(QStringLiteral("123"));
        QVERIFY(dialog->problemText().contains(QStringLiteral("atitude")));
        QPushButton *save = dialog->findChild<QPushButton *>();
        QVERIFY(save);
        // A location is both coordinates or none: one cleared alone would
        // put the asset on the equator.
        const QString longitude = dialog->field(QStringLiteral("longitude"))->text();
        dialog->field(QStringLiteral("latitude"))->setText(QString());
        dialog->field(QStringLiteral("longitude"))->setText(QStringLiteral("-71.15"));
        QVERIFY2(dialog->problemText().contains(QStringLiteral("both latitude and longitude")),
                 qPrintable(dialog->problemText()));
        QVERIFY(!save->isEnabled());
        dialog->field(QStringLiteral("longitude"))->setText(QString());
        QVERIFY2(dialog->problemText().isEmpty(), qPrintable(dialog->problemText())); // both cleared: no location
        dialog->field(QStringLiteral("longitude"))->setText(longitude.isEmpty() ? QStringLiteral("-71.15") : longitude);
        dialog->field(QStringLiteral("latitude"))->setText(QStringLiteral("47.6"));
        QVERIFY(dialog->problemText().isEmpty());

        // A rule that needs the workspace: the parent may not be the asset itself.
        QSignalSpy finished(m_window.get(), &MainWindow::assetEditFinished);
        const QString parent = dialog->field(QStringLiteral("parent"))->text();
        dialog->field(QStringLiteral("parent"))->setText(id);
        dialog->save();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.takeFirst().at(1).toBool(), false);
        QVERIFY2(dialog->isVisible(), "a refused edit keeps the dialog open");
        QVERIFY(!dialog->problemText().isEmpty());

        const QString newName = oldName + QStringLiteral(" (relabelled)");
        dialog->field(QStringLiteral("parent"))->setText(parent); // back to the parent it had
        QTest::keyClicks(dialog->field(QStringLiteral("name")), QStringLiteral(" (relabelled)"));
        QVERIFY(!dialog->request().assignments.join(QLatin1Char(' ')).contains(QStringLiteral("parent=")));
        dialog->save();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(1).toBool(), true);

        QTRY_COMPARE_WITH_TIMEOUT(m_window->assetDetails()->fieldText(QStringLiteral("name")), newName, 10000);
        QTreeWidget *history = m_window->assetDetails()->historyView();
        QTRY_VERIFY_WITH_TIMEOUT(history->topLevelItemCount() >= 2, 10000); // name and latitude
        bool nameRow = false;
        for (int i = 0; i < history->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *item = history->topLevelItem(i);
            if (item->text(3) == oldName && item->text(4) == newName && !item->text(1).isEmpty())
                nameRow = true;
        }
        QVERIFY2(nameRow, "the History tab shows the name change");
        QVERIFY(m_window->assetDetails()->tabs()->tabText(2).contains(QStringLiteral("History")));

        // The list shows the new name once it refreshed.
        browser()->searchEdit()->setText(QStringLiteral("relabelled"));
        browser()->applySearchNow();
        QVERIFY(waitListIdle());
        QTRY_VERIFY_WITH_TIMEOUT(model()->rowOf(id) >= 0, 10000);
    }

    // Another process (the CLI) changes an asset: the open window shows it.
    void changeByAnotherProcessAppears()
    {
        const auto [id, oldName] = someAsset(QStringLiteral("name LIKE 'Pump%'"));
        QVERIFY(!id.isEmpty());
        browser()->searchEdit()->setText(oldName);
        browser()->applySearchNow();
        QVERIFY(waitListIdle());
        showAssetAndWait(id);
        QTRY_VERIFY(model()->rowOf(id) >= 0);

        QProcess cli;
        cli.start(QStringLiteral(SIGHTLINE_CLI_PATH),
                  {QStringLiteral("asset"), QStringLiteral("set"), id, QStringLiteral("tag=CLI-CHANGED-7"),
                   QStringLiteral("--workspace"), m_workspaceDir});
        QVERIFY(cli.waitForFinished(30000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());

        QTRY_COMPARE_WITH_TIMEOUT(m_window->assetDetails()->fieldText(QStringLiteral("tag")),
                                  QStringLiteral("CLI-CHANGED-7"), 10000);
        const int row = model()->rowOf(id);
        QVERIFY(row >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(model()->index(row).data(AssetRoles::AssetTagRole).toString(),
                                  QStringLiteral("CLI-CHANGED-7"), 10000);
        QCOMPARE(browser()->currentAssetId(), id); // the selection stayed
    }

    void csvImportThroughTheDialog()
    {
        const QString csv = m_tmp.filePath(QStringLiteral("assets.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\xEF\xBB\xBFName,Asset Tag,Account,Latitude,Longitude\r\n"
                   "Imported pump A,IMP-1,,47.6,-122.3\r\n"
                   "Imported pump B,IMP-2,No Such Account,,\r\n"
                   "\"Imported, quoted\",IMP-3,,,\r\n");
        file.close();
        AssetCsvImportDialog *dialog = m_window->importAssetsFromCsv(csv);
        QVERIFY(dialog);
        QSignalSpy previewed(dialog, &AssetCsvImportDialog::previewReady);
        QVERIFY(previewed.count() == 1 || previewed.wait(10000));
        QVERIFY(previewed.first().first().toBool());
        QCOMPARE(dialog->acceptedCount(), 2);
        QCOMPARE(dialog->rejectedCount(), 1);
        QCOMPARE(dialog->rejectedView()->topLevelItem(0)->text(0), QStringLiteral("3"));

        QSignalSpy imported(dialog, &AssetCsvImportDialog::importFinished);
        dialog->startImport();
        QVERIFY(imported.wait(10000));
        QCOMPARE(imported.first().at(0).toBool(), true);
        QCOMPARE(imported.first().at(1).toLongLong(), 2);
        dialog->close();

        browser()->searchEdit()->setText(QStringLiteral("imported"));
        browser()->applySearchNow();
        QVERIFY(waitListIdle());
        QTRY_COMPARE_WITH_TIMEOUT(model()->matchCount().value_or(AssetCount{}).value, 2, 10000);
    }

    // A damaged database: the window shows rows at once but refuses the
    // workspace when the whole-file check finds the damage; nothing is written.
    void damagedWorkspaceIsRefused()
    {
        const QString directory = m_tmp.filePath(QStringLiteral("damaged"));
        {
            QString error;
            auto workspace = Workspace::open(directory, &error);
            QVERIFY2(workspace, qPrintable(error));
            std::vector<Asset> assets;
            for (int i = 0; i < 3000; ++i)
                assets.push_back(test::makeAsset(QStringLiteral("a%1").arg(i), QStringLiteral("Asset %1").arg(i)));
            workspace->assets().upsertAssets(assets);
            workspace->database().exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        const QString db = QDir(directory).filePath(QStringLiteral("sightline.db"));
        QFile file(db);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.size() > 40 * 4096);
        file.seek(20 * 4096);
        file.write(QByteArray(3 * 4096, '\x5a'));
        file.close();
        const QByteArray before = fileHash(db);

        MainWindow window;
        QSignalSpy failed(&window, &MainWindow::workspaceOpenFailed);
        window.openWorkspace(directory);
        QVERIFY(failed.wait(30000));
        QVERIFY2(failed.first().at(1).toString().contains(QStringLiteral("is damaged")),
                 qPrintable(failed.first().at(1).toString()));
        QTest::qWait(200);
        QCOMPARE(failed.count(), 1);
        QVERIFY(window.workspaceDirectory().isEmpty());
        QVERIFY(!window.editAsset(QString()));
        QCOMPARE(fileHash(db), before);
    }

    void cleanupTestCase()
    {
        m_window.reset();
    }
};

QTEST_MAIN(tst_AssetBrowser)
#include "tst_assetbrowser.moc"
