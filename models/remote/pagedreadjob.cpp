#include "remote/pagedreadjob.h"

#include "remote/odataheaders.h"
#include "remote/odatapageparser.h"
#include "remote/remotelimits.h"
#include "remote/remotelogging.h"

#include <QPointer>

#include <memory>

namespace sl {

namespace {

// A page as the parser left it: the page, or why it is not one.
struct ParsedPage
{
    bool ok = false;
    ODataPage page;
    QString why;
};
using SharedParsedPage = std::shared_ptr<ParsedPage>;

SharedParsedPage parsePage(const QByteArray &body, const QUrl &url, const PagedReadJob::PageParser &parser,
                           const PagedReadJob::PageDecoder &decoder)
{
    auto parsed = std::make_shared<ParsedPage>();
    parsed->ok = parser ? parser(body, url, &parsed->page, &parsed->why)
                        : ODataPageParser::parse(body, url, &parsed->page, &parsed->why);
    if (parsed->ok && decoder)
        parsed->page.decoded = decoder(parsed->page);
    return parsed;
}

} // namespace

PagedReadJob::PagedReadJob(RequestRunner &runner, const QUrl &firstPage, int maxPageSize,
                           const QList<QByteArray> &preferences, QObject *parent)
    : QObject(parent), m_runner(runner), m_firstPage(firstPage), m_maxPageSize(maxPageSize),
      m_preferences(preferences)
{
}

void PagedReadJob::start()
{
    Q_ASSERT(!m_running);
    m_running = true;
    m_pages = 0;
    m_rows = 0;
    m_followed.clear();
    m_deltaLink.clear();
    m_error = {};
    requestPage(m_firstPage);
}

void PagedReadJob::cancel()
{
    if (!m_running)
        return;
    if (m_current) {
        m_runner.cancel(m_current); // answers Cancelled at once, which stops the read
        return;
    }
    HttpResponse cancelled; // between pages (from a pageReady receiver)
    cancelled.error = TransportError::Cancelled;
    stop(RemoteError::fromResponse(cancelled));
}

void PagedReadJob::requestPage(const QUrl &url)
{
    const QString key = url.toString(QUrl::FullyEncoded);
    if (m_followed.contains(key)) {
        stop(RemoteError::badResponse(tr("the store sent a nextLink it had sent before (%1); the read is stopped "
                                         "so it cannot loop").arg(url.toDisplayString(QUrl::RemoveUserInfo))));
        return;
    }
    if (m_pages >= limits::kPagesPerRead) {
        stop(RemoteError::badResponse(tr("the read passed %1 pages").arg(limits::kPagesPerRead)));
        return;
    }
    m_followed.insert(key);

    HttpRequest request;
    request.url = url;
    // Parsed (and decoded) on the transport's thread, while this one may
    // still be storing the page before (a 5,000-row page of assets is ~10 ms
    // of parsing and ~10 ms of decoding).
    request.decodeBody = [url, parser = m_parser, decoder = m_decoder](const QByteArray &body) {
        return std::any(parsePage(body, url, parser, decoder));
    };
    odata::preferMaxPageSize(request, m_maxPageSize);
    for (const QByteArray &preference : m_preferences)
        odata::addPreference(request, preference);
    QPointer<PagedReadJob> self(this);
    m_current = m_runner.run(request, [self, url](const HttpResponse &response, const RemoteError &error) {
        if (self)
            self->onPage(url, response, error);
    });
}

void PagedReadJob::onPage(const QUrl &url, const HttpResponse &response, const RemoteError &error)
{
    m_current = 0;
    if (error.isError()) {
        stop(error);
        return;
    }
    const SharedParsedPage *early = std::any_cast<SharedParsedPage>(&response.decoded);
    const SharedParsedPage parsed = early && *early ? *early : parsePage(response.body, url, m_parser, m_decoder);
    if (!parsed->ok) {
        stop(RemoteError::badResponse(tr("page %1 of %2: %3").arg(m_pages + 1).arg(url.path(), parsed->why)));
        return;
    }
    const ODataPage &page = parsed->page;
    ++m_pages;
    m_rows += qint64(page.rowsRead) + qint64(page.deleted.size());
    const QUrl next = page.nextLink;
    if (next.isEmpty())
        m_deltaLink = page.deltaLink;
    // The next page is asked for before this one is handed over, so that the
    // transport fetches it while the receiver stores this one. A link the
    // guards refuse is followed (and refused) only after the handover.
    const bool prefetch = !next.isEmpty() && mayFollow(next);
    if (prefetch)
        requestPage(next);
    QPointer<PagedReadJob> self(this);
    Q_EMIT pageReady(page);
    if (!self || !m_running)
        return; // the receiver deleted or cancelled us (a prefetch is cancelled with it)
    if (next.isEmpty()) {
        m_running = false;
        qCDebug(lcRemote) << "read" << m_rows << "rows in" << m_pages << "pages";
        Q_EMIT finished(true);
        return;
    }
    if (!prefetch)
        requestPage(next);
}

bool PagedReadJob::mayFollow(const QUrl &url) const
{
    return !m_followed.contains(url.toString(QUrl::FullyEncoded)) && m_pages < limits::kPagesPerRead;
}

void PagedReadJob::stop(const RemoteError &error)
{
    m_running = false;
    m_error = error;
    qCWarning(lcRemote).noquote() << "read stopped:" << error.message;
    Q_EMIT finished(false);
}

} // namespace sl
