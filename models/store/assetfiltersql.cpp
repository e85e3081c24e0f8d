#include "store/assetfiltersql.h"

#include "store/database.h"
#include "store/rowset.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace sl {

namespace {

QString jsonList(const QStringList &values)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

void bindIfUsed(Statement &statement, const char *name, const QString &value)
{
    if (const int index = statement.parameterIndex(name))
        statement.bind(index, value);
}

} // namespace

AssetFilterSql::AssetFilterSql(const AssetFilter &filter, FilterPart without) : m_filter(filter)
{
    QList<QByteArray> parts;
    if (without != FilterPart::Accounts && !filter.accountIds.isEmpty())
        parts.append("a.account_id IN (SELECT value FROM json_each(:accounts))");
    if (without != FilterPart::Categories && !filter.categoryIds.isEmpty())
        parts.append("a.category_id IN (SELECT value FROM json_each(:categories))");
    if (without != FilterPart::Products && !filter.productIds.isEmpty())
        parts.append("a.product_id IN (SELECT value FROM json_each(:products))");
    if (without != FilterPart::State && filter.state != AssetFilter::State::Any)
        parts.append(filter.state == AssetFilter::State::Active ? "a.state_code = 0" : "a.state_code <> 0");
    if (without != FilterPart::Captures && filter.captures != AssetFilter::Captures::Any)
        parts.append(QByteArray(filter.captures == AssetFilter::Captures::With ? "" : "NOT ") +
                     "EXISTS (SELECT 1 FROM captures k WHERE k.asset_ref = a.id)");
    if (without != FilterPart::ReviewStatuses && !filter.reviewStatuses.isEmpty())
        parts.append("EXISTS (SELECT 1 FROM captures k WHERE k.asset_ref = a.id "
                     "AND k.review_status IN (SELECT value FROM json_each(:review)))");
    if (!filter.modifiedSince.isEmpty()) {
        m_since = normalizedSince(filter.modifiedSince);
        if (m_since.isEmpty())
            throw StoreError(QCoreApplication::translate("sl::AssetFinder",
                                                         "modified since: '%1' is not an ISO 8601 date or "
                                                         "date-time (e.g. 2026-03-01 or 2026-03-01T08:00:00Z)")
                                 .arg(filter.modifiedSince));
        parts.append("a.modified_on >= :since");
    }
    m_empty = parts.isEmpty();
    m_condition = m_empty ? QByteArray("1") : parts.join(" AND ");
}

void AssetFilterSql::bind(Statement &statement) const
{
    bindIfUsed(statement, ":accounts", jsonList(m_filter.accountIds));
    bindIfUsed(statement, ":categories", jsonList(m_filter.categoryIds));
    bindIfUsed(statement, ":products", jsonList(m_filter.productIds));
    bindIfUsed(statement, ":review", jsonList(m_filter.reviewStatuses));
    bindIfUsed(statement, ":since", m_since);
}

QString AssetFilterSql::normalizedSince(const QString &iso)
{
    const QString text = iso.trimmed();
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (dateOnly.match(text).hasMatch()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        return date.isValid() ? date.toString(Qt::ISODate) + QStringLiteral("T00:00:00") : QString();
    }
    static const QRegularExpression dateTime(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?$"));
    const QRegularExpressionMatch match = dateTime.match(text);
    if (!match.hasMatch())
        return {};
    QDateTime moment = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!moment.isValid())
        return {};
    if (match.captured(3).isEmpty()) // no zone given: the store's times are UTC
        moment = QDateTime(moment.date(), moment.time(), Qt::UTC);
    return moment.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

QByteArray MatchSourceSql::from() const
{
    return m_kind == Kind::List ? QByteArray("FROM json_each(:rows) j JOIN assets a ON a.rid = j.value")
                                : QByteArray("FROM assets a");
}

QByteArray MatchSourceSql::condition() const
{
    return m_kind == Kind::Bitmap ? QByteArray("sl_rowset_contains(:set, a.rid)") : QByteArray("1");
}

void MatchSourceSql::bind(Statement &statement) const
{
    if (m_kind == Kind::List)
        statement.bindIntegerList(statement.parameterIndex(":rows"), m_rows->rowIds());
    else if (m_kind == Kind::Bitmap)
        statement.bindPointer(statement.parameterIndex(":set"), const_cast<RowSet *>(m_rows), RowSet::kPointerType);
}

MatchSourceSql MatchSourceSql::asCondition() const
{
    return m_kind == Kind::List ? MatchSourceSql(Kind::Bitmap, m_rows) : *this;
}

} // namespace sl
