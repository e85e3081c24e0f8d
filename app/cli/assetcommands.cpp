#include "assetcommands.h"

#include "clicommands.h"
#include "editing/assetcsvimport.h"
#include "editing/asseteditor.h"
#include "editing/asseteditrequest.h"
#include "common/outputfile.h"
#include "editing/editauthor.h"
#include "store/database.h"
#include "store/workspace.h"

#include <QDir>

#include <memory>

namespace sl {

namespace {

constexpr int kUsageError = 2;
constexpr int kRowsRejected = 3; // import-assets: the other rows imported (or, --dry-run, would be)

std::unique_ptr<Workspace> openWorkspace(const QString &command, const QString &directory)
{
    if (directory.isEmpty()) {
        CliCommands::fail(AssetCommands::tr("%1 needs --workspace DIR").arg(command));
        return nullptr;
    }
    QString error;
    std::unique_ptr<Workspace> workspace = Workspace::open(directory, &error);
    if (!workspace)
        CliCommands::fail(AssetCommands::tr("%1: cannot open the workspace %2: %3")
                              .arg(command, QDir::toNativeSeparators(directory), error));
    return workspace;
}

int report(const QString &command, const AssetEditOutcome &outcome, const QString &printedOnSuccess)
{
    switch (outcome.status) {
    case AssetEditOutcome::Status::Saved:
        CliCommands::print(printedOnSuccess);
        return 0;
    case AssetEditOutcome::Status::NothingToChange:
        CliCommands::print(AssetCommands::tr("%1: nothing to change").arg(outcome.assetId));
        return 0;
    case AssetEditOutcome::Status::Refused:
        break;
    }
    CliCommands::fail(AssetCommands::tr("%1: %2").arg(command, outcome.message()));
    return 1;
}

} // namespace

int AssetCommands::asset(const QStringList &arguments, const QString &workspaceDirectory)
{
    const QString sub = arguments.value(0);
    const QString command = QStringLiteral("asset %1").arg(sub).trimmed();
    const bool isCreate = sub == QLatin1String("create");
    const bool isSet = sub == QLatin1String("set");
    const bool isActive = sub == QLatin1String("deactivate") || sub == QLatin1String("activate");
    if (!isCreate && !isSet && !isActive) {
        CliCommands::fail(sub.isEmpty() ? tr("asset needs create, set, deactivate or activate (try --help)")
                                        : tr("asset: unknown subcommand '%1' (create, set, deactivate, activate)").arg(sub));
        return kUsageError;
    }
    const QStringList rest = arguments.mid(1);
    if (isCreate && rest.isEmpty()) {
        CliCommands::fail(tr("asset create needs name=NAME [field=value...] (try --help)"));
        return kUsageError;
    }
    if (isSet && rest.size() < 2) {
        CliCommands::fail(tr("asset set needs an asset id and field=value... (try --help)"));
        return kUsageError;
    }
    if (isActive && rest.size() != 1) {
        CliCommands::fail(tr("%1 takes one asset id (try --help)").arg(command));
        return kUsageError;
    }
    const std::unique_ptr<Workspace> workspace = openWorkspace(command, workspaceDirectory);
    if (!workspace)
        return workspaceDirectory.isEmpty() ? kUsageError : 1;
    AssetEditor editor(workspace->database());
    const QString author = EditAuthor::current();
    if (isActive) {
        const bool activate = sub == QLatin1String("activate");
        const AssetEditOutcome outcome = editor.setActive(rest.first(), activate, author);
        return report(command, outcome,
                      activate ? tr("%1: activated").arg(outcome.assetId) : tr("%1: deactivated").arg(outcome.assetId));
    }
    // The same path from typed fields to a stored edit as the edit dialog's.
    const AssetEditRequest request{isCreate ? QString() : rest.first(), isCreate ? rest : rest.mid(1)};
    const AssetEditOutcome outcome = request.apply(workspace->database(), author);
    return report(command, outcome, isCreate ? outcome.assetId : tr("%1: saved").arg(outcome.assetId));
}

int AssetCommands::importAssets(const QString &csvPath, const QString &workspaceDirectory, bool dryRun,
                                const QString &rejectedReport)
{
    const QString command = QStringLiteral("import-assets");
    QString error;
    if (!rejectedReport.isEmpty() && !OutputFile::checkTarget(rejectedReport, &error)) {
        CliCommands::fail(tr("%1: %2").arg(command, error));
        return 1;
    }
    const std::unique_ptr<Workspace> workspace = openWorkspace(command, workspaceDirectory);
    if (!workspace)
        return workspaceDirectory.isEmpty() ? kUsageError : 1;
    AssetCsvImport import(workspace->database());
    const std::optional<AssetCsvPreview> preview = import.prepare(csvPath, &error);
    if (!preview) {
        CliCommands::fail(tr("%1: %2").arg(command, error));
        return 1;
    }
    if (!preview->ignoredColumns.isEmpty())
        CliCommands::print(tr("ignored columns (not in the template): %1")
                               .arg(preview->ignoredColumns.join(QStringLiteral(", "))));
    for (const AssetCsvRejectedRow &row : preview->rejected)
        CliCommands::print(tr("row %1: %2").arg(row.row).arg(row.reason.simplified()));
    if (!rejectedReport.isEmpty() && !preview->rejected.empty()
        && !AssetCsvImport::writeRejectedRows(*preview, rejectedReport, &error)) {
        CliCommands::fail(tr("%1: %2").arg(command, error));
        return 1;
    }
    const qsizetype rejected = qsizetype(preview->rejected.size());
    // Rows refused: a status of their own, so that a script notices (and
    // does not run the whole file again, which would import the rest twice).
    const int status = rejected > 0 ? kRowsRejected : 0;
    if (dryRun) {
        CliCommands::print(tr("%1 would import, %2 rejected").arg(preview->toCreate.size()).arg(rejected));
        return status;
    }
    const std::optional<qsizetype> created = import.commit(*preview, EditAuthor::current(), {}, nullptr, &error);
    if (!created) {
        CliCommands::fail(tr("%1: %2").arg(command, error));
        return 1;
    }
    CliCommands::print(tr("%1 imported, %2 rejected").arg(*created).arg(rejected));
    return status;
}

} // namespace sl
