// A long video's packet index kept between opens (VideoDecoder::setIndexCache,
// beside its thumbnails): the second open reads it instead of the file and
// gets the same index and the same exact frames; a damaged, foreign or stale
// index is never used; a short video keeps none.
#include "media/packetscan.h"
#include "media/thumbnailcache.h"
#include "media/videodecoder.h"
#include "testclip.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;
using sl::test::TestClip;

class tst_FrameIndexCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_clip;
    QString m_cache;

    // Opens the clip with the index cache on (kept from one packet up).
    std::unique_ptr<VideoDecoder> open(int minPackets = 1)
    {
        auto decoder = std::make_unique<VideoDecoder>(64 * 1024 * 1024);
        decoder->setIndexCache(m_cache, minPackets);
        QString error;
        if (!decoder->open(m_clip, &error))
            qWarning() << error;
        return decoder;
    }
    QString indexFile() const
    {
        return QDir(m_cache).filePath(ThumbnailCache::mediaKey(m_clip) + QStringLiteral("/index.packets"));
    }
    static void compareIndexes(const FrameIndex &a, const FrameIndex &b)
    {
        QCOMPARE(a.count(), b.count());
        for (int n = 0; n < a.count(); ++n) {
            QCOMPARE(a.ptsOf(n), b.ptsOf(n));
            QCOMPARE(a.timeOf(n), b.timeOf(n));
            QCOMPARE(a.durationOf(n), b.durationOf(n));
            QCOMPARE(a.keyframeOf(n), b.keyframeOf(n));
            QCOMPARE(a.seekTimestampOf(n), b.seekTimestampOf(n));
        }
        QCOMPARE(a.readableEnd(), b.readableEnd());
        QCOMPARE(a.containerEnd(), b.containerEnd());
        QCOMPARE(a.isCutShort(), b.isCutShort());
        QCOMPARE(a.firstDts(), b.firstDts());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_clip = m_dir.filePath(QStringLiteral("vfr.mp4"));
        m_cache = m_dir.filePath(QStringLiteral("cache"));
        TestClip::Spec spec;
        spec.frames = 90;
        spec.variableRate = true;
        spec.keyframeInterval = 30;
        QString error;
        if (!TestClip::write(m_clip, spec, &error))
            QSKIP(qPrintable(error));
    }

    void secondOpenReadsTheKeptIndex()
    {
        QDir(m_cache).removeRecursively();
        const std::unique_ptr<VideoDecoder> first = open();
        QCOMPARE(first->counters().indexesFromCache, 0);
        QVERIFY(QFile::exists(indexFile()));

        const std::unique_ptr<VideoDecoder> second = open();
        QCOMPARE(second->counters().indexesFromCache, 1);
        compareIndexes(second->index(), first->index());
        // The frames are the exact ones, forward, back and after a jump.
        for (int n : {0, 1, 45, 89, 44, 30, 29, 2}) {
            QString error;
            const QImage image = second->frame(n, &error);
            QVERIFY2(!image.isNull(), qPrintable(error));
            QCOMPARE(TestClip::numberOf(image), n);
        }
    }

    void aDamagedIndexIsNotUsed()
    {
        QDir(m_cache).removeRecursively();
        const std::unique_ptr<VideoDecoder> scanned = open();
        QFile file(indexFile());
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x5a); // one byte of the payload
        QVERIFY(file.seek(0));
        QCOMPARE(file.write(bytes), bytes.size());
        file.close();

        const std::unique_ptr<VideoDecoder> again = open();
        QCOMPARE(again->counters().indexesFromCache, 0); // read the file instead
        compareIndexes(again->index(), scanned->index());
        QVERIFY(QFile::exists(indexFile())); // and kept it again, whole
        QCOMPARE(open()->counters().indexesFromCache, 1);
    }

    void aChangedFileIsIndexedAgain()
    {
        QDir(m_cache).removeRecursively();
        QCOMPARE(open()->counters().indexesFromCache, 0);
        // The same name, other content (a new copy): another identity.
        TestClip::Spec spec;
        spec.frames = 50;
        QString error;
        QVERIFY2(TestClip::write(m_clip, spec, &error), qPrintable(error));
        const std::unique_ptr<VideoDecoder> reopened = open();
        QCOMPARE(reopened->counters().indexesFromCache, 0);
        QCOMPARE(reopened->index().count(), 50);
    }

    void aShortVideoKeepsNoIndex()
    {
        QDir(m_cache).removeRecursively();
        const std::unique_ptr<VideoDecoder> decoder = open(VideoDecoder::kCachedIndexPackets);
        QVERIFY(decoder->index().count() < VideoDecoder::kCachedIndexPackets);
        QVERIFY(!QFile::exists(indexFile()));
    }

    // Bytes that are not a scan of this version are refused, not trusted.
    void foreignBytesAreRefused()
    {
        PacketScan scan;
        scan.packets = {{0, -2, 1, true}, {3, -1, 1, false}, {1, 0, 1, false}};
        scan.ptsEverywhere = false;
        const QByteArray bytes = scan.toBytes();
        const std::optional<PacketScan> back = PacketScan::fromBytes(bytes);
        QVERIFY(back);
        QCOMPARE(back->packets.size(), size_t(3));
        QCOMPARE(back->packets[1].pts, 3);
        QCOMPARE(back->packets[0].dts, -2);
        QVERIFY(back->packets[0].keyframe);
        QVERIFY(!back->ptsEverywhere);
        QVERIFY(!PacketScan::fromBytes(bytes.left(bytes.size() - 1)));     // cut
        QVERIFY(!PacketScan::fromBytes(bytes + QByteArray(1, '\0')));       // trailing bytes
        QVERIFY(!PacketScan::fromBytes(QByteArray()));                       // nothing
        QByteArray lying = bytes;
        lying[15] = char(0x7f); // the packet count's high byte (little endian): far more than the bytes hold
        QVERIFY(!PacketScan::fromBytes(lying));
    }
};

QTEST_GUILESS_MAIN(tst_FrameIndexCache)
#include "tst_frameindexcache.moc"
