#include "clirunner.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace sl::test {

namespace {

constexpr int kShownErrorLines = 5;
const QString kFaultVariable = QStringLiteral("SIGHTLINE_FAULT_KILL");

} // namespace

QString CliOutcome::describe() const
{
    QString text = !finished ? QStringLiteral("did not finish")
                   : crashed ? QStringLiteral("killed by signal %1").arg(code)
                             : QStringLiteral("exit %1").arg(code);
    const QStringList lines = err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines.mid(0, kShownErrorLines))
        text += QStringLiteral("\n    stderr: ") + line;
    if (lines.size() > kShownErrorLines)
        text += QStringLiteral("\n    stderr: ... (%1 lines)").arg(lines.size());
    const QStringList outLines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (!outLines.isEmpty())
        text += QStringLiteral("\n    stdout: ") + outLines.last();
    return text;
}

QString cliPath()
{
    return QStringLiteral(SIGHTLINE_CLI_PATH);
}

QStringList importArguments(const QString &folder, const QString &workspace)
{
    return {QStringLiteral("import"), folder, QStringLiteral("--workspace"), workspace};
}

QStringList checkArguments(const QString &workspace)
{
    return {QStringLiteral("check"), workspace};
}

std::unique_ptr<QProcess> startProcess(const QString &program, const QStringList &arguments,
                                       const QString &faultKill)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(kFaultVariable);
    if (!faultKill.isEmpty())
        environment.insert(kFaultVariable, faultKill);
    process->setProcessEnvironment(environment);
    process->start(program, arguments);
    return process;
}

CliOutcome finishProcess(QProcess &process, int timeoutMs)
{
    CliOutcome outcome;
    if (!process.waitForStarted(timeoutMs))
        return outcome;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        outcome.err = QString::fromUtf8(process.readAllStandardError());
        return outcome;
    }
    outcome.finished = true;
    outcome.crashed = process.exitStatus() == QProcess::CrashExit;
    outcome.code = process.exitCode(); // Qt gives the signal number for a crash
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}

CliOutcome runCli(const QStringList &arguments, const QString &faultKill, int timeoutMs)
{
    const std::unique_ptr<QProcess> process = startProcess(cliPath(), arguments, faultKill);
    return finishProcess(*process, timeoutMs);
}

bool copyFolder(const QString &from, const QString &to)
{
    const QDir source(from);
    if (!source.exists() || !QDir().mkpath(to))
        return false;
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::Dirs | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo entry(it.next());
        const QString target = QDir(to).filePath(source.relativeFilePath(entry.filePath()));
        if (entry.isDir() ? !QDir().mkpath(target)
                          : !QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(entry.filePath(), target))
            return false;
    }
    return true;
}

} // namespace sl::test
