#include "programrun.h"

#include <QProcess>
#include <QTest>

namespace sl::test {

namespace {

// Starts the program, gives it `input`, waits with `waitForEnd` (true: it
// ended; false: it is killed) and collects what it said.
CliRun runAndCollect(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
                     int timeoutMs, const QByteArray &input, const std::function<bool(QProcess &)> &waitForEnd)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    CliRun result;
    if (!process.waitForStarted(timeoutMs)) {
        result.err = process.errorString();
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!waitForEnd(process)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace

CliRun runProgram(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
                  int timeoutMs, const QByteArray &input)
{
    return runAndCollect(program, arguments, environment, timeoutMs, input,
                         [timeoutMs](QProcess &process) { return process.waitForFinished(timeoutMs); });
}

CliRun runProgramServing(const QString &program, const QStringList &arguments,
                         const QProcessEnvironment &environment, int timeoutMs,
                         const std::function<void()> &whileRunning)
{
    return runAndCollect(program, arguments, environment, timeoutMs, {}, [&](QProcess &process) {
        return QTest::qWaitFor(
            [&] {
                if (whileRunning)
                    whileRunning();
                return process.state() == QProcess::NotRunning;
            },
            timeoutMs);
    });
}

} // namespace sl::test
