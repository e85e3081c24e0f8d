#pragma once

#include "capture/markup.h"

#include <QString>

namespace sl {

// One write of one markup, as an annotation command (do, undo or redo)
// sends it to the store: the markup as it must be after the write.
struct MarkupEdit
{
    QString captureId; // the capture being annotated (a world markup is filed under its spatial frame)
    Markup markup;     // geometry in normalised image coordinates (image) or metres (world)
    bool deleted = false;
    QString author;    // who, for the audit log
};

} // namespace sl
