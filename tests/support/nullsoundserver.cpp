#include "nullsoundserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>

#include <cstdlib>

namespace sl::test {

namespace {
QString quoted(const QString &text)
{
    QString q = text;
    q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}
} // namespace

NullSoundServer::~NullSoundServer()
{
    stop();
}

QString NullSoundServer::environmentPrefix() const
{
    // HOME and the XDG folders too: pulseaudio keeps its cookie and state there.
    const QString root = quoted(m_root.path());
    return QStringLiteral("env HOME=%1 XDG_RUNTIME_DIR=%1/run XDG_CONFIG_HOME=%1/config XDG_STATE_HOME=%1/state ").arg(root);
}

bool NullSoundServer::start(QString *error)
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("pulseaudio"));
    if (program.isEmpty()) {
        *error = QStringLiteral("pulseaudio is not installed");
        return false;
    }
    if (!m_root.isValid()) {
        *error = QStringLiteral("no temporary folder: %1").arg(m_root.errorString());
        return false;
    }
    QDir(m_root.path()).mkpath(QStringLiteral("run"));
    QFile::setPermissions(m_root.filePath(QStringLiteral("run")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString socket = m_root.filePath(QStringLiteral("run/native"));
    // -n: no default configuration (no real devices looked for); a null sink
    // and a socket without authentication, reachable by this user only.
    const QString command =
        environmentPrefix() + quoted(program) +
        QStringLiteral(" --daemonize=yes -n --exit-idle-time=20 --use-pid-file=yes --log-level=error"
                       " -L 'module-null-sink sink_name=sightline_test_null'"
                       " -L 'module-native-protocol-unix auth-anonymous=1 socket=%1'"
                       " -L 'module-always-sink' >/dev/null 2>&1")
            .arg(socket);
    const int status = std::system(command.toLocal8Bit().constData());
    if (status != 0) {
        *error = QStringLiteral("pulseaudio did not start (status %1)").arg(status);
        return false;
    }
    m_started = true;
    QElapsedTimer waited;
    waited.start();
    while (!QFileInfo::exists(socket)) {
        if (waited.elapsed() > 10000) {
            stop();
            *error = QStringLiteral("pulseaudio's socket did not appear within 10 s");
            return false;
        }
        QThread::msleep(20);
    }
    m_hadServer = qEnvironmentVariableIsSet("PULSE_SERVER");
    m_oldServer = qgetenv("PULSE_SERVER");
    qputenv("PULSE_SERVER", QByteArray("unix:") + QFile::encodeName(socket));
    return true;
}

void NullSoundServer::stop()
{
    if (!m_started)
        return;
    m_started = false;
    const QString command = environmentPrefix() + QStringLiteral("pulseaudio --kill >/dev/null 2>&1");
    [[maybe_unused]] const int status = std::system(command.toLocal8Bit().constData());
    if (m_hadServer)
        qputenv("PULSE_SERVER", m_oldServer);
    else
        qunsetenv("PULSE_SERVER");
}

} // namespace sl::test
