#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>
#include <QUuid>

namespace sl {

// The URL of a read of one entity set: $select always (a read without it
// is refused), $filter, $orderby, $expand. There is no $skip in Dataverse:
// paging follows the server's nextLink.
class ODataQuery
{
    Q_DECLARE_TR_FUNCTIONS(ODataQuery)

public:
    // `serviceRoot` e.g. https://org.crm.dynamics.com/api/data/v9.2/
    ODataQuery(const QUrl &serviceRoot, const QString &entitySet);

    ODataQuery &select(const QStringList &columns);
    ODataQuery &filter(const QString &expression);
    ODataQuery &orderBy(const QString &expression);
    ODataQuery &expand(const QString &expression);

    // The URL; an invalid QUrl and `error` set when a rule is broken.
    QUrl url(QString *error) const;

    // <serviceRoot><entitySet>, or an invalid QUrl for a bad name.
    static QUrl entitySetUrl(const QUrl &serviceRoot, const QString &entitySet);
    // <serviceRoot><entitySet>(<id>), or an invalid QUrl for a bad name.
    static QUrl recordUrl(const QUrl &serviceRoot, const QString &entitySet, const QUuid &id);
    // Entity set and column names: lower-case ASCII letters, digits, '_'.
    static bool isValidName(const QString &name);

private:
    QUrl m_serviceRoot;
    QString m_entitySet;
    QStringList m_select;
    QString m_filter;
    QString m_orderBy;
    QString m_expand;
};

} // namespace sl
