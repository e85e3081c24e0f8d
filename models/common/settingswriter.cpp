#include "common/settingswriter.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSettings>
#include <QThreadPool>

namespace sl::SettingsWriter {

namespace {

// One thread, so writes land in the order handed over; a child of the
// application, whose end (its children's deletion) waits for the pool.
QThreadPool *writer()
{
    static QPointer<QThreadPool> pool;
    if (!pool) {
        pool = new QThreadPool(QCoreApplication::instance());
        pool->setObjectName(QStringLiteral("settingsWriter"));
        pool->setMaxThreadCount(1);
        pool->setExpiryTimeout(-1);
    }
    return pool;
}

} // namespace

void writeInBackground(std::unique_ptr<QSettings> settings)
{
    if (!settings)
        return;
    // Out of this thread's event loop: the update it posted for itself goes
    // with it, and the worker's delete writes the file.
    settings->moveToThread(nullptr);
    QSettings *handed = settings.release();
    writer()->start([handed] { delete handed; });
}

void waitForWrites()
{
    writer()->waitForDone();
}

} // namespace sl::SettingsWriter
