#include "sync/mediafetchjob.h"

#include "remote/odataquery.h"
#include "store/database.h"
#include "sync/capturecolumns.h"
#include "sync/synclogging.h"
#include "sync/synctable.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QUrlQuery>
#include <QUuid>

namespace sl {

namespace {

constexpr int kListPageSize = 500; // attachments of one asset: a page is plenty

} // namespace

MediaFetchJob::MediaFetchJob(RequestRunner &runner, Workspace &workspace, const QUrl &serviceRoot,
                             qint64 cacheCapBytes, QObject *parent)
    : QObject(parent), m_runner(runner), m_workspace(workspace), m_serviceRoot(serviceRoot),
      m_cache(workspace, cacheCapBytes), m_download(runner)
{
}

void MediaFetchJob::start(const QString &assetId)
{
    m_outcome = {};
    m_attachments.clear();
    m_next = 0;
    const QUuid asset = QUuid::fromString(assetId);
    if (asset.isNull()) {
        m_outcome.errors.append(tr("'%1' is not an asset id (a GUID)").arg(assetId));
        finish();
        return;
    }
    m_assetId = asset.toString(QUuid::WithoutBraces);
    const SyncTableSpec attachments = syncTableSpec(SyncTable::Attachments);
    QString error;
    const QUrl url = ODataQuery(m_serviceRoot, attachments.entitySet)
                         .select({attachments.keyColumn, QStringLiteral("msdyn_attachmenttype"),
                                  QStringLiteral("msdyn_file_name"), QStringLiteral("msdyn_name")})
                         .filter(QStringLiteral("_msdyn_customerasset_value eq %1").arg(m_assetId))
                         .url(&error);
    if (!url.isValid()) {
        m_outcome.errors.append(error);
        finish();
        return;
    }
    m_list = new PagedReadJob(m_runner, url, kListPageSize, {}, this);
    connect(m_list, &PagedReadJob::pageReady, this, &MediaFetchJob::onPage);
    connect(m_list, &PagedReadJob::finished, this, [this](bool ok) {
        if (!ok) {
            if (!m_cancelled)
                m_outcome.errors.append(tr("the attachments of asset %1 cannot be listed: %2")
                                            .arg(m_assetId, m_list->error().message));
            finish();
            return;
        }
        next();
    });
    m_list->start();
}

void MediaFetchJob::onPage(const ODataPage &page)
{
    const QString key = syncTableSpec(SyncTable::Attachments).keyColumn;
    for (const ODataRow &row : page.rows) {
        m_attachments.push_back({row.values.value(key).toString(), CaptureColumns::storeFileName(row.values),
                                 CaptureColumns::isVideo(row.values), row.etag});
    }
}

void MediaFetchJob::cancel()
{
    m_cancelled = true;
    if (m_list)
        m_list->cancel();
}

void MediaFetchJob::next()
{
    if (m_cancelled) {
        finish();
        return;
    }
    while (m_next < m_attachments.size()) {
        const Attachment &attachment = m_attachments[m_next++];
        Q_EMIT progress(int(m_next) - 1, int(m_attachments.size()));
        QString reason;
        QString target;
        try {
            if (m_cache.use(attachment.id, QString::fromUtf8(attachment.etag))) {
                ++m_outcome.cached;
                continue;
            }
            target = m_cache.pathFor(attachment.id, attachment.fileName, attachment.video, &reason);
        } catch (const StoreError &error) {
            m_outcome.errors.append(error.message());
            finish();
            return;
        }
        if (target.isEmpty() || !QDir().mkpath(QFileInfo(target).absolutePath())) {
            m_outcome.errors.append(tr("capture %1: %2")
                                        .arg(attachment.id, reason.isEmpty() ? tr("the cache folder cannot be made") : reason));
            continue;
        }
        QUrl url = ODataQuery::recordUrl(m_serviceRoot, syncTableSpec(SyncTable::Attachments).entitySet,
                                         QUuid::fromString(attachment.id));
        url.setPath(url.path() + (attachment.video ? QStringLiteral("/msdyn_file/$value") : QStringLiteral("/msdyn_image/$value")));
        if (!attachment.video)
            url.setQuery(QStringLiteral("size=full")); // the plain value is a 144x144 thumbnail
        const Attachment current = attachment;
        QPointer<MediaFetchJob> self(this);
        m_download.start(url, target, attachment.etag, [self, current, target](const RemoteError &error) {
            if (!self)
                return;
            self->m_outcome.resumedBytes += self->m_download.resumedFrom();
            if (error.isError() && self->m_cancelled) {
                self->finish(); // cut off by the cancel: not a failure
                return;
            }
            if (error.isError()) {
                self->m_outcome.errors.append(tr("capture %1: %2").arg(current.id, error.message));
                self->next();
                return;
            }
            ++self->m_outcome.downloaded;
            try {
                self->m_outcome.evicted +=
                    self->m_cache.add(current.id, self->m_assetId, target, QString::fromUtf8(current.etag));
            } catch (const StoreError &storeError) {
                self->m_outcome.errors.append(storeError.message());
            }
            self->next();
        });
        return;
    }
    Q_EMIT progress(int(m_attachments.size()), int(m_attachments.size()));
    finish();
}

void MediaFetchJob::finish()
{
    qCInfo(lcSync) << "media of asset" << m_assetId << ":" << m_outcome.downloaded << "downloaded,"
                   << m_outcome.cached << "cached," << m_outcome.errors.size() << "failed";
    Q_EMIT finished();
}

} // namespace sl
