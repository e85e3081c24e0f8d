#pragma once

#include "domain/capturerecord.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace sl {

class Database;

// What a review did.
struct ReviewOutcome
{
    enum class Status { Saved, NothingToChange, Refused };
    Status status = Status::Refused;
    QStringList changed; // Saved: the captures whose review changed, in the order given
    QString problem;     // Refused: why, one translated line
    bool saved() const { return status == Status::Saved; }
};

// Sets the review of captures (a status and a note, sl_reviewstatus and
// sl_reviewnote on the asset store), on the calling thread's connection (the
// store worker's in the GUI). One call is one write transaction for all the
// captures given: each capture whose review changes gets its row, one outbox
// entry (CaptureChanges: a PATCH of the attachment, coalescing into one still
// queued) and an audit row per changed field; an unknown capture refuses the
// whole call and nothing is written. A capture already so reviewed is no
// change.
class ReviewEditor
{
    Q_DECLARE_TR_FUNCTIONS(ReviewEditor)
public:
    explicit ReviewEditor(Database &db);

    // `status` absent: each capture keeps its status; `note` absent: its note.
    ReviewOutcome setReview(const QStringList &captureIds, std::optional<ReviewStatus> status,
                            const std::optional<QString> &note,
                            const QString &author);

private:
    Database &m_db;
};

} // namespace sl
