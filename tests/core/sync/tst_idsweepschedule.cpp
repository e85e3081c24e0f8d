#include "store/workspace.h"
#include "sync/idsweepschedule.h"
#include "sync/syncstaterepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sl;

// When a table without change tracking reads all its ids again: every Nth
// poll since the last sweep, or any poll a day after it.
class tst_IdSweepSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void due_data()
    {
        QTest::addColumn<int>("everyPolls");
        QTest::addColumn<bool>("sweptBefore");
        QTest::addColumn<int>("pollsSince");
        QTest::addColumn<int>("hoursLater");
        QTest::addColumn<bool>("due");
        QTest::newRow("never swept, first poll") << 10 << false << 0 << 0 << false;
        QTest::newRow("never swept, 10th poll") << 10 << false << 9 << 0 << true;
        QTest::newRow("never swept, a day after the first poll") << 10 << false << 1 << 25 << true;
        QTest::newRow("every poll") << 1 << false << 0 << 0 << true;
        QTest::newRow("9th poll after a sweep") << 10 << true << 8 << 1 << false;
        QTest::newRow("10th poll after a sweep") << 10 << true << 9 << 1 << true;
        QTest::newRow("23 h after a sweep") << 10 << true << 1 << 23 << false;
        QTest::newRow("24 h after a sweep") << 10 << true << 1 << 24 << true;
        QTest::newRow("every 3rd, 2nd poll") << 3 << true << 1 << 0 << false;
        QTest::newRow("every 3rd, 3rd poll") << 3 << true << 2 << 0 << true;
    }

    void due()
    {
        QFETCH(int, everyPolls);
        QFETCH(bool, sweptBefore);
        QFETCH(int, pollsSince);
        QFETCH(int, hoursLater);
        QFETCH(bool, due);
        QTemporaryDir dir;
        QString error;
        std::unique_ptr<Workspace> workspace = Workspace::open(dir.path(), &error);
        QVERIFY2(workspace, qPrintable(error));
        const QDateTime start(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC);
        IdSweepSchedule schedule(workspace->database(), QStringLiteral("accounts"));
        if (sweptBefore)
            schedule.swept(start);
        for (int i = 0; i < pollsSince; ++i)
            schedule.countPoll(start);
        IdSweepSettings settings;
        settings.everyPolls = everyPolls;
        QCOMPARE(schedule.due(settings, start.addSecs(qint64(hoursLater) * 3600)), due);
        // The schedule does not pass for the table's own state.
        QVERIFY(!SyncStateRepository(workspace->database()).find(QStringLiteral("accounts")));
    }
};

QTEST_GUILESS_MAIN(tst_IdSweepSchedule)
#include "tst_idsweepschedule.moc"
