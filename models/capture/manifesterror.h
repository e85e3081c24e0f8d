#pragma once

#include <QString>

namespace sl {

// Why a manifest was refused: names the file, the field and the reason,
// e.g. "pump.capture.json: poses[3].rotation: not a unit quaternion (|q| = 1.2)".
struct ManifestError
{
    QString file;
    QString field; // JSON path, e.g. "camera.fx" or "markups[2].points"; empty for the whole file
    QString reason;

    QString message() const;
};

} // namespace sl
