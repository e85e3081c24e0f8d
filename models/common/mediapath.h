#pragma once

#include <QCoreApplication>
#include <QString>

namespace sl {

// The one rule for a media path read from data (a manifest's `media.file`, a
// workspace record's stored media path): every reader of such a path goes
// through this type, so the rule lives in one place.
//
// The rule: not empty, at most kMaxLength characters, relative on every
// platform (no "/x", "\x", "C:x", ":/x"), no ".." component and no NUL;
// '\' counts as a separator (captures made on Windows). Resolved against a
// folder, it must name an existing regular file whose real path (symbolic
// links followed) stays inside that folder's real path.
class MediaPath
{
    Q_DECLARE_TR_FUNCTIONS(MediaPath)
public:
    static constexpr int kMaxLength = 1024; // characters

    // Checks the written form only (no file system access). On success the
    // path with '/' separators and no "." components; else empty, with
    // *reason set to a one-line, user-facing reason naming the path.
    static QString normalised(const QString &relative, QString *reason);

    // Checks the written form and the file: on success its absolute path
    // (inside `folder`, symbolic links not followed out of it); else empty,
    // with *reason set. `folder` must be an absolute or current-relative path.
    static QString resolve(const QString &folder, const QString &relative, QString *reason);

    // Whether `path` (absolute, cleaned) is `folder` itself or below it.
    static bool isInside(const QString &path, const QString &folder);
};

} // namespace sl
