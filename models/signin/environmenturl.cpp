#include "signin/environmenturl.h"

#include <QRegularExpression>

namespace sl {

namespace {

// https, or http on this machine's loopback (the fake store).
bool isSecureOrLoopback(const QUrl &url)
{
    const QString host = url.host();
    static const QRegularExpression kLoopbackV4(QStringLiteral("^127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$"));
    const bool loopback = host == QLatin1String("localhost") || host == QLatin1String("::1") || kLoopbackV4.match(host).hasMatch();
    return url.scheme() == QLatin1String("https") || (url.scheme() == QLatin1String("http") && loopback);
}

} // namespace

std::optional<QUrl> EnvironmentUrl::checkAuthority(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    const QUrl url(trimmed, QUrl::StrictMode);
    if (trimmed.isEmpty() || !url.isValid() || url.host().isEmpty()) {
        *error = tr("%1 is not a web address.").arg(trimmed);
        return std::nullopt;
    }
    if (!isSecureOrLoopback(url)) {
        *error = tr("%1 must start with https:// (http only for this machine's own address).").arg(trimmed);
        return std::nullopt;
    }
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment()) {
        *error = tr("%1 must not hold a user name, a password, a query or a fragment.").arg(trimmed);
        return std::nullopt;
    }
    error->clear();
    return url.adjusted(QUrl::StripTrailingSlash);
}

std::optional<QUrl> EnvironmentUrl::check(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        *error = tr("Enter the environment's address, e.g. https://contoso.crm.dynamics.com.");
        return std::nullopt;
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        *error = tr("%1 is not a web address.").arg(trimmed);
        return std::nullopt;
    }
    const QString host = url.host();
    if (!isSecureOrLoopback(url)) {
        *error = tr("%1 must start with https:// (http only for this machine's own address).").arg(trimmed);
        return std::nullopt;
    }
    if (!url.userInfo().isEmpty()) {
        *error = tr("%1 must not hold a user name or password.").arg(trimmed);
        return std::nullopt;
    }
    if ((!url.path().isEmpty() && url.path() != QLatin1String("/")) || url.hasQuery() || url.hasFragment()) {
        *error = tr("%1 must be only the environment's address, without a path.").arg(trimmed);
        return std::nullopt;
    }
    QUrl root;
    root.setScheme(url.scheme());
    root.setHost(host);
    root.setPort(url.port());
    error->clear();
    return root;
}

QUrl EnvironmentUrl::webApiRoot(const QUrl &environment)
{
    return environment.resolved(QUrl(QStringLiteral("/api/data/v9.2/")));
}

} // namespace sl
