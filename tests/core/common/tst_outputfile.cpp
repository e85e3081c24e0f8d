#include "common/outputfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using sl::OutputFile;

namespace {

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The file type and identity of `path` itself (links not followed).
struct Node
{
    mode_t type = 0;
    dev_t rdev = 0;
    ino_t inode = 0;
    bool operator==(const Node &other) const = default;
};

Node nodeOf(const QString &path)
{
    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return {mode_t(st.st_mode & S_IFMT), st.st_rdev, st.st_ino};
}

} // namespace

// OutputFile: complete or untouched, never into something that is not a file.
class TestOutputFile : public QObject
{
    Q_OBJECT

  private Q_SLOTS:
    void init();
    void writesANewFile();
    void replacesARegularFileWhole();
    void keepsThePermissionsOfTheReplacedFile();
    void followsALinkToARegularFile();
    void refusesWhatIsNotARegularFile_data();
    void refusesWhatIsNotARegularFile();
    void writerFailureLeavesTheTargetUntouched();
    void missingFolderNamesTheCause();

  private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    // Names in the folder besides `expected`: temporary files left behind.
    QStringList leftovers(const QStringList &expected) const;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestOutputFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QStringList TestOutputFile::leftovers(const QStringList &expected) const
{
    QStringList names =
        QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &name : expected)
        names.removeAll(name);
    return names;
}

void TestOutputFile::writesANewFile()
{
    QString error;
    QVERIFY2(OutputFile::write(path(QStringLiteral("out.png")), QByteArray("pixels"), &error),
             qPrintable(error));
    QCOMPARE(contents(path(QStringLiteral("out.png"))), QByteArray("pixels"));
    QCOMPARE(leftovers({QStringLiteral("out.png")}), QStringList());
}

void TestOutputFile::replacesARegularFileWhole()
{
    const QString target = path(QStringLiteral("out.png"));
    QVERIFY(OutputFile::write(target, QByteArray(100000, 'a'), nullptr));
    const ino_t before = nodeOf(target).inode;
    QString error;
    QVERIFY2(OutputFile::write(target, QByteArray("new"), &error), qPrintable(error));
    QCOMPARE(contents(target), QByteArray("new"));
    // Renamed over, not rewritten in place: a reader holding the old file
    // never sees a half-written one.
    QVERIFY(nodeOf(target).inode != before);
    QCOMPARE(leftovers({QStringLiteral("out.png")}), QStringList());
}

void TestOutputFile::keepsThePermissionsOfTheReplacedFile()
{
    const QString target = path(QStringLiteral("shared.png"));
    QVERIFY(OutputFile::write(target, QByteArray("old"), nullptr));
    QVERIFY(::chmod(QFile::encodeName(target).constData(), 0640) == 0);
    QVERIFY(OutputFile::write(target, QByteArray("new"), nullptr));
    struct stat st = {};
    QCOMPARE(::stat(QFile::encodeName(target).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 07777), 0640);
}

void TestOutputFile::followsALinkToARegularFile()
{
    const QString real = path(QStringLiteral("real.png"));
    const QString link = path(QStringLiteral("link.png"));
    QVERIFY(OutputFile::write(real, QByteArray("old"), nullptr));
    QVERIFY(QFile::link(real, link));
    QString error;
    QVERIFY2(OutputFile::write(link, QByteArray("new"), &error), qPrintable(error));
    QCOMPARE(nodeOf(link).type, mode_t(S_IFLNK));
    QCOMPARE(contents(real), QByteArray("new"));
}

void TestOutputFile::refusesWhatIsNotARegularFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("FIFO") << "fifo";
    QTest::newRow("folder") << "folder";
    QTest::newRow("device node") << "device";
    QTest::newRow("link to /dev/null") << "link-to-device";
    QTest::newRow("link to a FIFO") << "link-to-fifo";
    QTest::newRow("link to a folder") << "link-to-folder";
    QTest::newRow("dangling link") << "dangling";
}

void TestOutputFile::refusesWhatIsNotARegularFile()
{
    QFETCH(QString, kind);
    const QString target = path(QStringLiteral("out.png"));
    const QByteArray native = QFile::encodeName(target);
    const QString fifo = path(QStringLiteral("fifo"));
    if (kind == QLatin1String("fifo")) {
        QCOMPARE(::mkfifo(native.constData(), 0644), 0);
    } else if (kind == QLatin1String("folder")) {
        QVERIFY(QDir().mkdir(target));
    } else if (kind == QLatin1String("device")) {
        // The same device as /dev/null; making one needs root.
        if (::mknod(native.constData(), S_IFCHR | 0666, makedev(1, 3)) != 0)
            QSKIP("making a device node needs root (the link-to-device row covers devices)");
    } else if (kind == QLatin1String("link-to-device")) {
        QVERIFY(QFile::link(QStringLiteral("/dev/null"), target));
    } else if (kind == QLatin1String("link-to-fifo")) {
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0644), 0);
        QVERIFY(QFile::link(fifo, target));
    } else if (kind == QLatin1String("link-to-folder")) {
        QVERIFY(QDir().mkdir(path(QStringLiteral("sub"))));
        QVERIFY(QFile::link(path(QStringLiteral("sub")), target));
    } else {
        QVERIFY(QFile::link(path(QStringLiteral("nowhere")), target));
    }
    const Node before = nodeOf(target);
    const QStringList present =
        QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);

    QString error;
    QVERIFY(!OutputFile::checkTarget(target, &error));
    QVERIFY(!OutputFile::write(target, QByteArray("pixels"), &error));
    QCOMPARE(error, QDir::toNativeSeparators(target) +
                        QStringLiteral(" exists and is not a regular file; refusing to replace it"));
    QVERIFY(nodeOf(target) == before);
    QCOMPARE(leftovers(present), QStringList());
    struct stat null = {};
    QCOMPARE(::stat("/dev/null", &null), 0);
    QVERIFY(S_ISCHR(null.st_mode));
}

void TestOutputFile::writerFailureLeavesTheTargetUntouched()
{
    const QString target = path(QStringLiteral("out.png"));
    QVERIFY(OutputFile::write(target, QByteArray("old"), nullptr));
    QString error;
    const bool written = OutputFile::write(
        target,
        [](QIODevice &device, QString *reason) {
            device.write("half of it");
            *reason = QStringLiteral("the encoder gave up");
            return false;
        },
        &error);
    QVERIFY(!written);
    QVERIFY2(error.contains(QLatin1String("out.png")) && error.contains(QLatin1String("the encoder gave up")),
             qPrintable(error));
    QCOMPARE(contents(target), QByteArray("old"));
    QCOMPARE(leftovers({QStringLiteral("out.png")}), QStringList());
}

void TestOutputFile::missingFolderNamesTheCause()
{
    QString error;
    QVERIFY(!OutputFile::write(path(QStringLiteral("no/such/out.png")), QByteArray("x"), &error));
    QVERIFY2(error.startsWith(QLatin1String("cannot write ")) &&
                 error.endsWith(QLatin1String("out.png: no such file or folder")),
             qPrintable(error));
}

QTEST_GUILESS_MAIN(TestOutputFile)
#include "tst_outputfile.moc"
