#include "testsupport.h"
#include "store/assetrepository.h"
#include "store/database.h"
#include "store/storeworker.h"
#include "store/workspace.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <thread>

using namespace sl;

class tst_StoreWorker : public QObject
{
    Q_OBJECT

private:
    // The worker's signals are emitted on its own thread, possibly before a
    // QSignalSpy::wait() starts (which then waits for another): count instead.
    static bool arrives(QSignalSpy &spy, int timeoutMs)
    {
        return QTest::qWaitFor([&spy] { return !spy.isEmpty(); }, timeoutMs);
    }

    static bool openWorker(StoreWorker &worker, const QString &directory)
    {
        QSignalSpy opened(&worker, &StoreWorker::opened);
        worker.open(directory);
        return arrives(opened, 10000);
    }

private Q_SLOTS:
    // Jobs run on the worker's thread, in order; results come back on the
    // context's thread.
    void jobsRunOnTheWorkerThread()
    {
        QTemporaryDir dir;
        StoreWorker worker;
        QVERIFY(openWorker(worker, dir.path()));
        QThread *jobThread = nullptr;
        QThread *doneThread = nullptr;
        std::vector<int> order;
        for (int i = 0; i < 3; ++i) {
            worker.post<int>(
                this,
                [&jobThread, i](Workspace &workspace) {
                    jobThread = QThread::currentThread();
                    return workspace.assets().count() + i;
                },
                [&, i](StoreResult<int> result) {
                    doneThread = QThread::currentThread();
                    QVERIFY(result.ok());
                    QCOMPARE(*result.value, i);
                    order.push_back(i);
                });
        }
        QTRY_COMPARE(order.size(), size_t(3));
        QCOMPARE(order, (std::vector<int>{0, 1, 2}));
        QVERIFY(jobThread != nullptr);
        QVERIFY(jobThread != QThread::currentThread());
        QCOMPARE(doneThread, QThread::currentThread());
    }

    void errorsComeBackAsResults()
    {
        QTemporaryDir dir;
        StoreWorker worker;
        QString error;
        bool done = false;
        // Nothing open yet.
        worker.post<int>(this, [](Workspace &) { return 1; },
                         [&](StoreResult<int> result) { done = true; error = result.error; });
        QTRY_VERIFY(done);
        QCOMPARE(error, QStringLiteral("No workspace is open."));

        QVERIFY(openWorker(worker, dir.path()));
        done = false;
        worker.post<int>(
            this, [](Workspace &workspace) { workspace.database().exec(QStringLiteral("SELECT * FROM nowhere")); return 1; },
            [&](StoreResult<int> result) { done = true; error = result.ok() ? QString() : result.error; });
        QTRY_VERIFY(done);
        QVERIFY2(error.contains(QStringLiteral("no such table")), qPrintable(error));
    }

    void resultsForADeletedContextAreDropped()
    {
        QTemporaryDir dir;
        StoreWorker worker;
        QVERIFY(openWorker(worker, dir.path()));
        bool delivered = false;
        auto *context = new QObject;
        worker.post<int>(context, [](Workspace &) { QThread::msleep(50); return 1; },
                         [&](StoreResult<int>) { delivered = true; });
        delete context;
        worker.drain();
        QCoreApplication::processEvents();
        QTest::qWait(50);
        QVERIFY(!delivered);
    }

    void openFailureIsReported()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("file")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        StoreWorker worker;
        QSignalSpy failed(&worker, &StoreWorker::openFailed);
        worker.open(dir.filePath(QStringLiteral("file"))); // a file, not a folder
        QVERIFY(arrives(failed, 10000));
        QVERIFY(!failed.first().at(1).toString().isEmpty());
    }

    // Another connection's commit is noticed (PRAGMA data_version), and so is
    // the worker's own write.
    void changesAreNoticed()
    {
        QTemporaryDir dir;
        StoreWorker worker;
        worker.setChangePollInterval(50);
        QVERIFY(openWorker(worker, dir.path()));
        QSignalSpy changed(&worker, &StoreWorker::changed);
        QTest::qWait(300);
        QCOMPARE(changed.count(), 0); // nothing happened: nothing announced

        QString error;
        std::unique_ptr<Workspace> other = Workspace::open(dir.path(), &error);
        QVERIFY2(other, qPrintable(error));
        other->assets().upsertAssets({test::makeAsset(QStringLiteral("a1"), QStringLiteral("Pump"))});
        QVERIFY(arrives(changed, 5000));

        changed.clear();
        worker.post<int>(this, [](Workspace &workspace) {
            workspace.assets().upsertAssets({test::makeAsset(QStringLiteral("a2"), QStringLiteral("Fan"))});
            return 0;
        }, [](StoreResult<int>) {});
        QVERIFY(arrives(changed, 5000));
    }

    // A connection used from a thread that does not own it refuses.
    void databaseRefusesOtherThreads()
    {
        QTemporaryDir dir;
        std::unique_ptr<Database> db = Database::open(dir.filePath(QStringLiteral("x.db")));
        QString error;
        std::thread other([&] {
            try {
                db->exec(QStringLiteral("SELECT 1"));
            } catch (const StoreError &e) {
                error = e.message();
            }
        });
        other.join();
        QVERIFY2(error.contains(QStringLiteral("thread that does not own it")), qPrintable(error));
        db->exec(QStringLiteral("SELECT 1")); // the owner still can
    }
};

QTEST_GUILESS_MAIN(tst_StoreWorker)
#include "tst_storeworker.moc"
