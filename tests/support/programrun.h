#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>

namespace sl::test {

// How one run of a program ended, for tests of the command-line tools.
struct CliRun
{
    int exitCode = -1; // -1: did not finish in time (then killed); -2: crashed
    QString out;
    QString err;
};

// Runs `program arguments` in `environment`, `input` on its standard input
// (then closed), and waits for it. A program that cannot start says why in
// `err`.
CliRun runProgram(const QString &program, const QStringList &arguments,
                  const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                  int timeoutMs = 180000, const QByteArray &input = {});

// The same for a program that talks to a server in this process: this
// thread's event loop keeps turning while it runs (`whileRunning` each turn).
CliRun runProgramServing(const QString &program, const QStringList &arguments,
                         const QProcessEnvironment &environment, int timeoutMs,
                         const std::function<void()> &whileRunning = {});

} // namespace sl::test
