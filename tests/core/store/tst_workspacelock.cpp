#include "store/workspacelock.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sl;

// The write lock excludes other holders (another descriptor behaves as
// another process does) and is released with its holder.
class tst_WorkspaceLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void excludesAndReleases()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        std::optional<WorkspaceLock> held = WorkspaceLock::acquire(dir.path(), 1000, &error);
        QVERIFY2(held, qPrintable(error));
        QVERIFY(!WorkspaceLock::tryAcquire(dir.path()));
        QVERIFY(!WorkspaceLock::acquire(dir.path(), 100, &error));
        QVERIFY2(error.contains(QStringLiteral("busy")), qPrintable(error));

        // Moving it keeps it held; destroying the last owner releases it.
        std::optional<WorkspaceLock> moved = std::move(held);
        held.reset();
        QVERIFY(!WorkspaceLock::tryAcquire(dir.path()));
        moved.reset();
        QVERIFY(WorkspaceLock::tryAcquire(dir.path()));
    }

    void unwritableFolderIsReported()
    {
        QString error;
        QVERIFY(!WorkspaceLock::acquire(QStringLiteral("/proc/no-such-folder"), 100, &error));
        QVERIFY2(error.contains(QStringLiteral("lock file")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(tst_WorkspaceLock)
#include "tst_workspacelock.moc"
