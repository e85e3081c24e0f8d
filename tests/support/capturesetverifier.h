#pragma once

#include "captureset.h"

#include <QString>
#include <QStringList>

namespace sl::test {

// Checks a workspace against the captures it was fed (CaptureSources): every
// capture record's stored media bytes must be the source media of the version
// its manifest names (capturedBy "version-N"), so a record whose manifest and
// media come from different versions or captures is caught.
class CaptureSetVerifier
{
public:
    struct Options
    {
        int expectedVersion = 0;  // 1 or 2: every record must be that version; 0: either
        bool requireAll = true;   // every source id stored (exactly once)
        bool checkOrphans = true; // no file in the media folder that no record references
    };

    struct Result
    {
        int records = 0;
        int perVersion[CaptureSet::kVersions + 1] = {}; // records per version (index 1, 2)
        QStringList problems;                           // one line each

        bool ok() const { return problems.isEmpty(); }
        // The counts and the first problems, for a failing assertion.
        QString summary() const;
    };

    // The media folder is listed before the workspace is opened, so that an
    // orphan collection on open cannot hide what an importer left behind.
    static Result verify(const QString &workspaceDirectory, const CaptureSources &sources, const Options &options);
};

} // namespace sl::test
