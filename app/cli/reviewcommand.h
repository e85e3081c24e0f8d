#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace sl {

// sightline-cli review CAPTURE_ID... --status STATUS [--note TEXT] --workspace DIR:
// sets the review of one or more captures in one transaction (ReviewEditor),
// each change queued in the outbox. Exit code 0 done (or nothing to change),
// 1 refused or failed, 2 the command line is wrong.
class ReviewCommand
{
    Q_DECLARE_TR_FUNCTIONS(ReviewCommand)
public:
    static int run(const QStringList &captureIds, const QString &status, bool hasNote, const QString &note,
                   const QString &workspaceDirectory);
};

} // namespace sl
