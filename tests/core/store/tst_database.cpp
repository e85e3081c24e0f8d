#include "store/database.h"
#include "store/migrations.h"
#include "store/assetrepository.h"
#include "store/workspace.h"

#include <QFileInfo>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace sl;

class tst_Database : public QObject
{
    Q_OBJECT

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("test.db")); }
    std::unique_ptr<QTemporaryDir> m_dir;

    static int rowCount(Database &db, const QString &table)
    {
        return db.queryText(QStringLiteral("SELECT count(*) FROM ") + table).toInt();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void migrationsSetUserVersion()
    {
        auto db = Database::open(dbPath());
        QCOMPARE(db->userVersion(), 0);
        Migrations::run(*db);
        QVERIFY(Migrations::latestVersion() >= 1);
        QCOMPARE(db->userVersion(), Migrations::latestVersion());
        for (const char *table : {"accounts", "products", "categories", "assets", "asset_search",
                                  "spatial_frames", "captures", "markups", "outbox"}) {
            const QString found = db->queryText(
                QStringLiteral("SELECT name FROM sqlite_master WHERE name = '%1'").arg(QLatin1String(table)));
            QCOMPARE(found, QString::fromLatin1(table));
        }
        // Running again changes nothing.
        Migrations::run(*db);
        QCOMPARE(db->userVersion(), Migrations::latestVersion());
    }

    void connectionSettings()
    {
        auto db = Database::open(dbPath());
        QCOMPARE(db->queryText(QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
        QCOMPARE(db->queryText(QStringLiteral("PRAGMA foreign_keys")), QStringLiteral("1"));
        QCOMPARE(db->queryText(QStringLiteral("PRAGMA synchronous")), QStringLiteral("2")); // FULL: every commit durable
        QVERIFY(db->queryText(QStringLiteral("PRAGMA busy_timeout")).toInt() > 0);
        QCOMPARE(db->queryText(QStringLiteral("PRAGMA journal_size_limit")).toLongLong(), Database::kJournalSizeLimit);
    }

    void walIsTruncatedAfterBulkWrites()
    {
        QString error;
        std::unique_ptr<Workspace> workspace = Workspace::open(m_dir->path(), &error);
        QVERIFY2(workspace, qPrintable(error));
        const QString wal = workspace->databasePath() + QStringLiteral("-wal");
        // A reader on another connection, as the GUI has one, must not stall the writer.
        auto reader = Database::open(workspace->databasePath());
        std::vector<Asset> assets;
        for (int i = 0; i < 20000; ++i) {
            Asset asset;
            asset.id = QStringLiteral("asset-%1").arg(i);
            asset.name = QStringLiteral("Pump %1 with a longer name to fill pages").arg(i);
            asset.assetTag = QStringLiteral("AT-%1").arg(i, 6, 10, QLatin1Char('0'));
            assets.push_back(asset);
        }
        workspace->assets().upsertAssets(assets);
        QCOMPARE(workspace->assets().count(), 20000);
        // Truncated by the checkpoint after the bulk write (it would hold every page written).
        QVERIFY2(QFileInfo(wal).size() < 1024 * 1024, qPrintable(QString::number(QFileInfo(wal).size())));
        QVERIFY(QFileInfo(workspace->databasePath()).size() > 4 * 1024 * 1024);

        // A reader inside a transaction holds the WAL back: no stall, no error,
        // and the WAL never stays above the limit once it is reset.
        Transaction reading(*reader, Transaction::Read);
        QCOMPARE(reader->queryText(QStringLiteral("SELECT count(*) FROM assets")).toInt(), 20000);
        for (Asset &asset : assets)
            asset.name += QStringLiteral(" (renamed)");
        workspace->assets().upsertAssets(assets);
        reading.commit();
        workspace->assets().upsertAssets({assets.front()});
        QVERIFY(QFileInfo(wal).size() <= Database::kJournalSizeLimit);
    }

    void foreignKeysEnforced()
    {
        auto db = Database::open(dbPath());
        Migrations::run(*db);
        QVERIFY_THROWS_EXCEPTION(
            StoreError,
            db->exec(QStringLiteral(
                "INSERT INTO assets(id, name, account_id) VALUES ('a1', 'Pump', 'no-such-account')")));
        QCOMPARE(rowCount(*db, QStringLiteral("assets")), 0);
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 db->exec(QStringLiteral("INSERT INTO markups(id, capture_id, source_capture, kind, "
                                                         "space, json) VALUES ('m', 'no-such-capture', "
                                                         "'no-such-capture', 'ink', 'image', '{}')")));
        // A parent is checked when the transaction commits.
        QVERIFY_THROWS_EXCEPTION(
            StoreError,
            db->exec(QStringLiteral(
                "INSERT INTO assets(id, name, parent_id) VALUES ('a2', 'Motor', 'no-such-parent')")));
        QCOMPARE(rowCount(*db, QStringLiteral("assets")), 0);
        db->exec(QStringLiteral("INSERT INTO accounts(id, name) VALUES ('acc', 'Contoso')"));
        db->exec(QStringLiteral("INSERT INTO assets(id, name, account_id) VALUES ('a1', 'Pump', 'acc')"));
        QCOMPARE(rowCount(*db, QStringLiteral("assets")), 1);
    }

    void newerVersionRefused()
    {
        {
            auto db = Database::open(dbPath());
            Migrations::run(*db);
            db->setUserVersion(Migrations::latestVersion() + 1);
        }
        auto db = Database::open(dbPath());
        try {
            Migrations::run(*db);
            QFAIL("a database from a newer version was accepted");
        } catch (const StoreError &e) {
            QVERIFY2(e.message().contains(QStringLiteral("newer")), qPrintable(e.message()));
            QVERIFY2(e.message().contains(QString::number(Migrations::latestVersion() + 1)),
                     qPrintable(e.message()));
        }
        QCOMPARE(db->userVersion(), Migrations::latestVersion() + 1);

        // The workspace refuses it with the same clear message.
        db.reset();
        QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("ws")));
        QString error;
        QVERIFY(QFile::copy(dbPath(), m_dir->filePath(QStringLiteral("ws/sightline.db"))));
        auto workspace = Workspace::open(m_dir->filePath(QStringLiteral("ws")), &error);
        QVERIFY(!workspace);
        QVERIFY2(error.contains(QStringLiteral("newer")), qPrintable(error));
    }

    void transactionRollsBackUnlessCommitted()
    {
        auto db = Database::open(dbPath());
        db->exec(QStringLiteral("CREATE TABLE t(x INTEGER)"));
        {
            Transaction transaction(*db);
            db->exec(QStringLiteral("INSERT INTO t VALUES (1)"));
            QVERIFY(db->inTransaction());
        } // no commit
        QVERIFY(!db->inTransaction());
        QCOMPARE(rowCount(*db, QStringLiteral("t")), 0);

        {
            Transaction transaction(*db);
            db->exec(QStringLiteral("INSERT INTO t VALUES (2)"));
            transaction.commit();
        }
        QCOMPARE(rowCount(*db, QStringLiteral("t")), 1);

        // An exception leaves through the scope: rolled back.
        try {
            Transaction transaction(*db);
            db->exec(QStringLiteral("INSERT INTO t VALUES (3)"));
            db->exec(QStringLiteral("INSERT INTO no_such_table VALUES (4)"));
            transaction.commit();
            QFAIL("the broken statement did not throw");
        } catch (const StoreError &e) {
            QVERIFY(e.message().contains(QStringLiteral("no_such_table")));
        }
        QCOMPARE(rowCount(*db, QStringLiteral("t")), 1);
    }

    void nestedTransactionsUseSavepoints()
    {
        auto db = Database::open(dbPath());
        db->exec(QStringLiteral("CREATE TABLE t(x INTEGER)"));
        {
            Transaction outer(*db);
            db->exec(QStringLiteral("INSERT INTO t VALUES (1)"));
            {
                Transaction inner(*db);
                db->exec(QStringLiteral("INSERT INTO t VALUES (2)"));
            } // inner rolled back only
            {
                Transaction inner(*db);
                db->exec(QStringLiteral("INSERT INTO t VALUES (3)"));
                inner.commit();
            }
            outer.commit();
        }
        QCOMPARE(db->queryText(QStringLiteral("SELECT group_concat(x) FROM (SELECT x FROM t ORDER BY x)")),
                 QStringLiteral("1,3"));

        {
            Transaction outer(*db);
            Transaction inner(*db);
            db->exec(QStringLiteral("INSERT INTO t VALUES (4)"));
            inner.commit();
        } // outer not committed: the inner work goes too
        QCOMPARE(rowCount(*db, QStringLiteral("t")), 2);
    }

    void statementsBindAndRead()
    {
        auto db = Database::open(dbPath());
        db->exec(QStringLiteral("CREATE TABLE t(s TEXT, i INTEGER, r REAL, b BLOB, n TEXT)"));
        Statement insert = db->prepare(QStringLiteral("INSERT INTO t VALUES (?, ?, ?, ?, ?)"));
        insert.bind(1, QStringLiteral("Grüße \"quoted\"")).bind(2, qint64(1) << 40).bind(3, 2.5);
        insert.bind(4, QByteArray("\0\1\2", 3)).bindOptional(5, QString());
        insert.run();
        Statement query = db->prepare(QStringLiteral("SELECT s, i, r, b, n FROM t"));
        QVERIFY(query.step());
        QCOMPARE(query.columnText(0), QStringLiteral("Grüße \"quoted\""));
        QCOMPARE(query.columnInt64(1), qint64(1) << 40);
        QCOMPARE(query.columnDouble(2), 2.5);
        QCOMPARE(query.columnBlob(3), QByteArray("\0\1\2", 3));
        QVERIFY(query.columnIsNull(4));
        QVERIFY(!query.step());
    }

    void cachedStatementsAreReentrant()
    {
        auto db = Database::open(dbPath());
        db->exec(QStringLiteral("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1), (2), (3)"));
        const char *sql = "SELECT x FROM t ORDER BY x";
        Statement outer = db->cached(sql);
        QVERIFY(outer.step());
        {
            Statement inner = db->cached(sql); // the cached one is busy: a private copy
            QVERIFY(inner.step());
            QCOMPARE(inner.columnInt(0), 1);
        }
        QVERIFY(outer.step());
        QCOMPARE(outer.columnInt(0), 2);
        outer = Statement();
        Statement again = db->cached(sql); // back from the cache, reset
        QVERIFY(again.step());
        QCOMPARE(again.columnInt(0), 1);
    }

    // Two programs (or a window and a command) opening a new workspace at the
    // same moment: switching the new file to WAL needs it alone, and SQLite
    // answers "locked" at once instead of waiting; the open waits its turn.
    void concurrentOpensOfANewFileBothSucceed()
    {
        constexpr int kRounds = 30;
        constexpr int kOpeners = 4;
        for (int round = 0; round < kRounds; ++round) {
            const QString path = m_dir->filePath(QStringLiteral("new-%1.db").arg(round));
            std::atomic<int> opened{0};
            std::vector<QString> errors(kOpeners);
            std::vector<std::thread> threads;
            for (int i = 0; i < kOpeners; ++i)
                threads.emplace_back([&, i] {
                    try {
                        std::unique_ptr<Database> db = Database::open(path);
                        Migrations::run(*db);
                        ++opened;
                    } catch (const StoreError &error) {
                        errors[i] = QString::fromUtf8(error.what());
                    }
                });
            for (std::thread &thread : threads)
                thread.join();
            for (const QString &error : errors)
                QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(opened.load(), kOpeners);
        }
    }

    void errorsAreReported()
    {
        auto db = Database::open(dbPath());
        QVERIFY_THROWS_EXCEPTION(StoreError, db->prepare(QStringLiteral("SELEC nonsense")));
        QVERIFY_THROWS_EXCEPTION(StoreError, db->exec(QStringLiteral("CREATE TABLE")));

        QFile garbage(m_dir->filePath(QStringLiteral("garbage.db")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(8192, 'x'));
        garbage.close();
        QVERIFY_THROWS_EXCEPTION(StoreError, Database::open(garbage.fileName()));
    }
};

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
