#include "testsupport.h"
#include "store/assetrepository.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/workspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
                                          : QByteArray();
}

// Overwrites `bytes` bytes at `offset` of a file with a pattern.
bool damage(const QString &path, qint64 offset, int bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.seek(offset))
        return false;
    return file.write(QByteArray(bytes, '\xa5')) == bytes;
}

} // namespace

// A damaged database is noticed on open, reported with what to do, and never
// written to; an older schema is migrated.
class tst_WorkspaceIntegrity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void damagedDatabaseIsRefusedUntouched_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("damaged pages") << "pages";
        QTest::newRow("not a database") << "header";
        QTest::newRow("emptied, its media there") << "emptied";
    }

    void damagedDatabaseIsRefusedUntouched()
    {
        QFETCH(QString, how);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        {
            std::unique_ptr<Workspace> workspace = Workspace::open(dir.path(), &error);
            QVERIFY2(workspace, qPrintable(error));
            std::vector<Asset> assets;
            for (int i = 0; i < 3000; ++i)
                assets.push_back(test::makeAsset(QStringLiteral("a-%1").arg(i), QStringLiteral("Pump %1").arg(i)));
            workspace->assets().upsertAssets(assets);
            workspace->database().exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        const QString db = dir.filePath(QStringLiteral("sightline.db"));
        QVERIFY(QFileInfo(db).size() > 20 * 4096);
        if (how == QLatin1String("emptied")) {
            QFile media(dir.filePath(QStringLiteral("media/photo.jpg")));
            QVERIFY(media.open(QIODevice::WriteOnly) && media.write("jpeg") == 4);
            QFile emptied(db);
            QVERIFY(emptied.resize(0));
        } else {
            QVERIFY(how == QLatin1String("pages") ? damage(db, 8 * 4096, 3 * 4096) : damage(db, 0, 100));
        }
        const QByteArray before = fileHash(db);

        std::unique_ptr<Workspace> workspace = Workspace::open(dir.path(), &error);
        QVERIFY(!workspace);
        QVERIFY2(error.contains(QStringLiteral("is damaged")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("sightline-cli rebuild ") + dir.path()), qPrintable(error));
        QCOMPARE(fileHash(db), before);
    }

    // A database file left empty by a workspace killed as it was made (no
    // media yet) is a new workspace, not a damaged one.
    void emptyDatabaseWithNoMediaIsANewWorkspace()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile db(dir.filePath(QStringLiteral("sightline.db")));
        QVERIFY(db.open(QIODevice::WriteOnly));
        db.close();
        QString error;
        std::unique_ptr<Workspace> workspace = Workspace::open(dir.path(), &error);
        QVERIFY2(workspace, qPrintable(error));
        QCOMPARE(workspace->database().userVersion(), Migrations::latestVersion());
    }

    void soundDatabasePassesTheFullCheck()
    {
        std::unique_ptr<QTemporaryDir> dir;
        std::unique_ptr<Workspace> workspace;
        QVERIFY(test::openTemporaryWorkspace(dir, workspace));
        QCOMPARE(workspace->database().integrityProblem(Database::Check::Full), QString());
        test::closeTemporaryWorkspace(dir, workspace);
    }

    // A version-1 workspace (before media was content-addressed) opens, is
    // migrated to the latest version, and keeps its captures; version 3 fills
    // the gallery's columns from the stored manifests.
    void versionOneIsMigrated()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        {
            // The schema exactly as version 1 of Sightline wrote it.
            std::unique_ptr<Database> db = Database::open(dir.filePath(QStringLiteral("sightline.db")));
            Migrations::runTo(*db, 1);
            QCOMPARE(db->userVersion(), 1);
            db->exec(QStringLiteral(
                "INSERT INTO captures(id, media_path, media_type, manifest_json) "
                "VALUES ('old', 'media/old/photo.jpg', 'photo', "
                "'{\"capturedBy\": \"Ana\", \"media\": {\"file\": \"photo.jpg\", \"type\": \"photo\"}}')"));
            db->exec(QStringLiteral("INSERT INTO outbox(entity, entity_id, operation) VALUES ('capture', 'old', 'review')"));
        }
        std::unique_ptr<Workspace> workspace = Workspace::open(dir.path(), &error);
        QVERIFY2(workspace, qPrintable(error));
        QCOMPARE(workspace->database().userVersion(), Migrations::latestVersion());
        QCOMPARE(workspace->database().queryText(QStringLiteral(
                     "SELECT media_path || '|' || coalesce(media_sha256, 'null') || '|' || captured_by || '|' "
                     "|| media_file FROM captures")),
                 QStringLiteral("media/old/photo.jpg|null|Ana|photo.jpg"));
        QCOMPARE(workspace->database().queryText(QStringLiteral("SELECT state || base FROM outbox")),
                 QStringLiteral("queued{}"));
    }

    void storeErrorsNameTheirCause()
    {
        QCOMPARE(StoreError::causeOf(13), QStringLiteral("the disk is full"));    // SQLITE_FULL
        QCOMPARE(StoreError::causeOf(8), QStringLiteral("the workspace is read-only")); // SQLITE_READONLY
        QCOMPARE(StoreError::causeOf(7), QStringLiteral("not enough memory"));   // SQLITE_NOMEM
        QVERIFY(StoreError(QStringLiteral("x"), 11).isDamaged());              // SQLITE_CORRUPT
        QVERIFY(StoreError(QStringLiteral("x"), 26).isDamaged());              // SQLITE_NOTADB
        QVERIFY(!StoreError(QStringLiteral("x"), 13).isDamaged());
        QCOMPARE(StoreError::describe(13, QStringLiteral("insert failed")),
                 QStringLiteral("the disk is full: insert failed"));
    }
};

QTEST_GUILESS_MAIN(tst_WorkspaceIntegrity)
#include "tst_workspaceintegrity.moc"
