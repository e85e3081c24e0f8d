#pragma once

#include "capture/capturemanifest.h"
#include "capture/manifesterror.h"

#include <QByteArray>
#include <QString>

#include <variant>

namespace sl {

using ManifestResult = std::variant<CaptureManifest, ManifestError>;

// Reads and validates a capture manifest (every rule of CAPTURE-FORMAT.md
// "Errors" except the media checks, which need a decoder: see MediaProbe).
class ManifestReader
{
public:
    // fileName is only used in error messages.
    static ManifestResult parse(const QByteArray &json, const QString &fileName);
    static ManifestResult readFile(const QString &path);
};

} // namespace sl
