#pragma once

namespace sl {

class Database;

// The workspace schema as numbered migrations recorded in PRAGMA
// user_version: migration N brings a database from version N-1 to N, each in
// its own transaction. Migrations are only ever appended, never edited.
class Migrations
{
public:
    // The schema version this build writes.
    static int latestVersion();
    // Applies the missing migrations. Throws StoreError when the database
    // comes from a newer Sightline (user_version > latestVersion()) or a
    // migration fails; a failed migration leaves the previous version intact.
    static void run(Database &db);
    // Applies the missing migrations up to `version` only: for tests that
    // need a workspace as an older Sightline left it.
    static void runTo(Database &db, int version);
};

} // namespace sl
