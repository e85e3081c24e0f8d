#pragma once

#include <QString>

namespace sl {

// A user-facing cause for an errno value: the common failures of writing
// files get words a user acts on ("the disk is full", "permission denied",
// "not enough memory"); any other code gets the system's own text.
QString systemErrorText(int errorNumber);

} // namespace sl
