#pragma once

#include "store/storeresult.h"
#include "store/workspace.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace sl {

// Runs store work on a thread of its own, with a Workspace (and so an SQLite
// connection) opened on that thread: the GUI thread never runs SQL, parses a
// manifest or stats a file. Jobs run one at a time in the order posted; the
// result comes back on the thread of a context object through a queued call,
// and is dropped if that object is gone by then.
//
// The worker also notices commits made by other connections (another
// process, another worker) through PRAGMA data_version, and its own, and
// then emits changed(): views reload what they show.
class StoreWorker : public QObject
{
    Q_OBJECT
public:
    explicit StoreWorker(QObject *parent = nullptr);
    // Drops the jobs not yet started, waits for the running one, and closes
    // the workspace on its own thread.
    ~StoreWorker() override;

    // Opens (or creates) the workspace in `directory` on the worker thread,
    // closing one open before; emits opened() or openFailed(). `check`: see
    // Workspace::Check.
    void open(const QString &directory, Workspace::Check check = Workspace::Check::BeforeOpening);
    // Closes the workspace (jobs posted after it fail with "no workspace").
    void close();
    QString directory() const; // of the workspace asked for last

    // How often other connections' commits are looked for, in ms (0: never).
    void setChangePollInterval(int milliseconds);

    // Runs job(workspace) on the worker thread and then done(result) on the
    // context's thread. A job that throws StoreError, or runs while no
    // workspace is open, gives a result with the error set.
    template<class T>
    void post(QObject *context, std::function<T(Workspace &)> job, std::function<void(StoreResult<T>)> done)
    {
        QPointer<QObject> guard(context);
        enqueue([job = std::move(job), done = std::move(done), guard](Workspace *workspace, const QString &noWorkspace) {
            StoreResult<T> result;
            if (!workspace)
                result.error = noWorkspace;
            else
                runGuarded([&] { result.value.emplace(job(*workspace)); }, &result.error);
            if (guard)
                QMetaObject::invokeMethod(guard.data(), [done, result = std::move(result)] { done(result); },
                                          Qt::QueuedConnection);
        });
    }

    // Waits until every job posted before has run (for tests and shutdown).
    void drain();

Q_SIGNALS:
    void opened(const QString &directory);
    void openFailed(const QString &directory, const QString &error);
    // The workspace's data changed (a job of this worker wrote, or another
    // connection committed).
    void changed();

private:
    using Job = std::function<void(Workspace *, const QString &)>;
    void enqueue(Job job);
    // Runs fn, turning a StoreError or std::exception into *error.
    static void runGuarded(const std::function<void()> &fn, QString *error);

    class Context;
    QThread m_thread;
    Context *m_context = nullptr; // lives in m_thread
    QString m_directory;
    std::shared_ptr<std::atomic<bool>> m_stopping = std::make_shared<std::atomic<bool>>(false);
};

} // namespace sl
