#pragma once

#include "store/assetquery.h"

#include <QByteArray>
#include <QString>

namespace sl {

class RowSet;
class Statement;

// One part of an AssetFilter; facets count each with every other part applied.
enum class FilterPart { None, Accounts, Categories, Products, State, Captures, ReviewStatuses };

// An AssetFilter as an SQL condition on `a` (assets), with named parameters
// bound by bind(). The one place that says what each filter means in SQL.
class AssetFilterSql
{
public:
    // Throws StoreError when modifiedSince is not ISO 8601.
    explicit AssetFilterSql(const AssetFilter &filter, FilterPart without = FilterPart::None);

    // "cond AND cond ...", or "1" when nothing filters.
    const QByteArray &condition() const { return m_condition; }
    bool isEmpty() const { return m_empty; }
    // Binds the parameters condition() uses.
    void bind(Statement &statement) const;

    // modifiedSince as compared with assets.modified_on ("yyyy-MM-ddTHH:mm:ss",
    // UTC, to the second; a date alone is its midnight); empty when it is not
    // ISO 8601.
    static QString normalizedSince(const QString &iso);

private:
    AssetFilter m_filter;
    QString m_since;
    QByteArray m_condition;
    bool m_empty = true;
};

// Which assets a query starts from: all, or a text match's rows, read from
// a JSON list when they are few (SQLite sorts them) or tested per row
// against the match's bitmap when they are many (sl_rowset_contains).
class MatchSourceSql
{
public:
    enum class Kind { All, List, Bitmap };
    MatchSourceSql(Kind kind, const RowSet *rows) : m_kind(kind), m_rows(rows) {}
    Kind kind() const { return m_kind; }

    // "FROM ..." giving `a`; then "WHERE " + condition().
    QByteArray from() const;
    QByteArray condition() const;
    void bind(Statement &statement) const;
    // The same rows as a condition on `a` alone (never a List), for queries
    // driven by another table.
    MatchSourceSql asCondition() const;

private:
    Kind m_kind;
    const RowSet *m_rows;
};

} // namespace sl
