#include "reviewcommand.h"

#include "clicommands.h"
#include "editing/editauthor.h"
#include "editing/revieweditor.h"
#include "store/workspace.h"

#include <QDir>

namespace sl {

namespace {

constexpr int kUsageError = 2;

} // namespace

int ReviewCommand::run(const QStringList &captureIds, const QString &status, bool hasNote, const QString &note,
                       const QString &workspaceDirectory)
{
    if (captureIds.isEmpty()) {
        CliCommands::fail(tr("review needs a capture id (try --help)"));
        return kUsageError;
    }
    const std::optional<ReviewStatus> parsed = parseReviewStatus(status);
    if (!parsed) {
        CliCommands::fail(status.isEmpty()
                              ? tr("review needs --status new|approved|rejected|needs-follow-up")
                              : tr("review: --status: '%1' is not a review status "
                                   "(new, approved, rejected, needs-follow-up)")
                                    .arg(status));
        return kUsageError;
    }
    if (workspaceDirectory.isEmpty()) {
        CliCommands::fail(tr("review needs --workspace DIR"));
        return kUsageError;
    }
    QString error;
    const std::unique_ptr<Workspace> workspace = Workspace::open(workspaceDirectory, &error);
    if (!workspace) {
        CliCommands::fail(tr("review: cannot open the workspace %1: %2")
                              .arg(QDir::toNativeSeparators(workspaceDirectory), error));
        return 1;
    }
    ReviewEditor editor(workspace->database());
    const ReviewOutcome outcome = editor.setReview(captureIds, *parsed, hasNote ? std::optional<QString>(note) : std::nullopt,
                                                   EditAuthor::current());
    switch (outcome.status) {
    case ReviewOutcome::Status::Refused:
        CliCommands::fail(tr("review: %1").arg(outcome.problem));
        return 1;
    case ReviewOutcome::Status::NothingToChange:
        CliCommands::print(tr("nothing to change"));
        return 0;
    case ReviewOutcome::Status::Saved:
        break;
    }
    for (const QString &id : outcome.changed)
        CliCommands::print(tr("%1: %2").arg(id, status));
    return 0;
}

} // namespace sl
