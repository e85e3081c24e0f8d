#include "clicommands.h"

#include "editing/editauthor.h"
#include "importer/captureimporter.h"
#include "importer/workspacerebuilder.h"
#include "render/frameexporter.h"
#include "store/workspace.h"
#include "store/workspacecheck.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sl {

void CliCommands::fail(const QString &reason)
{
    // One line, whatever the reason holds.
    QString line = reason.simplified();
    std::fprintf(stderr, "sightline-cli: %s\n", line.toLocal8Bit().constData());
    std::fflush(stderr);
}

void CliCommands::print(const QString &line)
{
    std::fprintf(stdout, "%s\n", line.toLocal8Bit().constData());
    std::fflush(stdout);
}

int CliCommands::demo(const QString &directory, const DemoWorkspaceBuilder::Options &options)
{
    int lastPercent = -1;
    QString lastStep;
    const auto progress = [&](const QString &step, double fraction) {
        const int percent = std::isfinite(fraction) ? int(std::lround(std::clamp(fraction, 0.0, 1.0) * 100)) : 0;
        if (percent == lastPercent && step == lastStep)
            return;
        lastPercent = percent;
        lastStep = step;
        std::fprintf(stderr, "[%3d%%] %s\n", percent, step.toLocal8Bit().constData());
        std::fflush(stderr);
    };
    QString error;
    if (!DemoWorkspaceBuilder::build(directory, options, &error, progress)) {
        fail(tr("demo: %1").arg(error.isEmpty() ? tr("the demo workspace could not be built") : error));
        return 1;
    }
    print(tr("Demo workspace ready in %1").arg(QDir::toNativeSeparators(QFileInfo(directory).absoluteFilePath())));
    return 0;
}

int CliCommands::importFolder(const QString &folder, const QString &workspaceDirectory)
{
    if (!QFileInfo(folder).isDir()) {
        fail(tr("import: %1: no such folder").arg(QDir::toNativeSeparators(folder)));
        return 1;
    }
    QString error;
    const std::unique_ptr<Workspace> workspace = Workspace::open(workspaceDirectory, &error);
    if (!workspace) {
        fail(tr("import: cannot open the workspace %1: %2").arg(QDir::toNativeSeparators(workspaceDirectory), error));
        return 1;
    }
    CaptureImporter importer(*workspace);
    const ImportReport report = importer.importFolder(folder);
    for (const QString &line : report.errors)
        std::fprintf(stderr, "%s\n", line.simplified().toLocal8Bit().constData());
    std::fflush(stderr);
    const qsizetype imported = report.importedIds.size();
    const qsizetype failed = report.errors.size();
    QString summary = imported == 1 ? tr("Imported 1 capture into %1.").arg(QDir::toNativeSeparators(workspace->directory()))
                                    : tr("Imported %1 captures into %2.")
                                          .arg(imported)
                                          .arg(QDir::toNativeSeparators(workspace->directory()));
    if (failed > 0)
        summary += QLatin1Char(' ')
            + (failed == 1 ? tr("1 capture could not be imported.") : tr("%1 captures could not be imported.").arg(failed));
    print(summary);
    return report.errors.isEmpty() ? 0 : 1;
}

int CliCommands::exportFrame(const QString &manifestPath, std::optional<double> seconds, const QString &outPath)
{
    if (!QFileInfo::exists(manifestPath)) {
        fail(tr("export-frame: %1: no such file").arg(manifestPath));
        return 1;
    }
    QString error;
    if (!FrameExporter::exportFrame(manifestPath, seconds, outPath, &error)) {
        fail(tr("export-frame: %1").arg(error.isEmpty() ? tr("%1: the frame could not be exported").arg(manifestPath)
                                                        : error));
        return 1;
    }
    print(QDir::toNativeSeparators(outPath));
    return 0;
}

int CliCommands::exportCaptureFrame(const QString &captureId, const QString &workspaceDirectory,
                                    std::optional<double> seconds, const QString &outPath)
{
    QString error;
    const std::unique_ptr<Workspace> workspace = Workspace::open(workspaceDirectory, &error);
    if (!workspace) {
        fail(tr("export-frame: cannot open the workspace %1: %2")
                 .arg(QDir::toNativeSeparators(workspaceDirectory), error));
        return 1;
    }
    if (!FrameExporter::exportCapture(*workspace, captureId, seconds, outPath, &error, nullptr, EditAuthor::current())) {
        fail(tr("export-frame: %1").arg(error.isEmpty() ? tr("%1: the frame could not be exported").arg(captureId)
                                                        : error));
        return 1;
    }
    print(QDir::toNativeSeparators(outPath));
    return 0;
}

int CliCommands::check(const QString &workspaceDirectory)
{
    const WorkspaceCheckReport report = WorkspaceCheck::run(workspaceDirectory);
    for (const QString &problem : report.problems)
        fail(tr("check: %1").arg(problem));
    if (!report.problems.isEmpty())
        return 1;
    print(tr("%1: the database is sound; %n capture(s), each with its media and manifest intact.", nullptr,
             report.captures)
              .arg(QDir::toNativeSeparators(QFileInfo(workspaceDirectory).absoluteFilePath())));
    return 0;
}

int CliCommands::rebuild(const QString &workspaceDirectory)
{
    const RebuildReport report = WorkspaceRebuilder::rebuild(workspaceDirectory);
    if (!report.ok) {
        fail(tr("rebuild: %1").arg(report.error));
        return 1;
    }
    for (const QString &line : report.captureErrors)
        fail(tr("rebuild: not re-imported: %1").arg(line));
    print(tr("Rebuilt %1: %n capture(s) re-imported from its media folder.", nullptr, report.capturesReimported)
              .arg(QDir::toNativeSeparators(QFileInfo(workspaceDirectory).absoluteFilePath())));
    if (report.keptAs.isEmpty()) {
        print(tr("There was no old database."));
    } else {
        print(report.salvaged.isEmpty()
                  ? tr("Nothing could be read back from the old database.")
                  : tr("Read back from the old database: %1.").arg(report.salvaged.join(QStringLiteral("; "))));
        print(tr("The old database is kept as %1.").arg(report.keptAs));
    }
    return report.captureErrors.isEmpty() ? 0 : 1;
}

} // namespace sl
