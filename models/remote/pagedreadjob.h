#pragma once

#include "remote/odatapage.h"
#include "remote/remoteerror.h"
#include "remote/requestrunner.h"

#include <QObject>
#include <QSet>

#include <any>
#include <functional>

namespace sl {

// Reads an entity set page by page with server-driven paging: sends
// Prefer: odata.maxpagesize=N (plus any other preferences, e.g.
// odata.track-changes), follows @odata.nextLink verbatim until it is
// absent, and keeps the last page's @odata.deltaLink. The next page is
// fetched while the receiver handles the current one. Each page is handed
// over whole (pageReady) or not at all; the read stops at the first page
// that does not read, at a nextLink that was already followed, or past
// limits::kPagesPerRead pages.
class PagedReadJob : public QObject
{
    Q_OBJECT

public:
    PagedReadJob(RequestRunner &runner, const QUrl &firstPage, int maxPageSize,
                 const QList<QByteArray> &preferences = {}, QObject *parent = nullptr);

    // Turns a parsed page's rows into what the receiver stores (ODataPage::
    // decoded), on the transport's thread where it can run there, so that it
    // is done while the receiver still stores the page before. Must be
    // thread-safe: it may touch nothing but the page and what it captured
    // by value. Set before start().
    using PageDecoder = std::function<std::any(const ODataPage &page)>;
    void setPageDecoder(PageDecoder decoder) { m_decoder = std::move(decoder); }
    // Reads a page's body instead of ODataPageParser::parse (a faster one
    // for one entity set), with the same contract: true and `page` filled,
    // or false and `error` set. Thread-safe as a decoder. Set before start().
    using PageParser = std::function<bool(const QByteArray &body, const QUrl &url, ODataPage *page, QString *error)>;
    void setPageParser(PageParser parser) { m_parser = std::move(parser); }

    void start();
    void cancel();

    bool isRunning() const { return m_running; }
    int pagesRead() const { return m_pages; }
    qint64 rowsRead() const { return m_rows; }
    QUrl deltaLink() const { return m_deltaLink; }
    // Why the read stopped early; Kind::None after a complete read.
    const RemoteError &error() const { return m_error; }

Q_SIGNALS:
    void pageReady(const sl::ODataPage &page);
    // After the last page (ok) or the first failure (see error()).
    void finished(bool ok);

private:
    void requestPage(const QUrl &url);
    // requestPage() would send it (not followed before, within the page limit).
    bool mayFollow(const QUrl &url) const;
    void onPage(const QUrl &url, const HttpResponse &response, const RemoteError &error);
    void stop(const RemoteError &error);

    RequestRunner &m_runner;
    PageDecoder m_decoder;
    PageParser m_parser; // empty: ODataPageParser::parse
    QUrl m_firstPage;
    int m_maxPageSize;
    QList<QByteArray> m_preferences;
    QSet<QString> m_followed; // every page URL requested, fully encoded
    RequestRunner::RunId m_current = 0;
    bool m_running = false;
    int m_pages = 0;
    qint64 m_rows = 0;
    QUrl m_deltaLink;
    RemoteError m_error;
};

} // namespace sl
