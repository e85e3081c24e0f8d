#pragma once

#include <QString>
#include <QtGlobal>

namespace sl {

// The two system-call steps every durable write shares (OutputFile for
// exports, MediaStore for a workspace's media).

// Writes all `size` bytes to `fd`, retrying short and interrupted writes;
// false with errno set on failure.
bool writeAllBytes(int fd, const char *data, qint64 size);

// Makes a creation or a rename in `folder` durable (fsync of the folder); a
// file system that cannot sync a folder (some network ones) is no failure.
void syncFolder(const QString &folder);

} // namespace sl
