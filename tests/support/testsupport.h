#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace sl {
class Workspace;
}

namespace sl::test {

// The source tree's root (set by ctest in SIGHTLINE_SOURCE_DIR).
QString sourceDir();
// tests/data/<name> in the source tree.
QString dataPath(const QString &name);

// Opens a fresh workspace in a new temporary folder (for a test's init());
// false, with the reason logged, when either cannot be made.
bool openTemporaryWorkspace(std::unique_ptr<QTemporaryDir> &dir, std::unique_ptr<Workspace> &workspace);
// Closes the workspace before its folder goes (for a test's cleanup()).
void closeTemporaryWorkspace(std::unique_ptr<QTemporaryDir> &dir, std::unique_ptr<Workspace> &workspace);

} // namespace sl::test
