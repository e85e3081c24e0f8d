#include "remote/odataquery.h"

namespace sl {

namespace {

QUrl withTrailingSlash(QUrl root)
{
    if (!root.path().endsWith(QLatin1Char('/')))
        root.setPath(root.path() + QLatin1Char('/'));
    return root;
}

// Percent-encodes a query value; keeps the characters OData expressions
// use plainly readable, encodes '+', '&', '#' and the like.
QByteArray encodeValue(const QString &value)
{
    return QUrl::toPercentEncoding(value, "$,()'/:@");
}

} // namespace

ODataQuery::ODataQuery(const QUrl &serviceRoot, const QString &entitySet)
    : m_serviceRoot(withTrailingSlash(serviceRoot)), m_entitySet(entitySet)
{
}

ODataQuery &ODataQuery::select(const QStringList &columns)
{
    m_select = columns;
    return *this;
}

ODataQuery &ODataQuery::filter(const QString &expression)
{
    m_filter = expression;
    return *this;
}

ODataQuery &ODataQuery::orderBy(const QString &expression)
{
    m_orderBy = expression;
    return *this;
}

ODataQuery &ODataQuery::expand(const QString &expression)
{
    m_expand = expression;
    return *this;
}

bool ODataQuery::isValidName(const QString &name)
{
    if (name.isEmpty() || name.size() > 128)
        return false;
    for (const QChar c : name) {
        if (!((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
              || c == QLatin1Char('_')))
            return false;
    }
    return true;
}

QUrl ODataQuery::url(QString *error) const
{
    if (!m_serviceRoot.isValid() || !(m_serviceRoot.scheme() == QLatin1String("https")
                                      || m_serviceRoot.scheme() == QLatin1String("http"))) {
        *error = tr("the service URL %1 is not an http(s) URL").arg(m_serviceRoot.toDisplayString());
        return {};
    }
    if (!isValidName(m_entitySet)) {
        *error = tr("\"%1\" is not an entity set name").arg(m_entitySet);
        return {};
    }
    if (m_select.isEmpty()) {
        *error = tr("a read of %1 names no columns ($select)").arg(m_entitySet);
        return {};
    }
    for (const QString &column : m_select) {
        if (!isValidName(column)) {
            *error = tr("\"%1\" is not a column name").arg(column);
            return {};
        }
    }
    QByteArray query = "$select=" + m_select.join(QLatin1Char(',')).toLatin1();
    if (!m_filter.isEmpty())
        query += "&$filter=" + encodeValue(m_filter);
    if (!m_orderBy.isEmpty())
        query += "&$orderby=" + encodeValue(m_orderBy);
    if (!m_expand.isEmpty())
        query += "&$expand=" + encodeValue(m_expand);
    QUrl url = entitySetUrl(m_serviceRoot, m_entitySet);
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

QUrl ODataQuery::entitySetUrl(const QUrl &serviceRoot, const QString &entitySet)
{
    if (!isValidName(entitySet))
        return {};
    return withTrailingSlash(serviceRoot).resolved(QUrl(entitySet));
}

QUrl ODataQuery::recordUrl(const QUrl &serviceRoot, const QString &entitySet, const QUuid &id)
{
    if (!isValidName(entitySet) || id.isNull())
        return {};
    return withTrailingSlash(serviceRoot)
        .resolved(QUrl(entitySet + QLatin1Char('(') + id.toString(QUuid::WithoutBraces) + QLatin1Char(')')));
}

} // namespace sl
