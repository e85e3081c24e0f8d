#include "render/videoexporttask.h"

#include <QThread>

#include <algorithm>

namespace sl {

VideoExportTask::VideoExportTask(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<sl::VideoExporter::Outcome>();
}

VideoExportTask::~VideoExportTask()
{
    if (!m_thread)
        return;
    m_cancel = true;
    m_thread->wait();
    delete m_thread;
}

bool VideoExportTask::start(FrameExporter::Source source, const QString &outPath, std::optional<double> from,
                            std::optional<double> to)
{
    if (m_thread)
        return false;
    m_cancel = false;
    m_error.clear();
    m_thread = QThread::create([this, source = std::move(source), outPath, from, to] {
        VideoExporter::Options options;
        options.from = from;
        options.to = to;
        options.cancel = &m_cancel;
        int shown = -1; // the last percent signalled
        options.progress = [this, &shown](int done, int total) {
            const int percent = total > 0 ? int(qint64(done) * 100 / total) : 100;
            if (percent == shown && done != total)
                return;
            shown = percent;
            Q_EMIT progress(done, total); // queued to the task's thread
        };
        m_outcome = VideoExporter::exportSource(source, outPath, options, &m_error);
    });
    // The thread has ended when QThread::finished is delivered here: m_outcome
    // and m_error are no longer written.
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        Q_EMIT finished(m_outcome, m_error);
    });
    m_thread->start(QThread::LowPriority);
    return true;
}

void VideoExportTask::cancel()
{
    m_cancel = true;
}

} // namespace sl
