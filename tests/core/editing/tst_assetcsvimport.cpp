// AssetCsvImport: the Dataverse import template, rows rejected with their
// spreadsheet row numbers, the rest in one transaction or not at all.
#include "editing/assetcsvimport.h"
#include "editing/csvreader.h"
#include "store/assetrepository.h"
#include "store/auditrepository.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;
using sl::test::makeAsset;

class tst_AssetCsvImport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    Database &db() { return m_workspace->database(); }
    int count(const char *table)
    {
        return db().queryText(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).toInt();
    }
    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return QString();
        return path;
    }

    // 10,000 rows in the template's shape; the rows listed in `bad` (data
    // index) carry a reference that does not exist; every 10th row names the
    // row before it as its parent (unless that one is bad).
    QByteArray generatedFile(int rows, const QSet<int> &bad)
    {
        QByteArray csv = "Name,Asset Tag,Category,Account,Product,Parent Asset,Latitude,Longitude\r\n";
        const char *accounts[] = {"Contoso", "Fabrikam"};
        for (int i = 0; i < rows; ++i) {
            QByteArray account = accounts[i % 2];
            QByteArray category = i % 3 ? "Pumps" : "valves"; // any case
            QByteArray product = "PX-100";
            QByteArray parent = i % 10 == 9 && !bad.contains(i - 1) ? QByteArray("Asset ") + QByteArray::number(i - 1) : QByteArray();
            if (bad.contains(i)) {
                switch (i % 4) {
                case 0: account = "Northwind"; break;
                case 1: category = "Gearboxes"; break;
                case 2: product = "ZZ-9"; break;
                default: parent = "Asset 999999"; break;
                }
            }
            csv += "Asset " + QByteArray::number(i) + ",\"T-" + QByteArray::number(i) + ", rack\"," + category + ","
                + account + "," + product + "," + parent + ",47." + QByteArray::number(i % 1000) + ",-122.5\r\n";
        }
        return csv;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(sl::test::openTemporaryWorkspace(m_dir, m_workspace));
        AssetRepository &assets = m_workspace->assets();
        assets.upsertAccounts({{QStringLiteral("acc-1"), QStringLiteral("Contoso")},
                               {QStringLiteral("acc-2"), QStringLiteral("Fabrikam")}});
        assets.upsertCategories({{QStringLiteral("cat-1"), QStringLiteral("Pumps")},
                                 {QStringLiteral("cat-2"), QStringLiteral("Valves")}});
        assets.upsertProducts({{QStringLiteral("prod-1"), QStringLiteral("PX-100"), QStringLiteral("P-100")}});
        assets.upsertAssets({makeAsset(QStringLiteral("line-1"), QStringLiteral("Line 3"))});
    }

    void cleanup() { sl::test::closeTemporaryWorkspace(m_dir, m_workspace); }

    void tenThousandRowsWith37BadReferences()
    {
        QSet<int> bad;
        QList<int> expectedRows;
        for (int k = 0; k < 37; ++k) {
            const int index = 13 + k * 269; // spread over the file, all four kinds of bad reference
            bad.insert(index);
            expectedRows.append(index + 2); // the header is row 1
        }
        const QString path = writeFile(QStringLiteral("assets.csv"), generatedFile(10000, bad));
        AssetCsvImport import(db());
        QString error;
        const std::optional<AssetCsvPreview> preview = import.prepare(path, &error);
        QVERIFY2(preview, qPrintable(error));
        QCOMPARE(preview->toCreate.size(), size_t(9963));
        QList<int> rejectedRows;
        for (const AssetCsvRejectedRow &row : preview->rejected)
            rejectedRows.append(row.row);
        QCOMPARE(rejectedRows, expectedRows);
        QVERIFY(preview->ignoredColumns.isEmpty());
        QCOMPARE(count("assets"), 1); // a preview writes nothing
        // Each kind names its field; a parent named by a rejected row says so.
        QVERIFY2(preview->rejected[0].reason.startsWith(QLatin1String("Category: \"Gearboxes\" does not exist")),
                 qPrintable(preview->rejected[0].reason));

        qsizetype lastDone = -1;
        const std::optional<qsizetype> created =
            import.commit(*preview, QStringLiteral("importer"), [&](qsizetype done, qsizetype total) {
                QCOMPARE(total, qsizetype(9963));
                QVERIFY(done >= lastDone);
                lastDone = done;
            }, nullptr, &error);
        QVERIFY2(created, qPrintable(error));
        QCOMPARE(*created, qsizetype(9963));
        QCOMPARE(lastDone, qsizetype(9963));
        QCOMPARE(count("assets"), 1 + 9963);
        QCOMPARE(db().queryText(QStringLiteral("SELECT count(*) FROM assets WHERE created_here = 1")).toInt(), 9963);
        QCOMPARE(db().queryText(QStringLiteral("SELECT count(*) FROM outbox WHERE operation = 'create'")).toInt(), 9963);
        QCOMPARE(m_workspace->assets().countMatching(QStringLiteral("rack")), 9963);

        // A row that names an earlier row as its parent is linked to it.
        const QString child = db().queryText(QStringLiteral("SELECT id FROM assets WHERE name = 'Asset 19'"));
        const std::optional<Asset> asset = m_workspace->assets().byId(child);
        QVERIFY(asset);
        QCOMPARE(m_workspace->assets().byId(asset->parentId)->name, QStringLiteral("Asset 18"));
        QCOMPARE(asset->assetTag, QStringLiteral("T-19, rack"));
        QCOMPARE(asset->categoryId, QStringLiteral("cat-1"));
        QCOMPARE(asset->latitude, 47.19);
        const std::vector<AuditEntry> history = AuditRepository(db()).history(QStringLiteral("asset"), child);
        QCOMPARE(history.size(), size_t(8));
        QCOMPARE(history[0].author, QStringLiteral("importer"));
        QCOMPARE(history[2].field, QStringLiteral("parent"));
        QCOMPARE(history[2].newValue, QStringLiteral("Asset 18"));
    }

    // A parent may be any row of the file, before or after its child: the
    // rows are imported parents first.
    void parentMayNameAnyRowOfTheFile()
    {
        const QString path = writeFile(QStringLiteral("p.csv"),
                                       "name,parent asset\n"
                                       "Child first,Later\n"     // row 2: Later is below it in the file
                                       "Later,line 3\n"          // row 3: an existing asset, any case
                                       "Grandchild,Later\n"      // row 4
                                       ",\n"                     // row 5: blank, skipped
                                       ",Later\n"                // row 6: no name
                                       "Orphan,\n"               // row 7
                                       "Under rejected,Nameless\n" // row 8: no such asset
                                       "Hen,Egg\n"               // row 9: rows naming each other
                                       "Egg,Hen\n"               // row 10
                                       "Narcissus,narcissus\n"); // row 11: itself
        QString error;
        const std::optional<AssetCsvPreview> preview = AssetCsvImport(db()).prepare(path, &error);
        QVERIFY2(preview, qPrintable(error));
        QStringList created;
        for (const AssetCsvRow &row : preview->toCreate)
            created.append(*row.fields.name);
        QCOMPARE(created, (QStringList{"Later", "Child first", "Grandchild", "Orphan"})); // parents first
        QCOMPARE(*preview->toCreate[0].fields.parentId, QStringLiteral("line-1"));
        QCOMPARE(*preview->toCreate[1].fields.parentId, preview->toCreate[0].assetId);
        QCOMPARE(*preview->toCreate[2].fields.parentId, preview->toCreate[0].assetId);
        QList<int> rejected;
        for (const AssetCsvRejectedRow &row : preview->rejected)
            rejected.append(row.row);
        QCOMPARE(rejected, (QList<int>{6, 8, 9, 10, 11})); // in file order
        QCOMPARE(preview->rejected[0].reason, QStringLiteral("Name: required"));
        QVERIFY2(preview->rejected[1].reason.contains(QStringLiteral("Nameless")), qPrintable(preview->rejected[1].reason));
        QVERIFY2(preview->rejected[2].reason.contains(QStringLiteral("rows naming each other")),
                 qPrintable(preview->rejected[2].reason));
        QCOMPARE(preview->rejected[3].reason, QStringLiteral("Parent asset: \"Hen\" is row 9, which is not imported"));
        QVERIFY2(!preview->rejected[4].reason.isEmpty(), "a row naming itself as parent is refused");
    }

    // The same file imported twice makes no duplicates: a row with the name
    // and asset tag of an asset there (or of a row above it) is refused;
    // rows without a tag are new assets of the same name.
    void sameFileTwiceMakesNoDuplicates()
    {
        const QString path = writeFile(QStringLiteral("twice.csv"),
                                       "Name,Asset Tag\n"
                                       "Chiller 7,CH-007\n"   // row 2
                                       "chiller 7,ch-007\n"   // row 3: row 2 again, any case
                                       "Chiller 7,CH-008\n"   // row 4: another tag, another asset
                                       "Untagged,\n");        // row 5
        QString error;
        AssetCsvImport import(db());
        std::optional<AssetCsvPreview> preview = import.prepare(path, &error);
        QVERIFY2(preview, qPrintable(error));
        QCOMPARE(preview->toCreate.size(), size_t(3));
        QCOMPARE(preview->rejected.size(), size_t(1));
        QCOMPARE(preview->rejected[0].row, 3);
        QVERIFY2(preview->rejected[0].reason.contains(QStringLiteral("same name and asset tag as row 2")),
                 qPrintable(preview->rejected[0].reason));
        QVERIFY2(import.commit(*preview, QStringLiteral("tester"), {}, nullptr, &error), qPrintable(error));

        preview = import.prepare(path, &error);
        QVERIFY2(preview, qPrintable(error));
        QCOMPARE(preview->toCreate.size(), size_t(1)); // the untagged row: nothing tells it is the same
        QCOMPARE(*preview->toCreate[0].fields.name, QStringLiteral("Untagged"));
        QCOMPARE(preview->rejected.size(), size_t(3));
        for (int i : {0, 1, 2})
            QVERIFY2(preview->rejected[i].reason.contains(QStringLiteral("already there")),
                     qPrintable(preview->rejected[i].reason));
    }

    // A hierarchy listed children first, 20,000 deep: each row waits for
    // the next, and all are imported, root first (no pass per row).
    void deepChainListedChildrenFirst()
    {
        QByteArray text = "Name,Parent Asset\n";
        constexpr int kDepth = 20000;
        for (int i = kDepth; i >= 1; --i)
            text += "Level " + QByteArray::number(i) + "," + (i > 1 ? "Level " + QByteArray::number(i - 1) : QByteArray()) + "\n";
        const QString path = writeFile(QStringLiteral("chain.csv"), text);
        QString error;
        const std::optional<AssetCsvPreview> preview = AssetCsvImport(db()).prepare(path, &error);
        QVERIFY2(preview, qPrintable(error));
        QVERIFY(preview->rejected.empty());
        QCOMPARE(preview->toCreate.size(), size_t(kDepth));
        QCOMPARE(*preview->toCreate.front().fields.name, QStringLiteral("Level 1"));
        QCOMPARE(*preview->toCreate.back().fields.name, QStringLiteral("Level %1").arg(kDepth));
        QCOMPARE(*preview->toCreate.back().fields.parentId, preview->toCreate[kDepth - 2].assetId);
    }

    void parentNamedByARejectedRowSaysSo()
    {
        const QString path = writeFile(QStringLiteral("r.csv"), "Name,Account,Parent Asset\n"
                                                                 "Pump,Northwind,\n"
                                                                 "Seal,,pump\n");
        QString error;
        const std::optional<AssetCsvPreview> preview = AssetCsvImport(db()).prepare(path, &error);
        QVERIFY2(preview, qPrintable(error));
        QCOMPARE(preview->rejected.size(), size_t(2));
        QCOMPARE(preview->rejected[1].reason, QStringLiteral("Parent asset: \"pump\" is row 2, which is not imported"));
    }

    void headerMatching_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::addColumn<QStringList>("ignored");
        QTest::newRow("any case, spaces") << QByteArray("  NAME , asset   tag,LATITUDE\n") << "" << QStringList();
        QTest::newRow("unknown columns reported once") << QByteArray("Name,Notes,Owner,\n") << ""
                                                       << QStringList{"Notes", "Owner"};
        QTest::newRow("no Name column") << QByteArray("Asset Tag,Account\n") << "h.csv: no \"Name\" column" << QStringList();
        QTest::newRow("Name twice") << QByteArray("Name,Account,name\n")
                                    << "h.csv: the column \"Name\" appears twice (columns 1 and 3)" << QStringList();
    }

    void headerMatching()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, error);
        QFETCH(QStringList, ignored);
        const std::optional<CsvTable> table = CsvReader::parse(header, QStringLiteral("h.csv"), nullptr);
        QVERIFY(table);
        QString reason;
        const std::optional<AssetCsvPreview> preview = AssetCsvImport(db()).prepare(*table, QStringLiteral("h.csv"), &reason);
        if (error.isEmpty()) {
            QVERIFY2(preview, qPrintable(reason));
            QCOMPARE(preview->ignoredColumns, ignored);
        } else {
            QVERIFY(!preview);
            QVERIFY2(reason.startsWith(error), qPrintable(reason));
        }
    }

    void malformedFileChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::newRow("unterminated quote") << QByteArray("Name\nPump\n\"Valve\nGate\n") << "line 3: the quoted field";
        QTest::newRow("invalid UTF-8") << QByteArray("Name\nPump\nVal\xC3ve\n") << "line 3: invalid UTF-8";
    }

    void malformedFileChangesNothing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        const QString path = writeFile(QStringLiteral("bad.csv"), bytes);
        QString reason;
        QVERIFY(!AssetCsvImport(db()).prepare(path, &reason));
        QVERIFY2(reason.contains(QLatin1String("bad.csv: ") + error), qPrintable(reason));
        QCOMPARE(count("assets"), 1);
        QCOMPARE(count("outbox"), 0);
        QCOMPARE(count("audit_log"), 0);
    }

    void cancelOrFailureLeavesNothing_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("cancel after the first batch") << "cancel";
        QTest::newRow("audit write fails late") << "trigger";
        QTest::newRow("account deleted since the preview") << "changed";
    }

    void cancelOrFailureLeavesNothing()
    {
        QFETCH(QString, how);
        const QString path = writeFile(QStringLiteral("c.csv"), generatedFile(5000, {}));
        AssetCsvImport import(db());
        QString error;
        const std::optional<AssetCsvPreview> preview = import.prepare(path, &error);
        QVERIFY2(preview, qPrintable(error));
        QCOMPARE(preview->toCreate.size(), size_t(5000));
        std::atomic<bool> cancel = false;
        if (how == QLatin1String("trigger"))
            db().exec(QStringLiteral("CREATE TEMP TRIGGER fail_late BEFORE INSERT ON main.audit_log "
                                     "WHEN (SELECT count(*) FROM main.audit_log) >= 30000 "
                                     "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END"));
        if (how == QLatin1String("changed"))
            db().exec(QStringLiteral("DELETE FROM accounts WHERE id = 'acc-2'"));
        const auto progress = [&](qsizetype done, qsizetype) {
            if (how == QLatin1String("cancel") && done > 0)
                cancel = true;
        };
        QVERIFY(!import.commit(*preview, QStringLiteral("me"), progress, &cancel, &error));
        QVERIFY2(error.contains(QLatin1String("nothing was imported")), qPrintable(error));
        if (how == QLatin1String("changed"))
            QVERIFY2(error.contains(QLatin1String("row 3: Account:")), qPrintable(error));
        if (how == QLatin1String("trigger"))
            db().exec(QStringLiteral("DROP TRIGGER temp.fail_late"));
        QCOMPARE(count("assets"), 1);
        QCOMPARE(count("outbox"), 0);
        QCOMPARE(count("audit_log"), 0);
        QCOMPARE(m_workspace->assets().countMatching(QStringLiteral("rack")), 0);
    }

    void rejectedRowsReport()
    {
        const QString path = writeFile(QStringLiteral("in.csv"), "Name,Account,Notes\n"
                                                                  "Pump,Contoso,fine\n"
                                                                  "\"Seal, big\",Northwind,\"say \"\"hi\"\"\"\n");
        QString error;
        const std::optional<AssetCsvPreview> preview = AssetCsvImport(db()).prepare(path, &error);
        QVERIFY2(preview, qPrintable(error));
        const QString report = m_dir->filePath(QStringLiteral("rejected.csv"));
        QVERIFY2(AssetCsvImport::writeRejectedRows(*preview, report, &error), qPrintable(error));
        const std::optional<CsvTable> back = CsvReader::readFile(report, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->header, (QStringList{"Name", "Account", "Notes", "Row", "Reason"}));
        QCOMPARE(back->records.size(), size_t(1));
        QCOMPARE(back->records[0].fields.mid(0, 4), (QStringList{"Seal, big", "Northwind", "say \"hi\"", "3"}));
        QVERIFY(back->records[0].fields.at(4).startsWith(QLatin1String("Account: \"Northwind\" does not exist")));
    }
};

QTEST_GUILESS_MAIN(tst_AssetCsvImport)
#include "tst_assetcsvimport.moc"
