#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace sl::test {

// How one run of a process ended.
struct CliOutcome
{
    bool finished = false; // false: did not start, or timed out (then killed)
    bool crashed = false;  // ended by a signal
    int code = -1;         // the exit code, or the signal number when crashed
    QString out;
    QString err;

    bool exitedWith(int exitCode) const { return finished && !crashed && code == exitCode; }
    bool killedBy(int signal) const { return finished && crashed && code == signal; }
    // "exit 1", "killed by signal 9" or "did not finish", then stderr's first
    // lines and stdout's last (the import's summary).
    QString describe() const;
};

// The sightline-cli of this build.
QString cliPath();
// {"import", folder, "--workspace", workspace}
QStringList importArguments(const QString &folder, const QString &workspace);
// {"check", workspace}
QStringList checkArguments(const QString &workspace);

// Starts a program; with a non-empty faultKill ("<point>:<n>") the process
// runs with SIGHTLINE_FAULT_KILL set to it (models/common/faultpoint.h), else
// with that variable removed.
std::unique_ptr<QProcess> startProcess(const QString &program, const QStringList &arguments,
                                       const QString &faultKill = {});
// Waits for a started process (killing it after timeoutMs) and collects its outcome.
CliOutcome finishProcess(QProcess &process, int timeoutMs);
// startProcess + finishProcess on sightline-cli.
CliOutcome runCli(const QStringList &arguments, const QString &faultKill = {}, int timeoutMs = 300000);

// Copies a folder tree (a workspace used as a starting point); false on any failure.
bool copyFolder(const QString &from, const QString &to);

} // namespace sl::test
