#include "common/partfile.h"
#include "store/database.h"
#include "store/mediacache.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>
#include <QUuid>

using namespace sl;

// The cache of media downloaded from the asset store: files named by the
// capture's id (never the store's name), least recently used out first past
// the cap, and never a file of an asset kept available offline.
class tst_MediaCache : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    static constexpr qint64 kFile = 1000; // bytes of each cached file here

    static QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

    // A downloaded file of `kFile` bytes, recorded in the cache.
    QStringList cacheFile(MediaCache &cache, const QString &captureId, const QString &assetId)
    {
        QString reason;
        const QString path = cache.pathFor(captureId, QStringLiteral("x.jpg"), false, &reason);
        [&] {
            QVERIFY2(!path.isEmpty(), qPrintable(reason));
            QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(kFile, 'x'));
        }();
        return cache.add(captureId, assetId, path);
    }

private Q_SLOTS:
    void init() { QVERIFY(test::openTemporaryWorkspace(m_dir, m_workspace)); }
    void cleanup() { test::closeTemporaryWorkspace(m_dir, m_workspace); }

    void storeNamesNeverBecomePaths_data()
    {
        QTest::addColumn<QString>("storeName");
        QTest::addColumn<bool>("video");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("photo") << "pump.JPG" << false << ".jpg";
        QTest::newRow("png") << "pump.png" << false << ".png";
        QTest::newRow("climbing out") << "../../../home/x/.bashrc" << false << ".jpg";
        QTest::newRow("absolute") << "/etc/passwd" << false << ".jpg";
        QTest::newRow("windows path") << "C:\\\\temp\\\\evil.exe" << false << ".jpg";
        QTest::newRow("video") << "walkround.MOV" << true << ".mov";
        QTest::newRow("video, a photo's suffix") << "walkround.jpg" << true << ".mp4";
        QTest::newRow("no name") << "" << true << ".mp4";
    }

    void storeNamesNeverBecomePaths()
    {
        QFETCH(QString, storeName);
        QFETCH(bool, video);
        QFETCH(QString, suffix);
        MediaCache cache(*m_workspace, 10 * kFile);
        const QString id = newId();
        QString reason;
        const QString path = cache.pathFor(id, storeName, video, &reason);
        QCOMPARE(path, QDir(m_workspace->directory()).filePath(QStringLiteral("cache/") + id + suffix));
    }

    void aCaptureIdThatIsNoGuidIsRefused()
    {
        MediaCache cache(*m_workspace, 10 * kFile);
        QString reason;
        QVERIFY(cache.pathFor(QStringLiteral("../x"), QStringLiteral("a.jpg"), false, &reason).isEmpty());
        QVERIFY2(reason.contains(QStringLiteral("../x")), qPrintable(reason));
    }

    void leastRecentlyUsedGoesFirstPastTheCap()
    {
        MediaCache cache(*m_workspace, 3 * kFile);
        const QString asset = newId();
        const QStringList ids{newId(), newId(), newId(), newId()};
        for (int i = 0; i < 3; ++i)
            QVERIFY(cacheFile(cache, ids[i], asset).isEmpty());
        QCOMPARE(cache.usedBytes(), 3 * kFile);
        QVERIFY(cache.use(ids[0])); // the oldest is used again: ids[1] is now the least recent
        const QStringList evicted = cacheFile(cache, ids[3], asset);
        QCOMPARE(evicted, QStringList{ids[1]});
        QCOMPARE(cache.usedBytes(), 3 * kFile);
        QVERIFY(!cache.use(ids[1]));
        QString reason;
        QVERIFY(!QFileInfo::exists(cache.pathFor(ids[1], QString(), false, &reason)));
        for (const QString &kept : {ids[0], ids[2], ids[3]})
            QVERIFY2(cache.use(kept), qPrintable(kept));
    }

    void anAssetKeptOfflineIsNeverEvicted()
    {
        MediaCache cache(*m_workspace, 2 * kFile);
        const QString pinned = newId();
        const QString other = newId();
        cache.setKeptOffline(pinned, true);
        QVERIFY(cache.isKeptOffline(pinned));
        const QString loose = newId();
        QVERIFY(cacheFile(cache, loose, other).isEmpty());
        const QStringList pinnedIds{newId(), newId(), newId()};
        QVERIFY(cacheFile(cache, pinnedIds[0], pinned).isEmpty());
        QCOMPARE(cacheFile(cache, pinnedIds[1], pinned), QStringList{loose}); // the only one that may go
        QVERIFY(cacheFile(cache, pinnedIds[2], pinned).isEmpty()); // over the cap, and still kept
        QCOMPARE(cache.usedBytes(), 3 * kFile);
        for (const QString &id : pinnedIds)
            QVERIFY(cache.use(id));
        // Kept no longer: the least recently used go down to the cap.
        cache.setKeptOffline(pinned, false);
        QCOMPARE(cache.evict(), QStringList{pinnedIds[0]});
        QCOMPARE(cache.usedBytes(), 2 * kFile);
    }

    void partFilesCountAndStaleOnesAreSwept()
    {
        // What cut-off downloads left: a fresh part file counts against the
        // cap (its download may resume), a stale one is removed first.
        MediaCache cache(*m_workspace, 3 * kFile);
        const QString asset = newId();
        const QStringList ids{newId(), newId(), newId()};
        QVERIFY(cacheFile(cache, ids[0], asset).isEmpty());
        QVERIFY(cacheFile(cache, ids[1], asset).isEmpty());
        QString reason;
        const QString fresh = PartFile::pathOf(cache.pathFor(newId(), QString(), true, &reason));
        const QString stale = PartFile::pathOf(cache.pathFor(newId(), QString(), true, &reason));
        for (const QString &path : {fresh, stale}) {
            QFile part(path);
            QVERIFY(part.open(QIODevice::WriteOnly));
            part.write(QByteArray(kFile, 'p'));
        }
        {
            QFile old(stale);
            QVERIFY(old.open(QIODevice::ReadWrite));
            QVERIFY(old.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-MediaCache::kStalePartSeconds - 60),
                                    QFileDevice::FileModificationTime));
        }
        QCOMPARE(cache.partBytes(), 2 * kFile);
        // Two files and the fresh part fill the cap: the third file makes room
        // by evicting the least recently used file; the stale part is gone.
        QCOMPARE(cacheFile(cache, ids[2], asset), QStringList{ids[0]});
        QVERIFY(!QFileInfo::exists(stale));
        QVERIFY(QFileInfo::exists(fresh));
        QCOMPARE(cache.partBytes(), kFile);
        QCOMPARE(cache.usedBytes(), 2 * kFile);
    }

    void theFileJustAddedIsNotEvicted()
    {
        MediaCache cache(*m_workspace, kFile / 2); // smaller than any file
        const QString first = newId();
        QVERIFY(cacheFile(cache, first, newId()).isEmpty());
        const QString second = newId();
        QCOMPARE(cacheFile(cache, second, newId()), QStringList{first});
        QVERIFY(cache.use(second));
    }

    void aFileGoneFromDiskIsNotCached()
    {
        MediaCache cache(*m_workspace, 10 * kFile);
        const QString id = newId();
        QVERIFY(cacheFile(cache, id, newId()).isEmpty());
        const std::optional<QString> path = cache.use(id);
        QVERIFY(path);
        QVERIFY(QFile::remove(*path));
        QVERIFY(!cache.use(id));
        QCOMPARE(cache.usedBytes(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_MediaCache)
#include "tst_mediacache.moc"
