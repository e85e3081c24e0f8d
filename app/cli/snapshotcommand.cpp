#include "snapshotcommand.h"

#include "annotation/snapshotmaker.h"
#include "clicommands.h"
#include "store/workspace.h"

#include <QDir>

#include <cmath>

namespace sl {

namespace {

constexpr int kUsageError = 2;

} // namespace

int SnapshotCommand::run(const QStringList &arguments, const QString &time, bool hasTime, bool bake,
                         const QString &workspaceDirectory)
{
    if (arguments.size() != 1) {
        CliCommands::fail(tr("snapshot needs one capture id (try --help)"));
        return kUsageError;
    }
    if (workspaceDirectory.isEmpty()) {
        CliCommands::fail(tr("snapshot needs --workspace DIR"));
        return kUsageError;
    }
    SnapshotRequest request;
    request.sourceCaptureId = arguments.first();
    request.mode = bake ? SnapshotMode::Baked : SnapshotMode::Clean;
    if (hasTime) {
        bool ok = false;
        const double seconds = time.toDouble(&ok);
        if (!ok || !std::isfinite(seconds)) {
            CliCommands::fail(tr("--time: '%1' is not a time in seconds").arg(time));
            return kUsageError;
        }
        request.seconds = seconds; // a negative one is refused by the maker, naming the capture
    }
    QString error;
    const std::unique_ptr<Workspace> workspace = Workspace::open(workspaceDirectory, &error);
    if (!workspace) {
        CliCommands::fail(tr("snapshot: cannot open the workspace %1: %2")
                              .arg(QDir::toNativeSeparators(workspaceDirectory), error));
        return 1;
    }
    const SnapshotResult result = SnapshotMaker::make(*workspace, request);
    if (!result.ok()) {
        CliCommands::fail(tr("snapshot: %1").arg(result.error));
        return 1;
    }
    CliCommands::print(result.captureId);
    return 0;
}

} // namespace sl
