#include "syncfixture.h"

#include "store/mediacache.h"
#include "sync/capturecolumns.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

using namespace sl;
using namespace sl::test;

// Media from the asset store into the workspace's cache, written like
// specifications: put files on the fake store, fetch an asset's media,
// compare the bytes here with the store's.
class tst_MediaFetch : public QObject
{
    Q_OBJECT

private:
    SyncFixture m_world;
    QStringList m_assets;
    static constexpr qint64 kChunk = 64 * 1024; // bytes per Range request here
    static constexpr qint64 kNoCap = 1LL << 40;
    static constexpr int kImage = SyncFixture::kImage;
    static constexpr int kVideo = SyncFixture::kVideo;

    static QByteArray randomBytes(qint64 size, quint32 seed)
    {
        QByteArray bytes(size, Qt::Uninitialized);
        QRandomGenerator random(seed);
        for (char &byte : bytes)
            byte = char(random.bounded(256));
        return bytes;
    }


    QString cached(const QString &id, bool video, const QString &fileName = QStringLiteral("walkround.mp4"))
    {
        QString reason;
        return MediaCache(m_world.workspace(), kNoCap).pathFor(id, fileName, video, &reason);
    }

    QList<FakeDataverse::LoggedRequest> valueReads()
    {
        QList<FakeDataverse::LoggedRequest> reads;
        for (const auto &request : m_world.server().requests())
            if (request.url.path().endsWith(QLatin1String("/$value")))
                reads.append(request);
        return reads;
    }

private Q_SLOTS:
    void initTestCase_data() { SyncFixture::addStoreRows(); }

    void init()
    {
        QVERIFY(m_world.setUpForRow());
        m_assets = m_world.server().seedAssets(3);
    }

    void cleanup() { m_world.tearDown(); }

    void photoComesFullSizeAndVideoWhole()
    {
        const QByteArray photoBytes = randomBytes(300'000, 1);
        const QByteArray videoBytes = randomBytes(1'000'000, 2);
        const QString photo = m_world.addAttachment(m_assets[0], kImage, photoBytes, QStringLiteral("pump.jpg"));
        const QString video = m_world.addAttachment(m_assets[0], kVideo, videoBytes);
        const QString elsewhere = m_world.addAttachment(m_assets[1], kVideo, randomBytes(1000, 3));

        const MediaFetchOutcome outcome = m_world.fetchMedia(m_assets[0], kChunk, kNoCap);
        QVERIFY2(outcome.ok(), qPrintable(outcome.errors.join('\n')));
        QCOMPARE(outcome.downloaded, 2);
        QCOMPARE(SyncFixture::fileBytes(cached(photo, false, QStringLiteral("pump.jpg"))), photoBytes);
        QCOMPARE(SyncFixture::fileBytes(cached(video, true)), videoBytes);
        QVERIFY(!QFileInfo::exists(cached(elsewhere, true)));
        for (const auto &request : valueReads()) {
            QVERIFY(!request.url.path().contains(elsewhere));
            QVERIFY(headerValue(request.headers, "Range").startsWith("bytes="));
            if (request.url.path().contains(photo))
                QCOMPARE(request.url.query(), QStringLiteral("size=full")); // not the thumbnail
        }
        QCOMPARE(valueReads().size(), 5 + 16); // 300,000 and 1,000,000 bytes in 64 KiB ranges

        // Cached: a second fetch reads nothing.
        m_world.server().clearRequests();
        const MediaFetchOutcome again = m_world.fetchMedia(m_assets[0], kChunk, kNoCap);
        QCOMPARE(again.cached, 2);
        QCOMPARE(again.downloaded, 0);
        QCOMPARE(valueReads().size(), 0);

        // A file replaced on the store (a new ETag) is fetched again.
        const QByteArray newer = randomBytes(70'000, 14);
        const QString entitySet = QString::fromLatin1(FakeDataverse::kAttachments);
        m_world.server().media().setFile(entitySet, video, "msdyn_file", newer, "walkround.mp4");
        m_world.server().table(entitySet).write(video, {{"msdyn_file_name", "walkround.mp4"}});
        const MediaFetchOutcome third = m_world.fetchMedia(m_assets[0], kChunk, kNoCap);
        QCOMPARE(third.cached, 1);
        QCOMPARE(third.downloaded, 1);
        QCOMPARE(SyncFixture::fileBytes(cached(video, true)), newer);
    }

    void aDownloadCutAtHalfResumesWithRange()
    {
        const QByteArray bytes = randomBytes(1 << 20, 4);
        const QString video = m_world.addAttachment(m_assets[0], kVideo, bytes);
        // Cut in the middle of the ninth range, every time: the retries give up.
        m_world.server().faults().cutDownloadAt = (1 << 19) + 1000;
        m_world.server().faults().cutDownloads = 1'000;
        const MediaFetchOutcome cut = m_world.fetchMedia(m_assets[0], kChunk, kNoCap);
        QVERIFY(!cut.ok());
        QVERIFY(!QFileInfo::exists(cached(video, true))); // no half file under the real name
        const QString part = cached(video, true) + QStringLiteral(".part");
        QCOMPARE(QFileInfo(part).size(), qint64(1 << 19)); // the eight whole ranges before the cut

        m_world.server().faults().cutDownloads = 0;
        m_world.server().clearRequests();
        const MediaFetchOutcome resumed = m_world.fetchMedia(m_assets[0], kChunk, kNoCap);
        QVERIFY2(resumed.ok(), qPrintable(resumed.errors.join('\n')));
        QCOMPARE(resumed.resumedBytes, qint64(1 << 19));
        QCOMPARE(headerValue(valueReads().front().headers, "Range"), QByteArray("bytes=524288-589823"));
        QCOMPARE(valueReads().size(), 8);
        QCOMPARE(SyncFixture::fileBytes(cached(video, true)), bytes);
        QVERIFY(!QFileInfo::exists(part));
    }

    // A file replaced on the store after a cut is not stitched to the old
    // one's first half: the record's new ETag starts the download over.
    void aFileReplacedAfterACutIsFetchedFromTheStart()
    {
        const QString video = m_world.addAttachment(m_assets[0], kVideo, randomBytes(1 << 20, 12));
        m_world.server().faults().cutDownloadAt = (1 << 19) + 1000;
        m_world.server().faults().cutDownloads = 1'000;
        QVERIFY(!m_world.fetchMedia(m_assets[0], kChunk, kNoCap).ok());
        QVERIFY(QFileInfo(cached(video, true) + QStringLiteral(".part")).size() > 0);

        const QByteArray replaced = randomBytes(1 << 20, 13);
        const QString entitySet = QString::fromLatin1(FakeDataverse::kAttachments);
        m_world.server().media().setFile(entitySet, video, "msdyn_file", replaced, "walkround.mp4");
        m_world.server().table(entitySet).write(video, {{"msdyn_file_name", "walkround.mp4"}}); // a new ETag
        m_world.server().faults().cutDownloads = 0;
        const MediaFetchOutcome again = m_world.fetchMedia(m_assets[0], kChunk, kNoCap);
        QVERIFY2(again.ok(), qPrintable(again.errors.join('\n')));
        QCOMPARE(again.resumedBytes, 0);
        QCOMPARE(SyncFixture::fileBytes(cached(video, true)), replaced);
    }

    // The fake's upload sessions refuse a chunk that does not continue the
    // file, or changes its total; a chunk sent again replaces its copy.
    void theFakeRefusesAWrongContentRange()
    {
        FakeMedia &media = m_world.server().media();
        const QString set = QString::fromLatin1(FakeDataverse::kAttachments);
        const QString id = m_world.addAttachment(m_assets[0], kVideo, "old");
        const QUrl column(m_world.server().serviceRoot().toString() + set + "(" + id + ")/msdyn_file?x-ms-file-name=a.mp4");
        const FakeResponse opened = media.begin(set, id, "msdyn_file", column, "chunked");
        QCOMPARE(opened.status, 200);
        const QString token = QUrlQuery(QUrl::fromEncoded(headerValue(opened.headers, "Location"))).queryItemValue("sessiontoken");
        QVERIFY(!token.isEmpty());
        QCOMPARE(media.chunk(token, "bytes 3-5/9", "def").status, 400);  // a gap
        QCOMPARE(media.chunk(token, "bytes 0-2/9", "abc").status, 206);
        QCOMPARE(media.chunk(token, "bytes 3-5/10", "def").status, 400); // another total
        QCOMPARE(media.chunk(token, "bytes 3-6/9", "def").status, 400);  // length and range differ
        QCOMPARE(media.chunk(token, "bytes 0-2/9", "abc").status, 206);  // sent again
        QCOMPARE(media.chunk(token, "bytes 3-5/9", "def").status, 206);
        QCOMPARE(media.file(set, id, "msdyn_file")->bytes, QByteArray("old")); // not before it completes
        QCOMPARE(media.chunk(token, "bytes 6-8/9", "ghi").status, 204);
        QCOMPARE(media.file(set, id, "msdyn_file")->bytes, QByteArray("abcdefghi"));
        QCOMPARE(media.chunk(token, "bytes 6-8/9", "ghi").status, 404); // the session is over
    }

    void aSingleCutIsRetriedInTheSameFetch()
    {
        const QByteArray bytes = randomBytes(400'000, 5);
        const QString video = m_world.addAttachment(m_assets[0], kVideo, bytes);
        m_world.server().faults().cutDownloadAt = 200'000;
        m_world.server().faults().cutDownloads = 1;
        const MediaFetchOutcome outcome = m_world.fetchMedia(m_assets[0], kChunk, kNoCap);
        QVERIFY2(outcome.ok(), qPrintable(outcome.errors.join('\n')));
        QCOMPARE(m_world.server().faults().cutDownloads, 0); // the cut did happen
        QCOMPARE(SyncFixture::fileBytes(cached(video, true)), bytes);
    }

    void aStoreFileNameIsNeverAPath()
    {
        const QByteArray bytes = randomBytes(5000, 6);
        const QString video = m_world.addAttachment(m_assets[0], kVideo, bytes, QStringLiteral("../../../escaped.mp4"));
        const MediaFetchOutcome outcome = m_world.fetchMedia(m_assets[0], kChunk, kNoCap);
        QVERIFY2(outcome.ok(), qPrintable(outcome.errors.join('\n')));
        const QString expected = QDir(m_world.workspaceDirectory()).filePath(QStringLiteral("cache/%1.mp4").arg(video));
        QCOMPARE(SyncFixture::fileBytes(expected), bytes);
        QDirIterator everything(QFileInfo(m_world.workspaceDirectory()).absolutePath(), {QStringLiteral("escaped*")},
                                QDir::Files, QDirIterator::Subdirectories);
        QVERIFY(!everything.hasNext());
    }

    void theCapEvictsLeastRecentlyUsedNeverAnAssetKeptOffline()
    {
        constexpr qint64 kFile = 100'000;
        const QString loose1 = m_world.addAttachment(m_assets[1], kVideo, randomBytes(kFile, 7));
        const QString loose2 = m_world.addAttachment(m_assets[1], kVideo, randomBytes(kFile, 8));
        const QString kept1 = m_world.addAttachment(m_assets[0], kVideo, randomBytes(kFile, 9));
        const QString kept2 = m_world.addAttachment(m_assets[0], kVideo, randomBytes(kFile, 10));
        const qint64 cap = 5 * kFile / 2;
        QVERIFY(m_world.fetchMedia(m_assets[1], kChunk, cap).ok());
        MediaCache(m_world.workspace(), cap).setKeptOffline(m_assets[0], true);
        const MediaFetchOutcome outcome = m_world.fetchMedia(m_assets[0], kChunk, cap);
        QVERIFY2(outcome.ok(), qPrintable(outcome.errors.join('\n')));
        QCOMPARE(outcome.evicted.size(), 2);
        QVERIFY(outcome.evicted.contains(loose1) && outcome.evicted.contains(loose2));
        QVERIFY(!QFileInfo::exists(cached(loose1, true)));
        QVERIFY(!QFileInfo::exists(cached(loose2, true)));
        QVERIFY(QFileInfo::exists(cached(kept1, true)));
        QVERIFY(QFileInfo::exists(cached(kept2, true)));
        // More than the cap of kept files stays.
        const QString kept3 = m_world.addAttachment(m_assets[0], kVideo, randomBytes(kFile, 11));
        const MediaFetchOutcome more = m_world.fetchMedia(m_assets[0], kChunk, cap);
        QVERIFY(more.evicted.isEmpty());
        QCOMPARE(MediaCache(m_world.workspace(), cap).usedBytes(), 3 * kFile);
        QVERIFY(QFileInfo::exists(cached(kept3, true)));
    }
};

QTEST_GUILESS_MAIN(tst_MediaFetch)
#include "tst_mediafetch.moc"
