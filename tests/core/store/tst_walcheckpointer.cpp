// WalCheckpointer: once the writer's commits pass its threshold, the WAL is
// copied into the database file by its own connection, while the writer
// goes on; below the threshold nothing is copied; its end leaves the writer
// free to checkpoint itself.
#include "store/database.h"
#include "store/walcheckpointer.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace sl;

namespace {

// One commit of `rows` rows of 1,000 bytes each.
void writeRows(Database &db, int first, int rows)
{
    Transaction transaction(db);
    db.exec(QStringLiteral("WITH RECURSIVE n(value) AS (SELECT %1 UNION ALL SELECT value + 1 FROM n WHERE value < %2) "
                           "INSERT INTO t(id, text) SELECT value, printf('%.1000c', 'x') FROM n")
                .arg(first)
                .arg(first + rows - 1));
    transaction.commit();
}

} // namespace

class tst_WalCheckpointer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("test.db")); }
    qint64 fileSize() const { return QFileInfo(dbPath()).size(); }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void copiesPastItsThreshold()
    {
        auto db = Database::open(dbPath());
        db->exec(QStringLiteral("CREATE TABLE t(id INTEGER PRIMARY KEY, text TEXT)"));
        db->exec(QStringLiteral("PRAGMA wal_autocheckpoint=0")); // only the checkpointer copies
        const qint64 empty = fileSize();
        WalCheckpointer checkpointer(db->path());
        checkpointer.watch(db->handle(), 1000); // ~4 MB of 4 KB pages

        writeRows(*db, 1, 500); // ~0.5 MB: under the threshold
        QTest::qWait(200);
        QCOMPARE(checkpointer.checkpoints(), 0);
        QCOMPARE(fileSize(), empty);

        for (int i = 0; i < 8; ++i)
            writeRows(*db, 1000 + i * 1000, 1000);
        QTRY_VERIFY_WITH_TIMEOUT(checkpointer.checkpoints() > 0, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(fileSize() > empty + 4 * 1024 * 1024, 20000);
        QCOMPARE(checkpointer.failures(), 0);
        QCOMPARE(db->queryText(QStringLiteral("SELECT count(*) FROM t")), QStringLiteral("8500"));
        sqlite3_wal_hook(db->handle(), nullptr, nullptr);
    }

    // A reader holding an old snapshot keeps the WAL from being copied past
    // it: neither the writer nor the reader waits, and nothing fails.
    void aReaderNeverWaits()
    {
        auto db = Database::open(dbPath());
        db->exec(QStringLiteral("CREATE TABLE t(id INTEGER PRIMARY KEY, text TEXT)"));
        auto reader = Database::open(dbPath());
        WalCheckpointer checkpointer(db->path());
        checkpointer.watch(db->handle(), 100);
        writeRows(*db, 1, 100);
        Transaction snapshot(*reader, Transaction::Read);
        QCOMPARE(reader->queryText(QStringLiteral("SELECT count(*) FROM t")), QStringLiteral("100"));
        for (int i = 0; i < 5; ++i)
            writeRows(*db, 1000 + i * 1000, 500);
        QTRY_VERIFY_WITH_TIMEOUT(checkpointer.checkpoints() > 0, 20000);
        QCOMPARE(reader->queryText(QStringLiteral("SELECT count(*) FROM t")), QStringLiteral("100"));
        QCOMPARE(checkpointer.failures(), 0);
        snapshot.commit();
        QCOMPARE(reader->queryText(QStringLiteral("SELECT count(*) FROM t")), QStringLiteral("2600"));
        sqlite3_wal_hook(db->handle(), nullptr, nullptr);
    }
};

QTEST_GUILESS_MAIN(tst_WalCheckpointer)
#include "tst_walcheckpointer.moc"
