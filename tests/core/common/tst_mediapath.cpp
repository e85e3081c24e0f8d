#include "common/mediapath.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/types.h>

using namespace sl;

// The one media path rule: its written form, then the file it names.
class tst_MediaPath : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_root; // holds "folder/" (the manifest's) and "outside/"
    QString folder() const { return m_root->filePath(QStringLiteral("folder")); }

    static bool touch(const QString &path)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write("x") == 1;
    }

private Q_SLOTS:
    void init()
    {
        m_root = std::make_unique<QTemporaryDir>();
        QVERIFY(m_root->isValid());
        QVERIFY(touch(folder() + QStringLiteral("/photo.jpg")));
        QVERIFY(touch(folder() + QStringLiteral("/sub/clip.mp4")));
        QVERIFY(touch(m_root->filePath(QStringLiteral("outside/secret.jpg"))));
        QVERIFY(QDir().mkpath(folder() + QStringLiteral("/a-folder")));
        QVERIFY(QFile::link(folder() + QStringLiteral("/photo.jpg"), folder() + QStringLiteral("/inside-link.jpg")));
        QVERIFY(QFile::link(m_root->filePath(QStringLiteral("outside/secret.jpg")),
                            folder() + QStringLiteral("/escape.jpg")));
        QVERIFY(QFile::link(m_root->filePath(QStringLiteral("outside")), folder() + QStringLiteral("/outdir")));
        QVERIFY(QFile::link(folder() + QStringLiteral("/gone.jpg"), folder() + QStringLiteral("/dangling.jpg")));
        QCOMPARE(::mkfifo(QFile::encodeName(folder() + QStringLiteral("/pipe.jpg")).constData(), 0600), 0);
    }

    void cleanup() { m_root.reset(); }

    void writtenForm_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::addColumn<QString>("reasonHas");
        QTest::newRow("plain") << "photo.jpg" << "photo.jpg" << "";
        QTest::newRow("sub-folder") << "sub/clip.mp4" << "sub/clip.mp4" << "";
        QTest::newRow("windows separators") << "sub\\clip.mp4" << "sub/clip.mp4" << "";
        QTest::newRow("dot components") << "./sub/./clip.mp4" << "sub/clip.mp4" << "";
        QTest::newRow("empty") << "" << "" << "no media file";
        QTest::newRow("absolute unix") << "/etc/passwd" << "" << "relative";
        QTest::newRow("rooted backslash") << "\\share\\x.jpg" << "" << "relative";
        QTest::newRow("drive letter") << "C:x.jpg" << "" << "relative";
        QTest::newRow("drive path") << "C:/x.jpg" << "" << "relative";
        QTest::newRow("qt resource") << ":/x.jpg" << "" << "relative";
        QTest::newRow("parent") << "../x.jpg" << "" << "..";
        QTest::newRow("parent inside") << "sub/../photo.jpg" << "" << "..";
        QTest::newRow("parent windows") << "sub\\..\\..\\x.jpg" << "" << "..";
        QTest::newRow("only dots") << "./." << "" << "folder";
        QTest::newRow("NUL") << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b")) << "" << "NUL";
        QTest::newRow("at the length limit") << QString(MediaPath::kMaxLength, QLatin1Char('a'))
                                             << QString(MediaPath::kMaxLength, QLatin1Char('a')) << "";
        QTest::newRow("over the length limit") << QString(MediaPath::kMaxLength + 1, QLatin1Char('a')) << ""
                                               << "longer than 1024";
    }

    void writtenForm()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QFETCH(QString, reasonHas);
        QString reason;
        QCOMPARE(MediaPath::normalised(path, &reason), expected);
        if (expected.isEmpty())
            QVERIFY2(reason.contains(reasonHas), qPrintable(reason));
    }

    void resolved_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("reasonHas");
        QTest::newRow("regular file") << "photo.jpg" << true << "";
        QTest::newRow("in a sub-folder") << "sub\\clip.mp4" << true << "";
        QTest::newRow("link to a file inside") << "inside-link.jpg" << true << "";
        QTest::newRow("missing") << "nope.jpg" << false << "not found";
        QTest::newRow("dangling link") << "dangling.jpg" << false << "not found";
        QTest::newRow("a folder") << "a-folder" << false << "not a regular file";
        QTest::newRow("a FIFO") << "pipe.jpg" << false << "not a regular file";
        QTest::newRow("link to a file outside") << "escape.jpg" << false << "symbolic link";
        QTest::newRow("through a linked folder") << "outdir/secret.jpg" << false << "symbolic link";
        QTest::newRow("parent") << "../outside/secret.jpg" << false << "..";
    }

    void resolved()
    {
        QFETCH(QString, path);
        QFETCH(bool, ok);
        QFETCH(QString, reasonHas);
        QString reason;
        const QString resolved = MediaPath::resolve(folder(), path, &reason);
        QCOMPARE(!resolved.isEmpty(), ok);
        if (ok)
            QVERIFY(MediaPath::isInside(resolved, QDir::cleanPath(folder())));
        else
            QVERIFY2(reason.contains(reasonHas), qPrintable(reason));
    }

    void insideIsByComponent()
    {
        QVERIFY(MediaPath::isInside(QStringLiteral("/a/b/c"), QStringLiteral("/a/b")));
        QVERIFY(MediaPath::isInside(QStringLiteral("/a/b"), QStringLiteral("/a/b")));
        QVERIFY(!MediaPath::isInside(QStringLiteral("/a/bc"), QStringLiteral("/a/b")));
        QVERIFY(!MediaPath::isInside(QStringLiteral("/a"), QStringLiteral("/a/b")));
    }
};

QTEST_GUILESS_MAIN(tst_MediaPath)
#include "tst_mediapath.moc"
