#include "sync/syncsummary.h"

#include <QTest>

using namespace sl;

// The one-line summary of a sync (`sightline-cli sync`, the GUI's status):
// the counts, with the captures among them said beside.
class tst_SyncSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void line_data()
    {
        QTest::addColumn<int>("pulled");
        QTest::addColumn<int>("capturesAdded");
        QTest::addColumn<int>("deleted");
        QTest::addColumn<int>("capturesRemoved");
        QTest::addColumn<int>("pushed");
        QTest::addColumn<int>("pushedCaptures");
        QTest::addColumn<int>("mediaFetched");
        QTest::addColumn<QString>("line");
        QTest::newRow("plain") << 126 << 0 << 0 << 0 << 0 << 0 << 0
                               << "pulled 126, deleted 0, pushed 0, conflicts 0, failed 0";
        QTest::newRow("new captures") << 40 << 2 << 1 << 0 << 0 << 0 << 0
                                      << "pulled 40 (new captures: 2), deleted 1, pushed 0, conflicts 0, failed 0";
        QTest::newRow("captures removed")
            << 0 << 0 << 3 << 2 << 0 << 0 << 0 << "pulled 0, deleted 3 (captures removed: 2), pushed 0, conflicts 0, failed 0";
        // No translation is loaded here: the plural is the source text's.
        QTest::newRow("all of it") << 5 << 1 << 1 << 1 << 3 << 2 << 4
                                   << "pulled 5 (new captures: 1), deleted 1 (captures removed: 1), pushed 3 (2 "
                                      "capture(s)), conflicts 0, failed 0, files fetched: 4";
    }

    void line()
    {
        QFETCH(int, pulled);
        QFETCH(int, capturesAdded);
        QFETCH(int, deleted);
        QFETCH(int, capturesRemoved);
        QFETCH(int, pushed);
        QFETCH(int, pushedCaptures);
        QFETCH(int, mediaFetched);
        QFETCH(QString, line);
        SyncSummary summary;
        summary.pulled = pulled;
        summary.capturesAdded = capturesAdded;
        summary.deleted = deleted;
        summary.capturesRemoved = capturesRemoved;
        summary.pushed = pushed;
        summary.pushedCaptures = pushedCaptures;
        summary.mediaFetched = mediaFetched;
        QCOMPARE(summary.line(), line);
    }
};

QTEST_GUILESS_MAIN(tst_SyncSummary)
#include "tst_syncsummary.moc"
