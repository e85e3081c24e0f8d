#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>

namespace sl {

// `sightline-cli signin --url URL [--authority URL]` (the device-code flow:
// the code and the link on stderr; the refresh token kept in the keychain,
// for `sync` to use when SIGHTLINE_TOKEN is not set) and `sightline-cli
// signout --url URL` (forgets it).
class SignInCommands
{
    Q_DECLARE_TR_FUNCTIONS(SignInCommands)
public:
    static QList<QCommandLineOption> options();
    static QString usage();
    // Exit code 0 signed in and kept; 1 the sign-in failed, or no keychain
    // could keep it (use SIGHTLINE_TOKEN then); 2 the command line is wrong.
    static int signIn(const QCommandLineParser &parser, const QStringList &rest);
    // Exit code 0 (also where no keychain runs: nothing was kept); 2 the
    // command line is wrong.
    static int signOut(const QCommandLineParser &parser, const QStringList &rest);
};

} // namespace sl
