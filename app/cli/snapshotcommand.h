#pragma once

#include <QCoreApplication>
#include <QString>

namespace sl {

// sightline-cli snapshot CAPTURE_ID [--time S] [--bake] --workspace DIR:
// stores the frame a video shows at S seconds (the first frame without
// --time; a photo ignores it), or a photo, as a new photo capture of the same
// asset (SnapshotMaker), and prints the new capture's id. --bake burns the
// overlay into the pixels. Exit code 0 done, 1 refused or failed, 2 the
// command line is wrong.
class SnapshotCommand
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotCommand)
public:
    static int run(const QStringList &arguments, const QString &time, bool hasTime, bool bake,
                   const QString &workspaceDirectory);
};

} // namespace sl
