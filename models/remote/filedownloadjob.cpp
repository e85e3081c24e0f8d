#include "remote/filedownloadjob.h"

#include "common/durablefile.h"
#include "remote/contentrange.h"
#include "remote/remotelogging.h"
#include "remote/requestrunner.h"

#include <QFileInfo>
#include <QPointer>

#include <cstdio>
#include <unistd.h>

namespace sl {

FileDownloadJob::FileDownloadJob(RequestRunner &runner, QObject *parent) : QObject(parent), m_runner(runner) {}

void FileDownloadJob::start(const QUrl &url, const QString &targetPath, const QByteArray &validator, Done done)
{
    m_url = url;
    m_target = targetPath;
    m_done = std::move(done);
    m_total = -1;
    m_restarted = false;
    m_part.setFileName(partPathOf(targetPath));
    // Append to what an earlier run left: that is the resume.
    if (!m_part.open(QIODevice::ReadWrite)) {
        finish(localError(tr("%1 cannot be written: %2").arg(m_part.fileName(), m_part.errorString())));
        return;
    }
    if (!matchPart(validator))
        return;
    m_offset = m_part.size();
    m_resumedFrom = m_offset;
    if (m_offset > 0)
        qCInfo(lcRemote) << "resuming" << url.path() << "at byte" << m_offset;
    requestNext();
}

bool FileDownloadJob::matchPart(const QByteArray &validator)
{
    QFile tag(tagPathOf(m_target));
    const QByteArray kept = tag.open(QIODevice::ReadOnly) ? tag.readAll() : QByteArray();
    tag.close();
    if (m_part.size() > 0 && (validator.isEmpty() || kept != validator)) {
        qCInfo(lcRemote) << "starting" << m_url.path() << "over: the part file is of another version";
        m_part.resize(0);
    }
    if (m_part.size() == 0 && kept != validator) {
        // The tag first, then bytes: a part file is never newer than its tag.
        if (!tag.open(QIODevice::WriteOnly | QIODevice::Truncate) || tag.write(validator) != validator.size()
            || !tag.flush()) {
            finish(localError(tr("%1 cannot be written: %2").arg(tag.fileName(), tag.errorString())));
            return false;
        }
    }
    return true;
}

void FileDownloadJob::requestNext()
{
    HttpRequest request;
    request.url = m_url;
    const qint64 last = m_offset + m_chunkBytes - 1;
    setHeader(request.headers, "Range", "bytes=" + QByteArray::number(m_offset) + '-' + QByteArray::number(last));
    setHeader(request.headers, "Accept-Encoding", "identity"); // byte offsets of the file itself
    request.maxResponseBytes = qMax(m_chunkBytes, limits::kResponseBytes);
    QPointer<FileDownloadJob> self(this);
    m_runner.run(request, [self](const HttpResponse &response, const RemoteError &error) {
        if (self)
            self->onAnswer(response, error);
    });
}

void FileDownloadJob::onAnswer(const HttpResponse &response, const RemoteError &error)
{
    if (response.status == 416 && m_offset > 0 && !m_restarted) {
        // The part file is longer than the store's file (it changed): start over.
        m_restarted = true;
        m_offset = 0;
        m_part.resize(0);
        m_resumedFrom = 0;
        requestNext();
        return;
    }
    if (error.isError()) {
        finish(error);
        return;
    }
    if (response.status == 200) {
        // The store ignored the Range: this is the whole file.
        if (response.body.size() > m_maxBytes) {
            finish(localError(tr("the file is %1 bytes; the limit is %2 bytes").arg(response.body.size()).arg(m_maxBytes)));
            return;
        }
        m_total = response.body.size();
        if (m_part.resize(0) && append(response.body, 0))
            complete();
        return;
    }
    const std::optional<ContentRange> range = ContentRange::parse(headerValue(response.headers, "Content-Range"));
    if (response.status != 206 || !range || range->first != m_offset || range->length() != response.body.size()
        || (m_total >= 0 && range->total != m_total)) {
        finish(RemoteError::badResponse(tr("the range asked for from byte %1 came back as %2 '%3' with %4 bytes")
                                            .arg(m_offset)
                                            .arg(response.status)
                                            .arg(QString::fromLatin1(headerValue(response.headers, "Content-Range")))
                                            .arg(response.body.size())));
        return;
    }
    if (range->total > m_maxBytes) {
        finish(localError(tr("the file is %1 bytes; the limit is %2 bytes").arg(range->total).arg(m_maxBytes)));
        return;
    }
    m_total = range->total;
    if (!append(response.body, m_offset))
        return;
    if (m_offset == m_total)
        complete();
    else
        requestNext();
}

bool FileDownloadJob::append(const QByteArray &bytes, qint64 at)
{
    if (!m_part.seek(at) || m_part.write(bytes) != bytes.size() || !m_part.flush()) {
        finish(localError(tr("%1 cannot be written: %2").arg(m_part.fileName(), m_part.errorString())));
        return false;
    }
    m_offset = at + bytes.size();
    return true;
}

void FileDownloadJob::complete()
{
    if (::fsync(m_part.handle()) != 0) {
        finish(localError(tr("%1 cannot be synced to disk").arg(m_part.fileName())));
        return;
    }
    m_part.close();
    // rename() replaces an older copy of the target in one step.
    if (std::rename(QFile::encodeName(m_part.fileName()).constData(), QFile::encodeName(m_target).constData()) != 0) {
        finish(localError(tr("%1 cannot be renamed to %2").arg(m_part.fileName(), m_target)));
        return;
    }
    QFile::remove(tagPathOf(m_target));
    syncFolder(QFileInfo(m_target).absolutePath());
    finish({});
}

RemoteError FileDownloadJob::localError(const QString &reason) const
{
    RemoteError error;
    error.kind = RemoteError::Kind::BadResponse;
    error.message = reason;
    return error;
}

void FileDownloadJob::finish(const RemoteError &error)
{
    if (m_part.isOpen())
        m_part.close();
    if (error.isError())
        qCWarning(lcRemote).noquote() << "download of" << m_url.path() << "stopped at byte" << m_offset << ":"
                                      << error.message;
    if (Done done = std::move(m_done))
        done(error);
}

} // namespace sl
