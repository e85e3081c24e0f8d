// BulkWriteScope: a pull's page commits skip the disk flush while it lasts
// and the WAL is copied into the database beside them, not by the writer;
// afterwards the connection is as it was (FULL, its own checkpoints) and
// the WAL is emptied.
#include "store/bulkwritescope.h"
#include "store/database.h"
#include "store/migrations.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;

class tst_BulkWriteScope : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("test.db")); }
    static int pragma(Database &db, const char *name)
    {
        return db.queryText(QStringLiteral("PRAGMA %1").arg(QLatin1String(name))).toInt();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void relaxesThenRestores()
    {
        auto db = Database::open(dbPath());
        Migrations::run(*db);
        const int synchronous = pragma(*db, "synchronous");
        const int autoCheckpoint = pragma(*db, "wal_autocheckpoint");
        QCOMPARE(synchronous, 2); // FULL, as the connection opens
        {
            BulkWriteScope scope(*db);
            QVERIFY(scope.isActive());
            QCOMPARE(pragma(*db, "synchronous"), 1); // NORMAL
            // Writes commit as usual inside it.
            Transaction transaction(*db);
            db->exec(QStringLiteral("INSERT INTO accounts(id, name) VALUES ('a', 'Contoso')"));
            transaction.commit();
            // More than the checkpointer's threshold, in commits of ~1 MB:
            // the database file takes them while the writer goes on.
            const qint64 before = QFileInfo(dbPath()).size();
            const qint64 commits = 2 * BulkWriteScope::kCheckpointBytes / (1024 * 1024) + 1;
            for (int i = 0; i < commits; ++i) {
                Transaction more(*db);
                db->exec(QStringLiteral("WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n "
                                        "WHERE value < 1000) INSERT INTO accounts(id, name) "
                                        "SELECT 'b%1-' || value, printf('%.1000c', 'x') FROM n")
                             .arg(i));
                more.commit();
            }
            QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(dbPath()).size() > before + BulkWriteScope::kCheckpointBytes, 20000);
            QCOMPARE(pragma(*db, "wal_autocheckpoint"), 0); // the writer checkpoints nothing: the hook took over
        }
        QCOMPARE(pragma(*db, "synchronous"), synchronous);
        QCOMPARE(pragma(*db, "wal_autocheckpoint"), autoCheckpoint);
        QCOMPARE(db->queryText(QStringLiteral("SELECT name FROM accounts WHERE id = 'a'")), QStringLiteral("Contoso"));
        // The checkpoint at its end emptied the WAL.
        QCOMPARE(QFileInfo(dbPath() + QStringLiteral("-wal")).size(), 0);
    }

    void insideATransactionDoesNothing()
    {
        auto db = Database::open(dbPath());
        Migrations::run(*db);
        Transaction transaction(*db);
        {
            BulkWriteScope scope(*db);
            QVERIFY(!scope.isActive());
            QCOMPARE(pragma(*db, "synchronous"), 2);
        }
        QCOMPARE(pragma(*db, "synchronous"), 2);
        transaction.commit();
    }
};

QTEST_GUILESS_MAIN(tst_BulkWriteScope)
#include "tst_bulkwritescope.moc"
