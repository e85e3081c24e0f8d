// sightline-cli export-frame on bad media and bad output targets: exit 1 with
// exactly one line on stderr naming the file and the cause, nothing printed by
// the media libraries, nothing written where it must not be.
#include "badmedia.h"
#include "testclip.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include "programrun.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <opencv2/imgcodecs.hpp>

#include <sys/stat.h>
#include <unistd.h>

using sl::test::BadMedia;
using sl::test::TestClip;

namespace {

using sl::test::CliRun;

// Runs `program arguments`; the CLI itself unless `program` is given.
CliRun run(const QStringList &arguments, const QString &program = QStringLiteral(SIGHTLINE_CLI_PATH))
{
    return sl::test::runProgram(program, arguments);
}

QStringList lines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestCliBadMedia : public QObject
{
    Q_OBJECT

  private Q_SLOTS:
    void initTestCase();
    void refusedWithOneLine_data();
    void refusedWithOneLine();
    void damagedJpegIsRefusedInOneLine();
    void truncatedVideoBeforeTheCutExports();
    void refusesOutputThatIsNotAFile_data();
    void refusesOutputThatIsNotAFile();
    void permissionDeniedIsNamed_data();
    void permissionDeniedIsNamed();
    void diskFullIsNamedAndLeavesTheOldFile();
    void diskFullUnderTheWorkspaceIsNamed();
    void outOfMemoryIsNamed();

  private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    // Writes NAME.capture.json for `media` declared as `type`; its path.
    QString manifest(const QString &name, const QString &media, const QString &type) const;
    // Commands that may run the CLI without the root's power to read anything.
    QStringList asUnprivileged() const;

    QTemporaryDir m_dir;
    QTemporaryDir m_outside;
};

QString TestCliBadMedia::manifest(const QString &name, const QString &media, const QString &type) const
{
    const QJsonObject json{
        {QStringLiteral("format"), QStringLiteral("sightline-capture")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("assetId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("capturedAt"), QStringLiteral("2026-11-20T10:31:00Z")},
        {QStringLiteral("media"),
         QJsonObject{{QStringLiteral("file"), media}, {QStringLiteral("type"), type}}},
    };
    const QString file = path(name + QStringLiteral(".capture.json"));
    BadMedia::writeBytes(file, QJsonDocument(json).toJson());
    return file;
}

void TestCliBadMedia::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty(),
             "ffmpeg makes this test's media: install it with scripts/sightline.sh deps");
    QString error;
    const auto make = [&](bool ok) {
        if (!ok)
            qWarning() << error;
        return ok;
    };
    QVERIFY(
        cv::imwrite(path(QStringLiteral("photo.png")).toStdString(), TestClip::frame(9, cv::Size(160, 96))));
    QVERIFY(make(BadMedia::writeFastStartClip(path(QStringLiteral("whole.mp4")), 90, 30, &error)));
    QVERIFY(make(BadMedia::truncateCopy(path(QStringLiteral("whole.mp4")), path(QStringLiteral("cut.mp4")),
                                        0.5, &error)));
    QVERIFY(make(TestClip::write(path(QStringLiteral("plain.mp4")), 30, 30, cv::Size(160, 96),
                                 TestClip::Encoder::Ffmpeg, &error)));
    // Index at the end: a cut copy has none ("moov atom not found").
    QVERIFY(make(BadMedia::truncateCopy(path(QStringLiteral("plain.mp4")),
                                        path(QStringLiteral("noindex.mp4")), 0.5, &error)));
    const QByteArray jpeg = BadMedia::jpeg();
    QVERIFY(BadMedia::writeBytes(path(QStringLiteral("headonly.jpg")), jpeg.left(120)));
    QVERIFY(make(BadMedia::writeLyingJpeg(path(QStringLiteral("bomb.jpg")), 30000, 30000, 15000, &error)));
    QVERIFY(make(BadMedia::writePng(path(QStringLiteral("bomb.png")), 30000, 30000, &error)));
    QVERIFY(make(BadMedia::ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                                   QStringLiteral("sine=duration=1"), QStringLiteral("-c:a"),
                                   QStringLiteral("aac"), path(QStringLiteral("sound.m4a"))},
                                  &error)));
    QVERIFY(make(BadMedia::ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                                   QStringLiteral("color=s=64x64:d=1"), QStringLiteral("-frames:v"),
                                   QStringLiteral("0"), QStringLiteral("-c:v"), QStringLiteral("libx264"),
                                   path(QStringLiteral("nothing.mp4"))},
                                  &error)));
    QVERIFY(make(BadMedia::ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                                   QStringLiteral("color=s=17000x16:d=0.2"), QStringLiteral("-c:v"),
                                   QStringLiteral("mjpeg"), path(QStringLiteral("wide.avi"))},
                                  &error)));
    QVERIFY(BadMedia::writeBytes(path(QStringLiteral("empty.mp4")), QByteArray("")));
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("folder.mp4")));
    QCOMPARE(::mkfifo(QFile::encodeName(path(QStringLiteral("fifo.mp4"))).constData(), 0644), 0);
    // A link from inside the folder to a photo outside it.
    QVERIFY(m_outside.isValid());
    const QString outsidePhoto = m_outside.filePath(QStringLiteral("photo.png"));
    QVERIFY(QFile::copy(path(QStringLiteral("photo.png")), outsidePhoto));
    QVERIFY(QFile::link(outsidePhoto, path(QStringLiteral("escape.png"))));
}

void TestCliBadMedia::refusedWithOneLine_data()
{
    QTest::addColumn<QString>("media");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("time"); // empty: none given
    QTest::addColumn<QString>("says");

    const QString limit = QStringLiteral("the limit is 16384 per side and 120 megapixels");
    QTest::newRow("JPEG with no image data") << "headonly.jpg"
                                             << "photo"
                                             << ""
                                             << "headonly.jpg: cannot be decoded as a photo";
    QTest::newRow("15 KB JPEG declaring 30000 x 30000")
        << "bomb.jpg"
        << "photo"
        << ""
        << "bomb.jpg: the image is 30000 x 30000 pixels; " + limit;
    QTest::newRow("real 30000 x 30000 PNG") << "bomb.png"
                                            << "photo"
                                            << ""
                                            << "bomb.png: the image is 30000 x 30000 pixels; " + limit;
    QTest::newRow("truncated MP4 past the cut") << "cut.mp4"
                                                << "video"
                                                << "2.5"
                                                << "is past what can be read: the video ends early, at ";
    QTest::newRow("truncated MP4 without its index") << "noindex.mp4"
                                                     << "video"
                                                     << ""
                                                     << "noindex.mp4: cannot be decoded as a video";
    QTest::newRow("PNG declared as video") << "photo.png"
                                           << "video"
                                           << ""
                                           << "photo.png: the file is a still image, not a video";
    QTest::newRow("MP4 declared as photo") << "whole.mp4"
                                           << "photo"
                                           << ""
                                           << "whole.mp4: the file is a video, not a photo";
    QTest::newRow("sound declared as video") << "sound.m4a"
                                             << "video"
                                             << ""
                                             << "sound.m4a: the file holds only sound, no video stream";
    QTest::newRow("container without frames") << "nothing.mp4"
                                              << "video"
                                              << ""
                                              << "nothing.mp4: the file holds no video stream";
    QTest::newRow("frames over the limit") << "wide.avi"
                                           << "video"
                                           << ""
                                           << "wide.avi: the video's frames are 17000 x 16 pixels; " + limit;
    QTest::newRow("empty file") << "empty.mp4"
                                << "video"
                                << ""
                                << "empty.mp4: media file is empty";
    QTest::newRow("folder as media") << "folder.mp4"
                                     << "video"
                                     << ""
                                     << "is not a regular file: \"folder.mp4\"";
    QTest::newRow("FIFO as media") << "fifo.mp4"
                                   << "video"
                                   << ""
                                   << "is not a regular file: \"fifo.mp4\"";
    QTest::newRow("absolute path") << "/etc/hostname"
                                   << "photo"
                                   << ""
                                   << "must be a path relative to its folder";
    QTest::newRow("dot dot") << "../photo.png"
                             << "photo"
                             << ""
                             << "leads outside its folder (\"..\")";
    QTest::newRow("link leaving the folder") << "escape.png"
                                             << "photo"
                                             << ""
                                             << "leads outside its folder through a symbolic link";
}

void TestCliBadMedia::refusedWithOneLine()
{
    QFETCH(QString, media);
    QFETCH(QString, type);
    QFETCH(QString, time);
    QFETCH(QString, says);
    const QString manifestPath = manifest(QStringLiteral("case"), media, type);
    const QString out = path(QStringLiteral("refused.png"));
    QStringList arguments{QStringLiteral("export-frame"), manifestPath, QStringLiteral("--out"), out};
    if (!time.isEmpty())
        arguments << QStringLiteral("--time") << time;
    const CliRun r = run(arguments);
    QCOMPARE(r.exitCode, 1);
    const QStringList errors = lines(r.err);
    QVERIFY2(errors.size() == 1, qPrintable(r.err));
    // Named: the media file, or the requested time when that is what the file cannot give.
    QVERIFY2(errors.first().startsWith(
                 QLatin1String("sightline-cli: export-frame: case.capture.json: media.file: ")) ||
                 errors.first().startsWith(QLatin1String("sightline-cli: export-frame: ") +
                                           QFileInfo(media).fileName()) ||
                 (!time.isEmpty() && errors.first().startsWith(
                                         QLatin1String("sightline-cli: export-frame: case.capture.json: time ") + time)),
             qPrintable(errors.first()));
    QVERIFY2(errors.first().contains(says), qPrintable(errors.first()));
    QVERIFY(!errors.first().contains(QLatin1String("Unknown error"), Qt::CaseInsensitive));
    QVERIFY(r.out.isEmpty());
    QVERIFY(!QFile::exists(out));
}

void TestCliBadMedia::damagedJpegIsRefusedInOneLine()
{
    // A JPEG cut in its image data: libjpeg would fill the rest with grey
    // and only warn ("Premature end of JPEG file"). It is refused in one
    // line saying so (the media cannot be decoded whole: CAPTURE-FORMAT.md),
    // libjpeg's own warning never reaches the terminal, and nothing is written.
    const QByteArray jpeg = BadMedia::jpeg();
    const qsizetype scan = jpeg.indexOf(QByteArray("\xff\xda", 2)); // start of the image data
    QVERIFY(scan > 0);
    QVERIFY(BadMedia::writeBytes(path(QStringLiteral("damaged.jpg")),
                                 jpeg.left(scan + (jpeg.size() - scan) / 2)));
    const QString out = path(QStringLiteral("damaged-out.png"));
    const CliRun r =
        run({QStringLiteral("export-frame"),
             manifest(QStringLiteral("damaged"), QStringLiteral("damaged.jpg"), QStringLiteral("photo")),
             QStringLiteral("--out"), out});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QStringLiteral("sightline-cli: export-frame: damaged.capture.json: media.file: damaged.jpg: the "
                                   "JPEG ends before its image does (the file is cut short)\n"));
    QVERIFY(!QFile::exists(out));
}

void TestCliBadMedia::truncatedVideoBeforeTheCutExports()
{
    const QString out = path(QStringLiteral("before-cut.png"));
    const CliRun r = run({QStringLiteral("export-frame"),
                          manifest(QStringLiteral("cut"), QStringLiteral("cut.mp4"), QStringLiteral("video")),
                          QStringLiteral("--time"), QStringLiteral("0.5"), QStringLiteral("--out"), out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.err, QString()); // FFmpeg's "Packet corrupt" stays in the log
    QCOMPARE(TestClip::numberOf(QImage(out)), 15);
}

void TestCliBadMedia::refusesOutputThatIsNotAFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("FIFO") << "fifo";
    QTest::newRow("link to /dev/null") << "devnull";
}

void TestCliBadMedia::refusesOutputThatIsNotAFile()
{
    QFETCH(QString, kind);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString out = folder.filePath(QStringLiteral("out.png"));
    if (kind == QLatin1String("fifo"))
        QCOMPARE(::mkfifo(QFile::encodeName(out).constData(), 0644), 0);
    else
        QVERIFY(QFile::link(QStringLiteral("/dev/null"), out));
    struct stat before = {};
    QCOMPARE(::lstat(QFile::encodeName(out).constData(), &before), 0);

    const CliRun r =
        run({QStringLiteral("export-frame"),
             manifest(QStringLiteral("good"), QStringLiteral("photo.png"), QStringLiteral("photo")),
             QStringLiteral("--out"), out});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(
        lines(r.err),
        QStringList{
            QStringLiteral(
                "sightline-cli: export-frame: %1 exists and is not a regular file; refusing to replace it")
                .arg(out)});
    struct stat after = {};
    QCOMPARE(::lstat(QFile::encodeName(out).constData(), &after), 0);
    QCOMPARE(after.st_mode, before.st_mode);
    QCOMPARE(after.st_ino, before.st_ino);
    struct stat null = {};
    QCOMPARE(::stat("/dev/null", &null), 0);
    QVERIFY(S_ISCHR(null.st_mode));
}

QStringList TestCliBadMedia::asUnprivileged() const
{
    if (::geteuid() != 0)
        return {};
    // Root reads and writes anything: drop the two capabilities that let it,
    // so that file modes apply as they do to any user.
    return {QStringLiteral("setpriv"), QStringLiteral("--bounding-set=-dac_override,-dac_read_search")};
}

void TestCliBadMedia::permissionDeniedIsNamed_data()
{
    QTest::addColumn<bool>("media"); // unreadable media, or an unwritable output folder
    QTest::newRow("unreadable media") << true;
    QTest::newRow("output folder not writable") << false;
}

void TestCliBadMedia::permissionDeniedIsNamed()
{
    QFETCH(bool, media);
    const QStringList prefix = asUnprivileged();
    if (!prefix.isEmpty() && QStandardPaths::findExecutable(prefix.first()).isEmpty())
        QSKIP("running as root without setpriv (util-linux): root is never denied");
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QVERIFY(QFile::copy(path(QStringLiteral("photo.png")), folder.filePath(QStringLiteral("locked.png"))));
    const QString manifestPath = folder.filePath(QStringLiteral("locked.capture.json"));
    QVERIFY(
        QFile::copy(manifest(QStringLiteral("locked"), QStringLiteral("locked.png"), QStringLiteral("photo")),
                    manifestPath));
    const QString outFolder = folder.filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkdir(outFolder));
    if (media)
        QVERIFY(
            QFile::setPermissions(folder.filePath(QStringLiteral("locked.png")), QFileDevice::Permissions()));
    else
        QVERIFY(QFile::setPermissions(outFolder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));

    QStringList arguments = prefix.mid(1);
    QString program = prefix.isEmpty() ? QStringLiteral(SIGHTLINE_CLI_PATH) : prefix.first();
    if (!prefix.isEmpty())
        arguments << QStringLiteral(SIGHTLINE_CLI_PATH);
    arguments << QStringLiteral("export-frame") << manifestPath << QStringLiteral("--out")
              << outFolder + QStringLiteral("/out.png");
    const CliRun r = run(arguments, program);
    QFile::setPermissions(outFolder,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (r.err.contains(QLatin1String("setpriv:")))
        QSKIP(qPrintable(QStringLiteral("setpriv cannot drop capabilities here: ") + r.err.trimmed()));
    QCOMPARE(r.exitCode, 1);
    const QStringList errors = lines(r.err);
    QVERIFY2(errors.size() == 1, qPrintable(r.err));
    const QString expected = media
                                 ? QStringLiteral("locked.png: media file cannot be read: permission denied")
                                 : QStringLiteral("out.png: permission denied");
    QVERIFY2(errors.first().endsWith(expected), qPrintable(errors.first()));
}

void TestCliBadMedia::diskFullIsNamedAndLeavesTheOldFile()
{
    if (::geteuid() != 0 || QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty())
        QSKIP("a full disk is simulated with a small tmpfs, which needs root and unshare (util-linux)");
    // A photo of noise: its PNG is far larger than the 16 KB file system.
    cv::Mat noise(200, 300, CV_8UC3);
    cv::randu(noise, 0, 256);
    QVERIFY(cv::imwrite(path(QStringLiteral("noise.png")).toStdString(), noise));
    const QString manifestPath =
        manifest(QStringLiteral("noise"), QStringLiteral("noise.png"), QStringLiteral("photo"));
    const QString mountPoint = path(QStringLiteral("full"));
    QVERIFY(QDir().mkdir(mountPoint));
    // In a mount namespace of its own: mount, put an old file there, export
    // onto it, then show what the folder holds and the old file's contents.
    const QString script = QStringLiteral(
        "mount -t tmpfs -o size=16k tmpfs \"$1\" || exit 77; printf old > \"$1/out.png\"; "
        "\"$2\" export-frame \"$3\" --out \"$1/out.png\"; rc=$?; ls -A \"$1\"; cat \"$1/out.png\"; exit $rc");
    const CliRun r = run({QStringLiteral("-m"), QStringLiteral("sh"), QStringLiteral("-c"), script,
                          QStringLiteral("sh"), mountPoint, QStringLiteral(SIGHTLINE_CLI_PATH), manifestPath},
                         QStringLiteral("unshare"));
    if (r.exitCode == 77 || r.err.contains(QLatin1String("unshare:")))
        QSKIP(qPrintable(QStringLiteral("cannot mount a tmpfs here: ") + r.err.trimmed()));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(lines(r.err),
             QStringList{QStringLiteral("sightline-cli: export-frame: cannot write %1/out.png: no space "
                                        "left on the device (disk full)")
                             .arg(mountPoint)});
    // Only the old file is there, whole; no temporary file is left.
    QCOMPARE(lines(r.out), (QStringList{QStringLiteral("out.png"), QStringLiteral("old")}));
}

// A workspace on a disk that filled up: SQLite reports the journal it
// cannot make as an I/O error, and the message says what the system said,
// that the disk is full; what was stored is there once space is made.
void TestCliBadMedia::diskFullUnderTheWorkspaceIsNamed()
{
    if (::geteuid() != 0 || QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty())
        QSKIP("a full disk is simulated with a small tmpfs, which needs root and unshare (util-linux)");
    const QString mountPoint = path(QStringLiteral("full-ws"));
    QVERIFY(QDir().mkdir(mountPoint));
    const QString script = QStringLiteral(
        "mount -t tmpfs -o size=4m tmpfs \"$1\" || exit 77; "
        "\"$2\" asset create name=Before --workspace \"$1/ws\" > /dev/null || exit 78; "
        "dd if=/dev/zero of=\"$1/fill\" bs=64k 2> /dev/null; "
        "\"$2\" asset create name=Meanwhile --workspace \"$1/ws\"; rc=$?; "
        "rm \"$1/fill\"; \"$2\" search before --workspace \"$1/ws\" || exit 79; exit $rc");
    const CliRun r = run({QStringLiteral("-m"), QStringLiteral("sh"), QStringLiteral("-c"), script,
                          QStringLiteral("sh"), mountPoint, QStringLiteral(SIGHTLINE_CLI_PATH)},
                         QStringLiteral("unshare"));
    if (r.exitCode == 77 || r.err.contains(QLatin1String("unshare:")))
        QSKIP(qPrintable(QStringLiteral("cannot mount a tmpfs here: ") + r.err.trimmed()));
    QCOMPARE(r.exitCode, 1);
    const QStringList errors = lines(r.err);
    QVERIFY2(errors.size() == 1, qPrintable(r.err));
    QVERIFY2(errors.first().startsWith(QLatin1String("sightline-cli: asset create: ")), qPrintable(r.err));
    QVERIFY2(errors.first().contains(QLatin1String("the disk is full")), qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("Before")), qPrintable(r.out)); // stored before the disk filled
}

void TestCliBadMedia::outOfMemoryIsNamed()
{
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer reserves terabytes of address space for its shadow
    // memory, so no address-space limit leaves it room to start; the normal
    // build runs this test.
    QSKIP("an address-space limit cannot be combined with AddressSanitizer");
#endif
    if (QStandardPaths::findExecutable(QStringLiteral("prlimit")).isEmpty())
        QSKIP("prlimit (util-linux) limits the CLI's memory for this test");
    // 10000 x 10000 is within the limits and needs ~300 MB decoded. The
    // limit: the least address space a small export runs in, plus 100 MB.
    QString error;
    QVERIFY2(BadMedia::writePng(path(QStringLiteral("large.png")), 10000, 10000, &error), qPrintable(error));
    const QString small =
        manifest(QStringLiteral("small"), QStringLiteral("photo.png"), QStringLiteral("photo"));
    const QString large =
        manifest(QStringLiteral("large"), QStringLiteral("large.png"), QStringLiteral("photo"));
    const auto limited = [&](qint64 megabytes, const QString &manifestPath) {
        return run({QStringLiteral("--as=%1").arg(megabytes << 20), QStringLiteral(SIGHTLINE_CLI_PATH),
                    QStringLiteral("export-frame"), manifestPath, QStringLiteral("--out"),
                    path(QStringLiteral("oom.png"))},
                   QStringLiteral("prlimit"));
    };
    qint64 baseline = 0;
    for (qint64 mb = 200; mb <= 4000 && baseline == 0; mb += 100) {
        if (limited(mb, small).exitCode == 0)
            baseline = mb;
    }
    QVERIFY2(baseline > 0, "the CLI does not run within 4 GB of address space");
    QFile::remove(path(QStringLiteral("oom.png")));
    const CliRun r = limited(baseline + 100, large);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(lines(r.err),
             QStringList{QStringLiteral("sightline-cli: export-frame: large.capture.json: media.file: "
                                        "large.png: not enough memory")});
    QVERIFY(!QFile::exists(path(QStringLiteral("oom.png"))));
}

QTEST_GUILESS_MAIN(TestCliBadMedia)
#include "tst_cli_badmedia.moc"
