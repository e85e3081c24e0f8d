#include "signincommands.h"

#include "clicommands.h"
#include "signin/environmenturl.h"
#include "storedsignin.h"
#include "synccommands.h"

#include <optional>

namespace sl {

namespace {

constexpr int kUsageError = 2;
const QString kUrl = QStringLiteral("url");
const QString kAuthority = QStringLiteral("authority");

// The environment named by --url (its root), or nullopt after saying why.
std::optional<QUrl> environmentOf(const QCommandLineParser &parser, const QString &command)
{
    if (parser.value(kUrl).isEmpty()) {
        CliCommands::fail(SignInCommands::tr("%1 needs --url URL (the environment, e.g. https://contoso.crm.dynamics.com)")
                              .arg(command));
        return std::nullopt;
    }
    QString error;
    std::optional<QUrl> environment = EnvironmentUrl::check(parser.value(kUrl), &error);
    if (!environment)
        CliCommands::fail(QStringLiteral("--url: ") + error);
    return environment;
}

} // namespace

QList<QCommandLineOption> SignInCommands::options()
{
    return {QCommandLineOption(kAuthority, QString(), QStringLiteral("url"))};
}

QString SignInCommands::usage()
{
    return tr("  signin --url URL [--authority URL]\n"
              "                                Sign in to an environment (device code: open the\n"
              "                                link shown and enter the code). The sign-in is\n"
              "                                kept in the keychain for sync; where no keychain\n"
              "                                runs, use SIGHTLINE_TOKEN instead.\n"
              "  signout --url URL             Forget the sign-in kept for an environment.\n");
}

int SignInCommands::signIn(const QCommandLineParser &parser, const QStringList &rest)
{
    if (!rest.isEmpty()) {
        CliCommands::fail(tr("signin takes no arguments besides its options (try --help)"));
        return kUsageError;
    }
    const std::optional<QUrl> environment = environmentOf(parser, QStringLiteral("signin"));
    if (!environment)
        return kUsageError;
    QUrl authority;
    if (parser.isSet(kAuthority)) {
        QString error;
        const std::optional<QUrl> checked = EnvironmentUrl::checkAuthority(parser.value(kAuthority), &error);
        if (!checked) {
            CliCommands::fail(QStringLiteral("--authority: ") + error);
            return kUsageError;
        }
        authority = *checked;
    }
    StoredSignIn stored(*environment, authority);
    QString error;
    bool kept = false;
    if (!stored.signIn(&error, &kept)) {
        CliCommands::fail(error);
        return 1;
    }
    const QString account = stored.tokens().account();
    if (!kept && stored.keychainRefused()) {
        CliCommands::fail(tr("signed in%1, but the keychain refused to keep the sign-in (is it locked?): it ended "
                             "with this command. Unlock the keychain and sign in again, or for sync set %2 to an "
                             "access token instead.")
                              .arg(account.isEmpty() ? QString() : tr(" as %1").arg(account),
                                   QLatin1String(SyncCommands::kTokenVariable)));
        return 1;
    }
    if (!kept) {
        CliCommands::fail(tr("signed in%1, but no keychain runs here to keep the sign-in: it ended with this "
                             "command. For sync, set %2 to an access token instead.")
                              .arg(account.isEmpty() ? QString() : tr(" as %1").arg(account),
                                   QLatin1String(SyncCommands::kTokenVariable)));
        return 1;
    }
    CliCommands::print(account.isEmpty() ? tr("Signed in to %1.").arg(environment->authority())
                                         : tr("Signed in to %1 as %2.").arg(environment->authority(), account));
    return 0;
}

int SignInCommands::signOut(const QCommandLineParser &parser, const QStringList &rest)
{
    if (!rest.isEmpty()) {
        CliCommands::fail(tr("signout takes no arguments besides its options (try --help)"));
        return kUsageError;
    }
    const std::optional<QUrl> environment = environmentOf(parser, QStringLiteral("signout"));
    if (!environment)
        return kUsageError;
    StoredSignIn stored(*environment);
    QString why;
    if (!stored.signOut(&why)) {
        if (stored.keychainRefused()) {
            CliCommands::fail(tr("the keychain refused to remove the sign-in kept for %1 (is it locked?): it may "
                                 "still be kept there. Unlock the keychain and sign out again.")
                                  .arg(environment->authority()));
            return 1;
        }
        CliCommands::print(tr("No keychain runs here, so no sign-in was kept for %1.").arg(environment->authority()));
        return 0;
    }
    CliCommands::print(tr("Signed out of %1.").arg(environment->authority()));
    return 0;
}

} // namespace sl
