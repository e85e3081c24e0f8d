#include "secretservicesession.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>

// GLib's own session bus connection, which libsecret (loaded by QtKeychain)
// shares: see holdLibsecretsBus().
#include <gio/gio.h>

#include <csignal>
#include <utility>

namespace sl::test {

namespace {

constexpr int kStartMs = 15'000;
const QString kSecrets = QStringLiteral("org.freedesktop.secrets");
const QString kSecretsPath = QStringLiteral("/org/freedesktop/secrets");
const QString kServiceInterface = QStringLiteral("org.freedesktop.Secret.Service");
// The password the login collection is made with (it only guards this test's
// throwaway collection).
const QByteArray kLoginPassword = "sightline-test-login";

// The variables start() points elsewhere, in this process and the daemons'.
const QByteArrayList kSessionVariables = {"HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                                          "XDG_RUNTIME_DIR", "DBUS_SESSION_BUS_ADDRESS"};

// The program's own error text (its stderr), else why it could not run.
QString processError(QProcess &process, const QString &program)
{
    QString text = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
    if (text.isEmpty())
        text = process.errorString();
    return program + QStringLiteral(": ") + text;
}

void stopProcess(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(5'000)) {
        process.kill();
        process.waitForFinished(5'000);
    }
}

} // namespace

SecretServiceSession::SecretServiceSession() = default;

SecretServiceSession::~SecretServiceSession() { stop(); }

QString SecretServiceSession::keyringsPath() const { return rootPath() + QStringLiteral("/data/keyrings"); }

bool SecretServiceSession::start(QString *error)
{
    static bool startedBefore = false;
    if (std::exchange(startedBefore, true)) {
        *error = QStringLiteral("one Secret Service session per process: libsecret stays on the first one's bus");
        return false;
    }
    m_root = std::make_unique<QTemporaryDir>();
    if (!m_root->isValid()) {
        *error = QStringLiteral("no temporary folder: ") + m_root->errorString();
        return false;
    }
    const QDir root(m_root->path());
    for (const char *folder : {"home", "data", "config", "cache", "runtime"})
        root.mkpath(QLatin1String(folder));
    // The runtime folder must be private to its user, as a login session's is.
    QFile::setPermissions(root.filePath(QStringLiteral("runtime")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    m_environment = QProcessEnvironment::systemEnvironment();
    m_environment.insert(QStringLiteral("HOME"), root.filePath(QStringLiteral("home")));
    m_environment.insert(QStringLiteral("XDG_DATA_HOME"), root.filePath(QStringLiteral("data")));
    m_environment.insert(QStringLiteral("XDG_CONFIG_HOME"), root.filePath(QStringLiteral("config")));
    m_environment.insert(QStringLiteral("XDG_CACHE_HOME"), root.filePath(QStringLiteral("cache")));
    m_environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), root.filePath(QStringLiteral("runtime")));
    // No display: an unlock prompt must fail here, never open on a developer's screen.
    m_environment.remove(QStringLiteral("DISPLAY"));
    m_environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    m_environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));

    if (!startBus(error) || !startKeyring(error)) {
        stop();
        return false;
    }
    setThisProcessEnvironment();
    holdLibsecretsBus();
    return true;
}

bool SecretServiceSession::startBus(QString *error)
{
    const QString socket = m_environment.value(QStringLiteral("XDG_RUNTIME_DIR")) + QStringLiteral("/bus");
    m_bus.setProcessEnvironment(m_environment);
    // --nofork: this process is its parent, so it is reaped when stopped.
    m_bus.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--session"), QStringLiteral("--nofork"),
                                                QStringLiteral("--address=unix:path=") + socket,
                                                QStringLiteral("--print-address=1")});
    if (!m_bus.waitForStarted(kStartMs)) {
        *error = processError(m_bus, QStringLiteral("dbus-daemon"));
        return false;
    }
    const QDeadlineTimer deadline(kStartMs);
    while (!m_bus.canReadLine() && m_bus.state() == QProcess::Running && !deadline.hasExpired())
        m_bus.waitForReadyRead(100);
    if (!m_bus.canReadLine()) {
        *error = processError(m_bus, QStringLiteral("dbus-daemon"));
        return false;
    }
    m_busAddress = QString::fromLatin1(m_bus.readLine()).trimmed();
    m_environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_busAddress);
    return true;
}

bool SecretServiceSession::startKeyring(QString *error)
{
    m_keyring.setProcessEnvironment(m_environment);
    // --unlock reads the login password on stdin: it makes the login
    // collection (the default one) and unlocks it, as a desktop login does.
    m_keyring.start(QStringLiteral("gnome-keyring-daemon"),
                    {QStringLiteral("--unlock"), QStringLiteral("--components=secrets"), QStringLiteral("--foreground")});
    if (!m_keyring.waitForStarted(kStartMs)) {
        *error = processError(m_keyring, QStringLiteral("gnome-keyring-daemon"));
        return false;
    }
    m_keyring.write(kLoginPassword);
    m_keyring.closeWriteChannel();

    // Ready when the Secret Service answers on the bus with a default collection.
    QDBusConnection bus = QDBusConnection::connectToBus(m_busAddress, QStringLiteral("sl-secret-session"));
    const QDeadlineTimer deadline(kStartMs);
    QString defaultCollection;
    while (m_keyring.state() == QProcess::Running && !deadline.hasExpired()) {
        if (bus.isConnected() && bus.interface()->isServiceRegistered(kSecrets).value()) {
            QDBusMessage call = QDBusMessage::createMethodCall(kSecrets, kSecretsPath, kServiceInterface,
                                                               QStringLiteral("ReadAlias"));
            call << QStringLiteral("default");
            const QDBusReply<QDBusObjectPath> alias = bus.call(call, QDBus::Block, 5'000);
            if (alias.isValid() && alias.value().path() != QLatin1String("/")) {
                defaultCollection = alias.value().path();
                break;
            }
        }
        m_keyring.waitForFinished(100);
    }
    QDBusConnection::disconnectFromBus(QStringLiteral("sl-secret-session"));
    if (defaultCollection.isEmpty()) {
        *error = m_keyring.state() == QProcess::Running
                     ? QStringLiteral("gnome-keyring-daemon did not offer a default collection within %1 s: %2")
                           .arg(kStartMs / 1000)
                           .arg(QString::fromLocal8Bit(m_keyring.readAllStandardError()).trimmed())
                     : processError(m_keyring, QStringLiteral("gnome-keyring-daemon"));
        return false;
    }
    return true;
}

void SecretServiceSession::holdLibsecretsBus()
{
    // GLib's shared session bus connection ends the process (SIGTERM) when
    // the bus goes away. libsecret uses that connection: taken here first,
    // with that switched off, the bus can stop before this process does.
    GError *failure = nullptr;
    m_glibBus = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, &failure);
    if (m_glibBus)
        g_dbus_connection_set_exit_on_close(static_cast<GDBusConnection *>(m_glibBus), FALSE);
    else
        g_error_free(failure); // libsecret will find no bus either, and say so
}

void SecretServiceSession::setThisProcessEnvironment()
{
    for (const QByteArray &name : kSessionVariables) {
        m_savedEnvironment[name] = qEnvironmentVariableIsSet(name.constData()) ? std::optional(qgetenv(name.constData()))
                                                                                : std::nullopt;
        qputenv(name.constData(), m_environment.value(QString::fromLatin1(name)).toLocal8Bit());
    }
}

void SecretServiceSession::pauseKeyring(bool paused)
{
    if (m_keyring.processId() > 0)
        ::kill(pid_t(m_keyring.processId()), paused ? SIGSTOP : SIGCONT);
}

QStringList SecretServiceSession::stop()
{
    QStringList daemons;
    for (const qint64 pid : {m_bus.processId(), m_keyring.processId()})
        if (pid > 0)
            daemons.append(QStringLiteral("/proc/%1").arg(pid));
    pauseKeyring(false); // a stopped process would take SIGTERM only once continued
    if (m_glibBus)
        g_object_unref(std::exchange(m_glibBus, nullptr));
    stopProcess(m_keyring);
    stopProcess(m_bus);
    for (const auto &[name, value] : std::exchange(m_savedEnvironment, {})) {
        if (value)
            qputenv(name.constData(), *value);
        else
            qunsetenv(name.constData());
    }
    m_root.reset();
    QStringList left;
    for (const QString &daemon : daemons)
        if (QFile::exists(daemon))
            left.append(daemon);
    return left;
}

CliRun SecretServiceSession::secretTool(const QStringList &arguments, const QByteArray &input) const
{
    return runProgram(QStringLiteral("secret-tool"), arguments, m_environment, 30'000, input);
}

QString SecretServiceSession::defaultCollection(QString *error) const
{
    QDBusConnection bus = QDBusConnection::connectToBus(m_busAddress, QStringLiteral("sl-secret-alias"));
    QDBusMessage readAlias =
        QDBusMessage::createMethodCall(kSecrets, kSecretsPath, kServiceInterface, QStringLiteral("ReadAlias"));
    readAlias << QStringLiteral("default");
    const QDBusReply<QDBusObjectPath> collection = bus.call(readAlias, QDBus::Block, 5'000);
    QDBusConnection::disconnectFromBus(QStringLiteral("sl-secret-alias"));
    if (!collection.isValid()) {
        *error = collection.error().message();
        return {};
    }
    return collection.value().path();
}

bool SecretServiceSession::lockDefaultCollection(QString *error) const
{
    const QString collection = defaultCollection(error);
    if (collection.isEmpty())
        return false;
    QDBusConnection bus = QDBusConnection::connectToBus(m_busAddress, QStringLiteral("sl-secret-lock"));
    QDBusMessage lock = QDBusMessage::createMethodCall(kSecrets, kSecretsPath, kServiceInterface, QStringLiteral("Lock"));
    lock << QVariant::fromValue(QList<QDBusObjectPath>{QDBusObjectPath(collection)});
    const QDBusMessage reply = bus.call(lock, QDBus::Block, 5'000);
    QDBusConnection::disconnectFromBus(QStringLiteral("sl-secret-lock"));
    // Lock answers the objects locked now, and a prompt ("/" when none is needed).
    const bool locked = reply.type() == QDBusMessage::ReplyMessage && reply.arguments().size() == 2
                        && qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(0)).contains(QDBusObjectPath(collection));
    if (!locked)
        *error = reply.type() == QDBusMessage::ErrorMessage ? reply.errorMessage()
                                                            : QStringLiteral("Lock did not lock ") + collection;
    return locked;
}

QStringList SecretServiceSession::itemPaths(const QMap<QString, QString> &attributes, QString *error) const
{
    qDBusRegisterMetaType<QMap<QString, QString>>();
    QDBusConnection bus = QDBusConnection::connectToBus(m_busAddress, QStringLiteral("sl-secret-search"));
    QDBusMessage search =
        QDBusMessage::createMethodCall(kSecrets, kSecretsPath, kServiceInterface, QStringLiteral("SearchItems"));
    search << QVariant::fromValue(attributes);
    const QDBusMessage reply = bus.call(search, QDBus::Block, 5'000);
    QDBusConnection::disconnectFromBus(QStringLiteral("sl-secret-search"));
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 2) {
        *error = reply.errorMessage();
        return {};
    }
    QStringList paths; // the unlocked items, then the locked ones
    for (const QVariant &found : reply.arguments())
        for (const QDBusObjectPath &path : qdbus_cast<QList<QDBusObjectPath>>(found))
            paths << path.path();
    return paths;
}

QStringList filesHolding(const QString &root, const QByteArrayList &needles)
{
    QStringList holding;
    QDirIterator files(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (!file.open(QIODevice::ReadOnly))
            continue; // a socket or a fifo: no content to hold a secret
        const QByteArray bytes = file.readAll();
        for (const QByteArray &needle : needles) {
            if (bytes.contains(needle)) {
                holding << file.fileName();
                break;
            }
        }
    }
    return holding;
}

} // namespace sl::test
