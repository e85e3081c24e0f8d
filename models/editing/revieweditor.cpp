#include "editing/revieweditor.h"

#include "editing/asseteditor.h"
#include "editing/capturechanges.h"
#include "store/database.h"

namespace sl {

ReviewEditor::ReviewEditor(Database &db) : m_db(db) {}

ReviewOutcome ReviewEditor::setReview(const QStringList &captureIds, std::optional<ReviewStatus> status,
                                      const std::optional<QString> &note, const QString &author)
{
    ReviewOutcome outcome;
    if (captureIds.isEmpty()) {
        outcome.problem = tr("no capture given");
        return outcome;
    }
    const QString at = AssetEditor::nowText();
    try {
        Transaction transaction(m_db);
        ChangeLog log(m_db);
        for (const QString &captureId : captureIds) {
            Statement read = m_db.cached("SELECT review_status, review_note FROM captures WHERE id = ?");
            read.bind(1, captureId);
            if (!read.step()) {
                outcome.problem = tr("%1: no such capture in the workspace").arg(captureId);
                return outcome; // rolled back: nothing of the call is kept
            }
            const QString oldStatus = reviewStatusKey(reviewStatusFromKey(read.columnText(0)));
            const QString oldNote = read.columnText(1);
            read.reset();
            const QString newStatus = status ? reviewStatusKey(*status) : oldStatus;
            const QString newNote = note.value_or(oldNote);

            RecordChange change = CaptureChanges::make(captureId);
            if (newStatus != oldStatus)
                change.fields.push_back({CaptureChanges::kReviewStatusColumn, oldStatus, newStatus, oldStatus, newStatus});
            if (newNote != oldNote)
                change.fields.push_back({CaptureChanges::kReviewNoteColumn, oldNote, newNote, oldNote, newNote});
            if (change.fields.empty() || outcome.changed.contains(captureId))
                continue;
            Statement update = m_db.cached("UPDATE captures SET review_status = ?, review_note = ?, "
                                           "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?");
            update.bind(1, newStatus).bind(2, newNote).bind(3, captureId).run();
            log.record(change, author, at);
            outcome.changed.append(captureId);
        }
        transaction.commit();
    } catch (const StoreError &e) {
        outcome.changed.clear();
        outcome.problem = e.message();
        return outcome;
    }
    outcome.status = outcome.changed.isEmpty() ? ReviewOutcome::Status::NothingToChange : ReviewOutcome::Status::Saved;
    return outcome;
}

} // namespace sl
