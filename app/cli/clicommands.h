#pragma once

#include "demo/demoworkspacebuilder.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace sl {

// The commands of sightline-cli. Each returns the process exit code (0 done,
// 1 failed) and writes results to stdout, one-line reasons to stderr.
class CliCommands
{
    Q_DECLARE_TR_FUNCTIONS(CliCommands)
public:
    static int demo(const QString &directory, const DemoWorkspaceBuilder::Options &options);
    static int importFolder(const QString &folder, const QString &workspaceDirectory);
    static int exportFrame(const QString &manifestPath, std::optional<double> seconds, const QString &outPath);
    // A capture of a workspace, with the markup the viewer shows for it.
    static int exportCaptureFrame(const QString &captureId, const QString &workspaceDirectory,
                                  std::optional<double> seconds, const QString &outPath);
    static int check(const QString &workspaceDirectory);
    static int rebuild(const QString &workspaceDirectory);

    // "sightline-cli: <reason>" on stderr.
    static void fail(const QString &reason);
    static void print(const QString &line);
};

} // namespace sl
