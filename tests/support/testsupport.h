#pragma once

#include <QString>

namespace sl::test {

// The source tree's root (set by ctest in SIGHTLINE_SOURCE_DIR).
QString sourceDir();
// tests/data/<name> in the source tree.
QString dataPath(const QString &name);

} // namespace sl::test
