#include "importjob.h"

#include "common/logging.h"
#include "store/database.h"
#include "store/workspace.h"

#include <QtConcurrent/QtConcurrentRun>

namespace sl {

ImportJob::ImportJob(const QString &workspaceDirectory, const QString &folder, QObject *parent)
    : QObject(parent)
    , m_workspaceDirectory(workspaceDirectory)
    , m_folder(folder)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this]() { Q_EMIT finished(m_watcher.result()); });
}

ImportJob::~ImportJob()
{
    // The import cannot be interrupted halfway without losing its transaction
    // guarantees: wait for it rather than leave it running unowned.
    m_watcher.waitForFinished();
}

void ImportJob::start()
{
    const QString directory = m_workspaceDirectory;
    const QString folder = m_folder;
    m_watcher.setFuture(QtConcurrent::run([directory, folder]() {
        Result result;
        QString error;
        const std::unique_ptr<Workspace> workspace = Workspace::open(directory, &error);
        if (!workspace) {
            result.error = error;
            return result;
        }
        qCInfo(lcImport) << "importing" << folder << "into" << directory;
        try {
            CaptureImporter importer(*workspace);
            result.report = importer.importFolder(folder);
        } catch (const StoreError &e) {
            // The importer reports per capture; this is the store failing as a whole.
            result.error = e.message();
        }
        return result;
    }));
}

} // namespace sl
