#include "common/systemerror.h"

#include <QtTest>

#include <opencv2/core.hpp>

#include <cerrno>
#include <new>
#include <stdexcept>

using sl::SystemError;

// The causes a user reads: named in words, never "Unknown error".
class TestSystemError : public QObject
{
    Q_OBJECT

  private Q_SLOTS:
    void errnoCauses_data();
    void errnoCauses();
    void neverUnknown();
    void exceptions_data();
    void exceptions();
};

void TestSystemError::errnoCauses_data()
{
    QTest::addColumn<int>("errnum");
    QTest::addColumn<QString>("cause");
    QTest::newRow("EACCES") << EACCES << "permission denied";
    QTest::newRow("EPERM") << EPERM << "permission denied";
    QTest::newRow("ENOSPC") << ENOSPC << "no space left on the device (disk full)";
    QTest::newRow("EDQUOT") << EDQUOT << "disk quota exceeded";
    QTest::newRow("ENOMEM") << ENOMEM << "not enough memory";
    QTest::newRow("EROFS") << EROFS << "the file system is read-only";
    QTest::newRow("ENOENT") << ENOENT << "no such file or folder";
    QTest::newRow("EIO") << EIO << "input/output error (the disk or device may be failing)";
    QTest::newRow("rare: ESTALE, the system's words") << ESTALE << "stale file handle";
}

void TestSystemError::errnoCauses()
{
    QFETCH(int, errnum);
    QFETCH(QString, cause);
    QCOMPARE(SystemError::describe(errnum), cause);
}

void TestSystemError::neverUnknown()
{
    for (int errnum : {0, 4095, 100000, -1}) {
        const QString cause = SystemError::describe(errnum);
        QVERIFY2(!cause.isEmpty() && !cause.contains(QLatin1String("Unknown"), Qt::CaseInsensitive),
                 qPrintable(cause));
    }
}

void TestSystemError::exceptions_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("cause");
    QTest::newRow("std::bad_alloc") << 0 << "not enough memory";
    QTest::newRow("cv::Exception StsNoMem") << 1 << "not enough memory";
    QTest::newRow("cv::Exception Insufficient memory") << 2 << "not enough memory";
    QTest::newRow("anything else: the fallback") << 3 << "fallback";
}

void TestSystemError::exceptions()
{
    QFETCH(int, which);
    QFETCH(QString, cause);
    const QString fallback = QStringLiteral("fallback");
    switch (which) {
    case 0:
        QCOMPARE(SystemError::describe(std::bad_alloc(), fallback), cause);
        break;
    case 1:
        QCOMPARE(
            SystemError::describe(cv::Exception(cv::Error::StsNoMem, "Failed to allocate 3600000000 bytes",
                                                "OutOfMemoryError", "alloc.cpp", 73),
                                  fallback),
            cause);
        break;
    case 2:
        QCOMPARE(SystemError::describe(cv::Exception(cv::Error::StsError, "Insufficient memory", "imdecode_",
                                                     "loadsave.cpp", 1),
                                       fallback),
                 cause);
        break;
    default:
        QCOMPARE(SystemError::describe(std::runtime_error("boom"), fallback), cause);
    }
}

QTEST_GUILESS_MAIN(TestSystemError)
#include "tst_systemerror.moc"
