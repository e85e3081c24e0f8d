#include "signin/signinsettings.h"

#include <QSettings>

namespace sl {

namespace {
QUrl below(const QUrl &base, const QString &segment)
{
    QUrl url = base;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + segment);
    return url;
}
} // namespace

QUrl SignInSettings::deviceCodeUrl() const { return below(authority, QStringLiteral("devicecode")); }

QUrl SignInSettings::tokenUrl() const { return below(authority, QStringLiteral("token")); }

QString SignInSettings::scope() const
{
    QString resource = environment.toString(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    return resource + QStringLiteral("/user_impersonation offline_access");
}

QString SignInSettings::secretKey() const
{
    return QStringLiteral("refresh-token %1 %2 %3")
        .arg(environment.toString(QUrl::StripTrailingSlash), authority.toString(QUrl::StripTrailingSlash), clientId);
}

SignInSettings SignInSettings::load(const QSettings &settings)
{
    SignInSettings result;
    const QString authority = settings.value(QStringLiteral("signin/authority")).toString();
    if (!authority.isEmpty())
        result.authority = QUrl(authority);
    const QString clientId = settings.value(QStringLiteral("signin/clientId")).toString();
    if (!clientId.isEmpty())
        result.clientId = clientId;
    result.environment = QUrl(settings.value(QStringLiteral("signin/environment")).toString());
    return result;
}

void SignInSettings::save(QSettings &settings) const
{
    // Only where they differ from the defaults, so a changed default reaches everyone else.
    if (authority != QUrl(QString::fromLatin1(kDefaultAuthority)))
        settings.setValue(QStringLiteral("signin/authority"), authority.toString());
    else
        settings.remove(QStringLiteral("signin/authority"));
    if (clientId != QLatin1String(kDefaultClientId))
        settings.setValue(QStringLiteral("signin/clientId"), clientId);
    else
        settings.remove(QStringLiteral("signin/clientId"));
    settings.setValue(QStringLiteral("signin/environment"), environment.toString());
}

} // namespace sl
