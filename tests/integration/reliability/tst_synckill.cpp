// A push killed with SIGKILL at 18 points (just before an edit goes out,
// and just after the store confirmed it but before the workspace knows),
// then run again: every edit is on the fake Dataverse exactly once (one
// write taken per record, no duplicate record), and the outbox is empty.
// The same for captures reviewed here, whose attachments the push creates,
// and for enough updates and creates to go through $batch (killed before the
// batch goes out, and after the store took it). And a first pull, loaded in bulk,
// killed between its pages: the workspace opens with every index, and the
// next sync leaves the search index exact. And a sync killed after it removed
// a capture the store deleted, before its file went.
#include "clirunner.h"
#include "fakedataverse.h"

#include "capture/manifestreader.h"
#include "editing/asseteditor.h"
#include "editing/revieweditor.h"
#include "store/assetbulkload.h"
#include "store/assetrepository.h"
#include "store/capturerepository.h"
#include "store/database.h"
#include "store/mediacache.h"
#include "remote/remotelimits.h"
#include "store/outboxrepository.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

#include <csignal>

using namespace sl;
using namespace sl::test;

namespace {

// Fewer than go through $batch (OutboxPushJob's kBatchMinimum, 10): each
// edit goes on its own, a kill point each before and after.
constexpr int kUpdates = 5;
constexpr int kCreates = 4;
constexpr int kCaptures = 4; // reviewed here, none on the store yet

// Adds a capture of `assetId` to the workspace; false when it cannot.
bool addCapture(Workspace &workspace, const QString &id, const QString &assetId)
{
    const ManifestResult parsed = ManifestReader::parse(
        QJsonDocument(sampleManifestJson({.id = id, .assetId = assetId})).toJson(), QStringLiteral("t.capture.json"));
    if (!std::holds_alternative<CaptureManifest>(parsed))
        return false;
    CaptureRecord record;
    record.manifest = std::get<CaptureManifest>(parsed);
    record.id = id;
    record.assetId = assetId;
    record.mediaPath = QStringLiteral("media/%1/photo.jpg").arg(id);
    // A real photo: its push uploads the flattened export.
    QImage photo(64, 48, QImage::Format_RGB32);
    photo.fill(QColor(40, 90, 160));
    const QString mediaFile = workspace.absoluteMediaPath(record.mediaPath);
    if (!QDir().mkpath(QFileInfo(mediaFile).absolutePath()) || !photo.save(mediaFile, "JPEG"))
        return false;
    workspace.captures().upsert(record);
    return true;
}

} // namespace

class tst_SyncKill : public QObject
{
    Q_OBJECT

private:
    // Runs `sightline-cli sync` while this thread's event loop serves the fake.
    CliOutcome sync(FakeDataverse &server, const QString &workspace, const QString &faultKill)
    {
        QString root = server.serviceRoot().toString();
        const std::unique_ptr<QProcess> process = startProcess(
            cliPath(), {QStringLiteral("sync"), QStringLiteral("--url"), root, QStringLiteral("--workspace"), workspace},
            faultKill);
        CliOutcome outcome;
        if (!process->waitForStarted(10'000))
            return outcome;
        // Not finishProcess(): its blocking wait would stop this thread serving the fake.
        if (!QTest::qWaitFor([&] { return process->state() == QProcess::NotRunning; }, 120'000)) {
            process->kill();
            process->waitForFinished(5'000);
            return outcome;
        }
        outcome.finished = true;
        outcome.crashed = process->exitStatus() == QProcess::CrashExit;
        outcome.code = process->exitCode();
        outcome.out = QString::fromUtf8(process->readAllStandardOutput());
        outcome.err = QString::fromUtf8(process->readAllStandardError());
        return outcome;
    }

private Q_SLOTS:
    void initTestCase() { qputenv("SIGHTLINE_TOKEN", "test-token"); }

    void killedPushFinishesExactlyOnce_data()
    {
        QTest::addColumn<QString>("faultKill");
        for (const char *point : {"push.sending", "push.confirmed"})
            for (int n = 1; n <= kUpdates + kCreates; ++n)
                QTest::newRow(qPrintable(QStringLiteral("%1:%2").arg(QLatin1String(point)).arg(n)))
                    << QStringLiteral("%1:%2").arg(QLatin1String(point)).arg(n);
    }

    void killedPushFinishesExactlyOnce()
    {
        QFETCH(QString, faultKill);
        FakeDataverse server;
        QVERIFY(server.start());
        const QStringList ids = server.seedAssets(20);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const CliOutcome first = sync(server, dir.path(), QString());
        QVERIFY2(first.exitedWith(0), qPrintable(first.describe()));

        QStringList created;
        {
            QString error;
            const std::unique_ptr<Workspace> workspace = Workspace::open(dir.path(), &error);
            QVERIFY2(workspace, qPrintable(error));
            AssetEditor editor(workspace->database());
            for (int i = 0; i < kUpdates; ++i) {
                AssetEdit edit;
                edit.name = QStringLiteral("Edited %1").arg(i);
                QVERIFY(editor.update(ids[i], edit, QStringLiteral("tester")).saved());
            }
            for (int i = 0; i < kCreates; ++i) {
                AssetEdit edit;
                edit.name = QStringLiteral("Created %1").arg(i);
                const AssetEditOutcome made = editor.create(edit, QStringLiteral("tester"));
                QVERIFY(made.saved());
                created.append(made.assetId);
            }
        }
        server.clearRequests();

        const CliOutcome killed = sync(server, dir.path(), faultKill);
        QVERIFY2(killed.killedBy(SIGKILL), qPrintable(killed.describe()));
        const CliOutcome again = sync(server, dir.path(), QString());
        QVERIFY2(again.exitedWith(0), qPrintable(again.describe()));

        // Every edit is there, once.
        QCOMPARE(server.table().size(), 20 + kCreates);
        for (int i = 0; i < kUpdates; ++i)
            QCOMPARE(server.table().row(ids[i]).value("msdyn_name").toString(), QStringLiteral("Edited %1").arg(i));
        for (int i = 0; i < kCreates; ++i)
            QCOMPARE(server.table().row(created[i]).value("msdyn_name").toString(), QStringLiteral("Created %1").arg(i));
        QMap<QString, int> taken; // record -> writes the store took
        for (const auto &request : server.requests())
            if (request.method != "GET" && request.status >= 200 && request.status < 300)
                ++taken[request.url.path()];
        QCOMPARE(taken.size(), kUpdates + kCreates);
        for (auto it = taken.begin(); it != taken.end(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(QStringLiteral("%1 written %2 times").arg(it.key()).arg(it.value())));
        QString error;
        const std::unique_ptr<Workspace> workspace = Workspace::open(dir.path(), &error);
        QCOMPARE(workspace->outbox().count(), 0);
    }

    void killedCapturePushFinishesExactlyOnce_data()
    {
        QTest::addColumn<QString>("faultKill");
        // push.created: the attachment made, its photo not uploaded yet;
        // push.uploaded: the photo there, the entry not confirmed yet.
        for (const char *point : {"push.sending", "push.created", "push.uploaded", "push.confirmed"})
            for (int n = 1; n <= kCaptures; ++n)
                QTest::newRow(qPrintable(QStringLiteral("%1:%2").arg(QLatin1String(point)).arg(n)))
                    << QStringLiteral("%1:%2").arg(QLatin1String(point)).arg(n);
    }

    // Captures made and reviewed here: each attachment is created once, with
    // its review and its photo, however the push was cut.
    void killedCapturePushFinishesExactlyOnce()
    {
        QFETCH(QString, faultKill);
        FakeDataverse server;
        QVERIFY(server.start());
        const QStringList ids = server.seedAssets(2);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(sync(server, dir.path(), QString()).exitedWith(0));

        QStringList captures;
        {
            QString error;
            const std::unique_ptr<Workspace> workspace = Workspace::open(dir.path(), &error);
            QVERIFY2(workspace, qPrintable(error));
            for (int i = 0; i < kCaptures; ++i) {
                captures.append(QUuid::createUuid().toString(QUuid::WithoutBraces));
                QVERIFY(addCapture(*workspace, captures.back(), ids[i % ids.size()]));
                QVERIFY(ReviewEditor(workspace->database())
                            .setReview({captures.back()}, ReviewStatus::Approved, QStringLiteral("Note %1").arg(i),
                                       QStringLiteral("tester"))
                            .saved());
            }
        }
        server.clearRequests();

        const CliOutcome killed = sync(server, dir.path(), faultKill);
        QVERIFY2(killed.killedBy(SIGKILL), qPrintable(killed.describe()));
        const CliOutcome again = sync(server, dir.path(), QString());
        QVERIFY2(again.exitedWith(0), qPrintable(again.describe()));

        FakeTable &attachments = server.table(QString::fromLatin1(FakeDataverse::kAttachments));
        QCOMPARE(attachments.size(), kCaptures);
        for (int i = 0; i < kCaptures; ++i)
            QCOMPARE(attachments.row(captures[i]).value("sl_reviewnote").toString(), QStringLiteral("Note %1").arg(i));
        int taken = 0; // writes of records the store took (the photos' uploads aside)
        for (const auto &request : server.requests())
            if (request.method != "GET" && request.status >= 200 && request.status < 300
                && !request.url.path().endsWith(QLatin1String("/msdyn_image")))
                ++taken;
        QCOMPARE(taken, kCaptures);
        for (const QString &capture : captures) {
            // The photo is there whole. A push killed after an upload but
            // before its confirm sends it again: the store keeps one file.
            const FakeMedia::File *photo = server.media().file(FakeDataverse::kAttachments, capture, "msdyn_image");
            QVERIFY2(photo, qPrintable(capture));
            QCOMPARE(QImage::fromData(photo->bytes).size(), QSize(64, 48));
            const bool killedAfterAnUpload = faultKill.startsWith("push.uploaded") || faultKill.startsWith("push.confirmed");
            QVERIFY2(photo->uploads == 1 || (killedAfterAnUpload && photo->uploads == 2),
                     qPrintable(QStringLiteral("%1 uploads").arg(photo->uploads)));
        }
        QString error;
        const std::unique_ptr<Workspace> workspace = Workspace::open(dir.path(), &error);
        QCOMPARE(workspace->outbox().count(), 0);
    }

    // Enough plain updates and creates to go through $batch: killed before
    // the batch goes out, or after the store took it but before the
    // workspace knows (the creates then answer 412 in the next batch, and
    // are sent again alone, where RecordCreator takes 412 as "already there").
    void killedBatchPushFinishesExactlyOnce_data()
    {
        QTest::addColumn<QString>("faultKill");
        QTest::newRow("push.sending:1") << QStringLiteral("push.sending:1");
        QTest::newRow("push.confirmed:1") << QStringLiteral("push.confirmed:1");
    }

    void killedBatchPushFinishesExactlyOnce()
    {
        QFETCH(QString, faultKill);
        constexpr int kBatched = 15;
        constexpr int kBatchedCreates = 5;
        QStringList created;
        FakeDataverse server;
        QVERIFY(server.start());
        const QStringList ids = server.seedAssets(20);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const CliOutcome first = sync(server, dir.path(), QString());
        QVERIFY2(first.exitedWith(0), qPrintable(first.describe()));
        {
            QString error;
            const std::unique_ptr<Workspace> workspace = Workspace::open(dir.path(), &error);
            QVERIFY2(workspace, qPrintable(error));
            AssetEditor editor(workspace->database());
            for (int i = 0; i < kBatched; ++i) {
                AssetEdit edit;
                edit.name = QStringLiteral("Batched %1").arg(i);
                QVERIFY(editor.update(ids[i], edit, QStringLiteral("tester")).saved());
            }
            for (int i = 0; i < kBatchedCreates; ++i) {
                AssetEdit edit;
                edit.name = QStringLiteral("Created in a batch %1").arg(i);
                const AssetEditOutcome made = editor.create(edit, QStringLiteral("tester"));
                QVERIFY(made.saved());
                created.append(made.assetId);
            }
        }
        server.clearRequests();

        const CliOutcome killed = sync(server, dir.path(), faultKill);
        QVERIFY2(killed.killedBy(SIGKILL), qPrintable(killed.describe()));
        const CliOutcome again = sync(server, dir.path(), QString());
        QVERIFY2(again.exitedWith(0), qPrintable(again.describe()));

        for (int i = 0; i < kBatched; ++i)
            QCOMPARE(server.table().row(ids[i]).value("msdyn_name").toString(), QStringLiteral("Batched %1").arg(i));
        QCOMPARE(server.table().size(), 20 + kBatchedCreates);
        for (int i = 0; i < kBatchedCreates; ++i)
            QCOMPARE(server.table().row(created[i]).value("msdyn_name").toString(),
                     QStringLiteral("Created in a batch %1").arg(i));
        QMap<QString, int> taken; // record -> writes the store took, in a batch or alone
        int batches = 0;
        for (const auto &request : server.requests()) {
            if (request.url.path().endsWith("$batch")) {
                ++batches;
                continue;
            }
            if (request.method != "GET" && request.status >= 200 && request.status < 300 && !request.rolledBack)
                ++taken[request.url.path()];
        }
        QVERIFY(batches >= 1);
        QCOMPARE(taken.size(), kBatched + kBatchedCreates);
        for (auto it = taken.begin(); it != taken.end(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(QStringLiteral("%1 written %2 times").arg(it.key()).arg(it.value())));
        QString error;
        const std::unique_ptr<Workspace> workspace = Workspace::open(dir.path(), &error);
        QCOMPARE(workspace->outbox().count(), 0);
    }

    void killedFirstPullOpensWithEveryIndex_data()
    {
        QTest::addColumn<QString>("faultKill");
        // The accounts, products and categories commit a page each first:
        // the 4th page is the assets' first, the 5th their second.
        QTest::newRow("after the first assets page") << QStringLiteral("pull.page:4");
        QTest::newRow("after the second assets page") << QStringLiteral("pull.page:5");
    }

    void killedFirstPullOpensWithEveryIndex()
    {
        QFETCH(QString, faultKill);
        constexpr int kAssets = 12'000; // three pages of the CLI's 5,000
        FakeDataverse server;
        QVERIFY(server.start());
        server.seedAssets(kAssets);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const CliOutcome killed = sync(server, dir.path(), faultKill);
        QVERIFY2(killed.killedBy(SIGKILL), qPrintable(killed.describe()));
        {
            QString error;
            const std::unique_ptr<Workspace> workspace = Workspace::open(dir.path(), &error);
            QVERIFY2(workspace, qPrintable(error));
            Database &db = workspace->database();
            QVERIFY(!AssetBulkLoad::isActive(db));
            const int rows = workspace->assets().count();
            QVERIFY2(rows > 0 && rows < kAssets && rows % 5'000 == 0, qPrintable(QString::number(rows)));
            QCOMPARE(db.queryText(QStringLiteral("SELECT count(*) FROM asset_search_docsize")).toInt(), rows);
        }
        const CliOutcome again = sync(server, dir.path(), QString());
        QVERIFY2(again.exitedWith(0), qPrintable(again.describe()));
        QString error;
        const std::unique_ptr<Workspace> workspace = Workspace::open(dir.path(), &error);
        QVERIFY2(workspace, qPrintable(error));
        Database &db = workspace->database();
        QVERIFY(!AssetBulkLoad::isActive(db));
        QCOMPARE(workspace->assets().count(), kAssets);
        QCOMPARE(db.queryText(QStringLiteral("SELECT count(*) FROM asset_search_docsize")).toInt(), kAssets);
        QCOMPARE(db.queryText(QStringLiteral("SELECT count(*) FROM asset_tag_search_docsize")).toInt(), kAssets);
        QCOMPARE(workspace->assets().searchIndexProblem(), QString());
        QCOMPARE(workspace->assets().countMatching(QStringLiteral("TAG-11999")), 1);
        QCOMPARE(workspace->assets().countMatching(QStringLiteral("Pump 00007")), 1);
    }

    // A sync killed after the page that removed a capture the store deleted
    // committed, before its cached file went: no row names the file, the
    // journal does, and the next open of the workspace removes it.
    void killedAfterACaptureWasRemovedLeavesItsFileToTheNextOpen()
    {
        FakeDataverse server;
        QVERIFY(server.start());
        const QStringList assets = server.seedAssets(3);
        const QString entitySet = QString::fromLatin1(FakeDataverse::kAttachments);
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        server.table(entitySet).write(id, {{"msdyn_name", "flange.jpg"},
                                           {"_msdyn_customerasset_value", assets[0]},
                                           {"msdyn_attachmenttype", 700610000},
                                           {"msdyn_file_name", "flange.jpg"}});
        server.media().setFile(entitySet, id, "msdyn_image", QByteArray(2000, 'f'), QStringLiteral("flange.jpg"));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const CliOutcome first = sync(server, dir.path(), QString());
        QVERIFY2(first.exitedWith(0), qPrintable(first.describe()));
        const QString relative = QStringLiteral("cache/%1.jpg").arg(id);
        const QString file = dir.filePath(relative);
        {
            QString error;
            const std::unique_ptr<Workspace> workspace = Workspace::open(dir.path(), &error);
            QVERIFY2(workspace, qPrintable(error));
            QVERIFY(workspace->captures().byId(id));
            // Its file fetched into the cache.
            QVERIFY(QDir().mkpath(QFileInfo(file).absolutePath()));
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(QByteArray(2000, 'f'));
            out.close();
            MediaCache(*workspace, limits::kMediaCacheBytes).add(id, assets[0], file);
        }
        QVERIFY(server.table(entitySet).remove(id));

        const CliOutcome killed = sync(server, dir.path(), QStringLiteral("pull.captures-removed:1"));
        QVERIFY2(killed.killedBy(SIGKILL), qPrintable(killed.describe()));
        {
            // Read as the kill left it (an open would collect the journal).
            const std::unique_ptr<Database> db =
                Database::open(dir.filePath(QLatin1String(Workspace::kDatabaseFileName)), 1000,
                               Database::Access::ReadOnly);
            QCOMPARE(db->queryText(QStringLiteral("SELECT count(*) FROM captures WHERE id = '%1'").arg(id)),
                     QStringLiteral("0"));
            QCOMPARE(db->queryText(QStringLiteral("SELECT count(*) FROM media_cache")), QStringLiteral("0"));
            QCOMPARE(db->queryText(QStringLiteral("SELECT count(*) FROM captures WHERE media_path = '%1'").arg(relative)),
                     QStringLiteral("0"));
            QCOMPARE(db->queryText(QStringLiteral("SELECT count(*) FROM media_journal WHERE path = '%1'").arg(relative)),
                     QStringLiteral("1"));
        }
        QVERIFY(QFileInfo::exists(file)); // stored data goes only after the commit that stops naming it
        {
            QString error;
            const std::unique_ptr<Workspace> workspace = Workspace::open(dir.path(), &error);
            QVERIFY2(workspace, qPrintable(error));
            QVERIFY(!QFileInfo::exists(file));
            QCOMPARE(workspace->database().queryText(QStringLiteral("SELECT count(*) FROM media_journal")),
                     QStringLiteral("0"));
        }
        const CliOutcome again = sync(server, dir.path(), QString());
        QVERIFY2(again.exitedWith(0), qPrintable(again.describe()));
        const std::unique_ptr<Workspace> workspace = Workspace::open(dir.path());
        QVERIFY(workspace);
        QVERIFY(!workspace->captures().byId(id)); // not made again
    }
};

QTEST_GUILESS_MAIN(tst_SyncKill)
#include "tst_synckill.moc"
