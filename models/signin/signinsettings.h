#pragma once

#include <QString>
#include <QUrl>

class QSettings;

namespace sl {

// Where and as whom Sightline signs in to the asset store: the authority
// (Microsoft Entra ID's v2.0 endpoint of the tenant, or a fake on loopback),
// the public client registered for Sightline, and the environment whose
// Web API the token is for.
struct SignInSettings
{
    // Any work or school account's tenant.
    static constexpr const char *kDefaultAuthority = "https://login.microsoftonline.com/organizations/oauth2/v2.0";
    // Microsoft's sample public client for the Dataverse Web API, for trying
    // Sightline; an organisation registers its own public client (device code
    // flow allowed, delegated permission user_impersonation on Dataverse) and
    // sets its id under signin/clientId.
    static constexpr const char *kDefaultClientId = "51f81489-12ee-4a9e-aaae-a2591f45987d";

    QUrl authority = QUrl(QString::fromLatin1(kDefaultAuthority));
    QString clientId = QString::fromLatin1(kDefaultClientId);
    QUrl environment; // e.g. https://contoso.crm.dynamics.com

    // <authority>/devicecode and <authority>/token
    QUrl deviceCodeUrl() const;
    QUrl tokenUrl() const;
    // "<environment>/user_impersonation offline_access"
    QString scope() const;
    // The key the refresh token is kept under in the keychain: one per
    // environment, authority and client.
    QString secretKey() const;

    // The authority and client id from the settings "signin/authority" and
    // "signin/clientId" (the defaults where unset); the environment from
    // "signin/environment".
    static SignInSettings load(const QSettings &settings);
    void save(QSettings &settings) const;
};

} // namespace sl
