#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <optional>

namespace sl {

// The one rule for an asset store environment's address typed by a user:
// https (http only on this machine's loopback, for the fake store), a host,
// no user name or password, nothing after the host but an optional "/".
class EnvironmentUrl
{
    Q_DECLARE_TR_FUNCTIONS(EnvironmentUrl)

public:
    // The environment's root (scheme, host, port); nullopt with `error`.
    static std::optional<QUrl> check(const QString &text, QString *error);
    // An authority's address (the sign-in endpoints' base, a path allowed):
    // the same rule for scheme, host and user info; nullopt with `error`.
    static std::optional<QUrl> checkAuthority(const QString &text, QString *error);
    // The environment's Web API root: <environment>/api/data/v9.2/
    static QUrl webApiRoot(const QUrl &environment);
};

} // namespace sl
