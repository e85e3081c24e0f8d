#pragma once

#include "programrun.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <map>
#include <memory>
#include <optional>

namespace sl::test {

// A real Secret Service (gnome-keyring-daemon) on a private D-Bus session
// bus, for tests of what the keychain keeps. Its login collection is made
// and unlocked at start, and it is the default one. HOME and the XDG folders
// of the daemons, of secret-tool and (while it runs) of this process point
// into a temporary folder, so the user's own keyring is never touched and a
// test can look at every file written.
//
// One session per test process: libsecret (which QtKeychain loads) keeps its
// connection to the first session bus it met for the life of the process.
class SecretServiceSession
{
public:
    SecretServiceSession();
    ~SecretServiceSession(); // stops both daemons, restores this process's environment

    // Starts the bus and the keyring and points this process at them.
    // False with the reason (a daemon's own error text where it said one).
    bool start(QString *error);
    // Stops both daemons and restores this process's environment; the
    // daemons still running afterwards ("/proc/PID"), which should be none.
    QStringList stop();

    // The environment of the session, for programs run inside it.
    QProcessEnvironment environment() const { return m_environment; }
    // The temporary folder holding HOME, the XDG folders and the runtime
    // folder (with the bus socket).
    QString rootPath() const { return m_root ? m_root->path() : QString(); }
    // Where gnome-keyring keeps its collections (encrypted files).
    QString keyringsPath() const;

    // Runs secret-tool (libsecret's own command line, a client independent
    // of QtKeychain) inside the session, `input` on its stdin.
    CliRun secretTool(const QStringList &arguments, const QByteArray &input = {}) const;
    // The object path of the default collection ("login"), asked of the
    // service over D-Bus; empty with the reason when it does not answer.
    QString defaultCollection(QString *error) const;
    // Locks the default collection through the Secret Service's Lock call
    // (secret-tool lock crashes in Debian 12's libsecret 0.20.5).
    bool lockDefaultCollection(QString *error) const;
    // The object paths of the items whose attributes include `attributes`
    // (SearchItems: the unlocked ones, then the locked ones).
    QStringList itemPaths(const QMap<QString, QString> &attributes, QString *error) const;
    // Stops the keyring daemon (SIGSTOP) or lets it go on (SIGCONT): a
    // keychain slow to answer, for as long as a test wants.
    void pauseKeyring(bool paused);
    // The pids of the daemons while they run (0 when not), for checks that
    // nothing is left behind.
    qint64 busPid() const { return m_bus.processId(); }
    qint64 keyringPid() const { return m_keyring.processId(); }

private:
    bool startBus(QString *error);
    bool startKeyring(QString *error);
    void setThisProcessEnvironment();
    void holdLibsecretsBus();

    std::unique_ptr<QTemporaryDir> m_root;
    QProcessEnvironment m_environment;
    QString m_busAddress;
    QProcess m_bus;
    QProcess m_keyring;
    std::map<QByteArray, std::optional<QByteArray>> m_savedEnvironment; // this process's, before start()
    void *m_glibBus = nullptr; // GDBusConnection: GLib's headers stay out of this one
};

// The files under `root` (recursively) whose bytes contain any of `needles`.
QStringList filesHolding(const QString &root, const QByteArrayList &needles);

} // namespace sl::test
