#pragma once

#include "importer/captureimporter.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

namespace sl {

// Imports a folder of captures into a workspace on a worker thread. The worker
// opens its own connection to the workspace (a Workspace belongs to the thread
// that opened it); the GUI's connection sees the result once it is committed.
class ImportJob : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        ImportReport report;
        QString error; // set when the workspace could not be opened at all
    };

    ImportJob(const QString &workspaceDirectory, const QString &folder, QObject *parent = nullptr);
    ~ImportJob() override;

    void start();
    bool isRunning() const { return m_watcher.isRunning(); }
    QString folder() const { return m_folder; }

Q_SIGNALS:
    void finished(const sl::ImportJob::Result &result);

private:
    QString m_workspaceDirectory;
    QString m_folder;
    QFutureWatcher<Result> m_watcher;
};

} // namespace sl
