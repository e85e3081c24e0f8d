#include "programrun.h"

#include <QProcess>
#include <QTest>

namespace sl::test {

CliRun runProgram(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
                  int timeoutMs, const QByteArray &input)
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
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

CliRun runProgramServing(const QString &program, const QStringList &arguments,
                         const QProcessEnvironment &environment, int timeoutMs,
                         const std::function<void()> &whileRunning)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    CliRun result;
    if (!process.waitForStarted(timeoutMs)) {
        result.err = process.errorString();
        return result;
    }
    const bool ended = QTest::qWaitFor(
        [&] {
            if (whileRunning)
                whileRunning();
            return process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    if (!ended) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace sl::test
