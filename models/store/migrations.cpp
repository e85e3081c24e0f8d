#include "store/migrations.h"

#include "common/logging.h"
#include "store/database.h"
#include "store/markupfill.h"

#include <QCoreApplication>

#include <algorithm>
#include <iterator>

namespace sl {

namespace {

// Version 1: assets and their lookups, the search index, captures, markups
// and the outbox.
const char *const kVersion1 = R"sql(
CREATE TABLE accounts (
    id   TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL DEFAULT ''
);
CREATE TABLE products (
    id             TEXT PRIMARY KEY NOT NULL,
    name           TEXT NOT NULL DEFAULT '',
    product_number TEXT NOT NULL DEFAULT ''
);
CREATE TABLE categories (
    id   TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL DEFAULT ''
);
-- rid is the rowid shared with asset_search; an explicit INTEGER PRIMARY KEY
-- so that VACUUM never renumbers it.
CREATE TABLE assets (
    rid         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL COLLATE NOCASE,
    asset_tag   TEXT NOT NULL DEFAULT '',
    account_id  TEXT REFERENCES accounts(id) ON DELETE SET NULL,
    product_id  TEXT REFERENCES products(id) ON DELETE SET NULL,
    category_id TEXT REFERENCES categories(id) ON DELETE SET NULL,
    parent_id   TEXT REFERENCES assets(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    latitude    REAL NOT NULL DEFAULT 0,
    longitude   REAL NOT NULL DEFAULT 0,
    state_code  INTEGER NOT NULL DEFAULT 0,
    modified_on TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assets_name_id ON assets(name, id);
CREATE INDEX assets_parent ON assets(parent_id);
CREATE INDEX assets_account ON assets(account_id);
CREATE INDEX assets_product ON assets(product_id);
CREATE INDEX assets_category ON assets(category_id);

CREATE VIRTUAL TABLE asset_search USING fts5(
    name, tag, account, product, category,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');

-- AssetRepository::upsertAssets indexes inserted and updated assets in bulk
-- (a trigger per row is ~3x slower: FTS5 flushes at every statement).
-- Deletions and renamed lookups are kept in sync here.
CREATE TRIGGER assets_search_delete AFTER DELETE ON assets BEGIN
    DELETE FROM asset_search WHERE rowid = old.rid;
END;
CREATE TRIGGER accounts_search_update AFTER UPDATE OF name ON accounts BEGIN
    UPDATE asset_search SET account = new.name
    WHERE rowid IN (SELECT rid FROM assets WHERE account_id = new.id);
END;
CREATE TRIGGER products_search_update AFTER UPDATE OF name, product_number ON products BEGIN
    UPDATE asset_search SET product = new.name || ' ' || new.product_number
    WHERE rowid IN (SELECT rid FROM assets WHERE product_id = new.id);
END;
CREATE TRIGGER categories_search_update AFTER UPDATE OF name ON categories BEGIN
    UPDATE asset_search SET category = new.name
    WHERE rowid IN (SELECT rid FROM assets WHERE category_id = new.id);
END;
-- A deleted lookup leaves its assets without it (ON DELETE SET NULL).
CREATE TRIGGER accounts_search_delete BEFORE DELETE ON accounts BEGIN
    UPDATE asset_search SET account = '' WHERE rowid IN (SELECT rid FROM assets WHERE account_id = old.id);
END;
CREATE TRIGGER products_search_delete BEFORE DELETE ON products BEGIN
    UPDATE asset_search SET product = '' WHERE rowid IN (SELECT rid FROM assets WHERE product_id = old.id);
END;
CREATE TRIGGER categories_search_delete BEFORE DELETE ON categories BEGIN
    UPDATE asset_search SET category = '' WHERE rowid IN (SELECT rid FROM assets WHERE category_id = old.id);
END;

CREATE TABLE spatial_frames (
    id         TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
-- asset_ref is the asset id as the manifest names it; asset_id links it once
-- that asset is in the workspace (a capture may arrive before its asset).
CREATE TABLE captures (
    id            TEXT PRIMARY KEY NOT NULL,
    asset_id      TEXT REFERENCES assets(id) ON DELETE SET NULL,
    asset_ref     TEXT NOT NULL DEFAULT '',
    media_path    TEXT NOT NULL CHECK (
                      media_path <> ''
                      AND substr(media_path, 1, 1) NOT IN ('/', '\')
                      AND media_path NOT GLOB '[A-Za-z]:*'
                      AND ('/' || replace(media_path, '\', '/') || '/') NOT LIKE '%/../%'),
    media_type    TEXT NOT NULL CHECK (media_type IN ('photo', 'video')),
    captured_at   TEXT NOT NULL DEFAULT '',
    spatial_frame TEXT REFERENCES spatial_frames(id) ON DELETE SET NULL,
    review_status TEXT NOT NULL DEFAULT 'new',
    review_note   TEXT NOT NULL DEFAULT '',
    manifest_json TEXT NOT NULL,
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX captures_asset_ref ON captures(asset_ref, captured_at);
CREATE INDEX captures_asset ON captures(asset_id);
CREATE INDEX captures_frame ON captures(spatial_frame);
CREATE TRIGGER assets_link_captures AFTER INSERT ON assets BEGIN
    UPDATE captures SET asset_id = new.id WHERE asset_ref = new.id AND asset_id IS NULL;
END;

CREATE TABLE world_markups (
    frame_id   TEXT REFERENCES spatial_frames(id) ON DELETE CASCADE,
    capture_id TEXT NOT NULL REFERENCES captures(id) ON DELETE CASCADE,
    markup_id  TEXT NOT NULL,
    json       TEXT NOT NULL,
    PRIMARY KEY (capture_id, markup_id)
);
CREATE INDEX world_markups_frame ON world_markups(frame_id);

-- Edits made here, waiting to be pushed to the asset store, oldest first.
CREATE TABLE outbox (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    operation  TEXT NOT NULL,
    payload    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX outbox_entity ON outbox(entity, entity_id);
)sql";

// Version 2: stored media is immutable and named by its content; the
// manifest is also kept as a file beside its media (so that a damaged database
// can be rebuilt from the media folder); files written but perhaps not
// referenced by a committed record are journaled until they are collected.
const char *const kVersion2 = R"sql(
ALTER TABLE captures ADD COLUMN media_sha256 TEXT;  -- hex SHA-256 of the media bytes; NULL before version 2
ALTER TABLE captures ADD COLUMN manifest_path TEXT; -- workspace-relative; NULL before version 2
CREATE INDEX captures_media_path ON captures(media_path);
CREATE INDEX captures_manifest_path ON captures(manifest_path);

-- Workspace-relative paths of files that may not be referenced by any
-- record: written by an import before its commit, or replaced by it. Only a
-- holder of the workspace write lock adds or collects them (WorkspaceLock).
CREATE TABLE media_journal (
    path       TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
)sql";

// Version 3: assets are edited here. Every edit writes an audit row (who,
// when, field, old and new value) and an outbox entry carrying the values the
// edit started from (the base a sync merges against) and the ETag it was made
// against; outbox entries have a state. The capture list reads what it shows
// from columns, never by parsing manifests.
const char *const kVersion3 = R"sql(
ALTER TABLE assets ADD COLUMN etag TEXT NOT NULL DEFAULT '';      -- the store's @odata.etag; '' for a record made here
ALTER TABLE assets ADD COLUMN created_here INTEGER NOT NULL DEFAULT 0; -- 1 until the store confirmed a record made here

ALTER TABLE outbox ADD COLUMN base TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(base)); -- field -> value the edit started from
ALTER TABLE outbox ADD COLUMN base_etag TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN state TEXT NOT NULL DEFAULT 'queued'
    CHECK (state IN ('queued', 'sending', 'sent', 'conflict', 'refused'));
CREATE INDEX outbox_state ON outbox(state, seq);

-- Who changed what, for the History tab and the evidence trail. entity is
-- 'asset' or 'capture'; values are text as shown ('' for none).
CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    author     TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    field      TEXT NOT NULL,
    old_value  TEXT NOT NULL DEFAULT '',
    new_value  TEXT NOT NULL DEFAULT '',
    outbox_seq INTEGER
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, seq);

-- The tree pages children by name.
CREATE INDEX assets_parent_name ON assets(parent_id, name, id);

ALTER TABLE captures ADD COLUMN captured_by TEXT NOT NULL DEFAULT '';
ALTER TABLE captures ADD COLUMN media_file TEXT NOT NULL DEFAULT ''; -- file name as the manifest gave it
UPDATE captures SET
    captured_by = coalesce(json_extract(manifest_json, '$.capturedBy'), ''),
    media_file = coalesce(json_extract(manifest_json, '$.media.file'), '')
WHERE json_valid(manifest_json);
)sql";

// Version 4: asset tags and serial numbers are found by any part a person
// types ("01002" in "AT-001002", "1.1" in "ver1.1"): unicode61 splits them
// into words, so a trigram index on the tag answers substrings (of 3
// characters or more; shorter ones use the word index). It is written where
// asset_search is (AssetRepository), and kept on deletion here. Indexes for
// the browser's sorts and filters.
const char *const kVersion4 = R"sql(
CREATE VIRTUAL TABLE asset_tag_search USING fts5(tag, tokenize = 'trigram');
INSERT INTO asset_tag_search(rowid, tag) SELECT rid, asset_tag FROM assets WHERE asset_tag <> '';
CREATE TRIGGER assets_tag_search_delete AFTER DELETE ON assets BEGIN
    DELETE FROM asset_tag_search WHERE rowid = old.rid;
END;

CREATE INDEX assets_modified_id ON assets(modified_on, id);  -- sort: newest first
CREATE INDEX assets_state ON assets(state_code);               -- filter and facet: active / inactive
CREATE INDEX captures_review ON captures(review_status, asset_ref); -- filter and facet: review status
)sql";

// Version 5: markup is data of its own. One row per markup: image markup
// belongs to its capture; world markup to its capture's spatial frame (one row
// per frame and markup id, whichever captures carry it), or to its capture
// when the capture has no frame. `json` is the whole markup object as the
// manifest writes it (unknown fields survive); kind, space, geometry, style,
// text and times are copies of it for queries. `source_capture` is the
// capture the markup came with or was drawn on: its manifest carries it.
// `revision` is 1 as imported (or made) and grows with every edit made here;
// a row made or edited here is never replaced by an import. `deleted` keeps a deleted markup (and
// its revision) until the deletion has been pushed. World markup carried by
// several captures of a frame: the most recently captured one's version
// (then the greatest capture id) is the one kept (SL_MARKUP_FILL_SQL in
// store/markupfill.h is the same statement CaptureRepository runs on import).
const char *const kVersion5 = R"sql(
CREATE TABLE markups (
    rid            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL,
    capture_id     TEXT REFERENCES captures(id) ON DELETE CASCADE,
    frame_id       TEXT REFERENCES spatial_frames(id) ON DELETE CASCADE,
    source_capture TEXT NOT NULL,
    kind           TEXT NOT NULL,
    space          TEXT NOT NULL CHECK (space IN ('image', 'world')),
    geometry       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(geometry)), -- the points: [u, v] normalised 0..1 (image) or [x, y, z] metres (world)
    style          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(style)),    -- {"color": "#RRGGBB", "width": pixels at the media's full size}
    text           TEXT NOT NULL DEFAULT '',
    time_from      REAL,  -- seconds; NULL: from the start
    time_to        REAL,  -- seconds; NULL: to the end
    author         TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL DEFAULT '',
    modified_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    revision       INTEGER NOT NULL DEFAULT 1,
    deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    edited_here    INTEGER NOT NULL DEFAULT 0 CHECK (edited_here IN (0, 1)), -- made or changed here: an import never replaces it
    json           TEXT NOT NULL CHECK (json_valid(json)),
    owner          TEXT GENERATED ALWAYS AS (coalesce('frame:' || frame_id, 'capture:' || capture_id)) STORED,
    CHECK ((capture_id IS NULL) <> (frame_id IS NULL)),
    UNIQUE (owner, id)
);
CREATE INDEX markups_capture ON markups(capture_id);
CREATE INDEX markups_frame ON markups(frame_id);
CREATE INDEX markups_source ON markups(source_capture);
)sql"
    // Every capture's markups from its stored manifest, then the world
    // markup rows no manifest still carries; the old table goes.
    SL_MARKUP_FILL_SQL("1") R"sql(;
INSERT INTO markups(id, capture_id, frame_id, source_capture, kind, space, geometry, style, text,
                    time_from, time_to, author, created_at, json)
SELECT w.markup_id, CASE WHEN w.frame_id IS NULL THEN w.capture_id END, w.frame_id, w.capture_id,
       coalesce(json_extract(w.json, '$.kind'), ''), 'world',
       coalesce(json_extract(w.json, '$.points'), '[]'),
       json_object('color', json_extract(w.json, '$.color'), 'width', json_extract(w.json, '$.width')),
       coalesce(json_extract(w.json, '$.text'), ''), json_extract(w.json, '$.from'),
       json_extract(w.json, '$.to'), coalesce(json_extract(w.json, '$.author'), ''),
       coalesce(json_extract(w.json, '$.createdAt'), ''), w.json
FROM world_markups w WHERE json_valid(w.json) ORDER BY w.rowid
ON CONFLICT(owner, id) DO NOTHING;
DROP TABLE world_markups;
)sql";

// Version 6: sync with the asset store. Per table, where the last pull
// ended (the @odata.deltaLink, or the newest modifiedon seen where the store
// has no change tracking); and the fields of an outbox entry that changed
// both here and on the store (an entry in state 'conflict' keeps one row per
// such field, with the value each side has, until the user resolves it).
// And each capture's ETag of its attachment on the store: '' while the store
// is not known to have it (its first push creates it under the capture id).
const char *const kVersion6 = R"sql(
ALTER TABLE captures ADD COLUMN etag TEXT NOT NULL DEFAULT ''; -- the attachment's @odata.etag; '' when not known to be on the store
CREATE TABLE sync_state (
    entity_set    TEXT PRIMARY KEY NOT NULL,  -- e.g. 'msdyn_customerassets'
    delta_link    TEXT NOT NULL DEFAULT '',   -- absolute URL; '' when none
    last_modified TEXT NOT NULL DEFAULT '',   -- newest modifiedon pulled (ISO 8601), for polling
    tracked       INTEGER NOT NULL DEFAULT 1, -- 0: the store sent no delta link (deletions are not seen)
    pulled_at     TEXT NOT NULL DEFAULT ''    -- when the last pull ended (ISO 8601, UTC)
);
CREATE TABLE sync_conflicts (
    outbox_seq  INTEGER NOT NULL REFERENCES outbox(seq) ON DELETE CASCADE,
    field       TEXT NOT NULL,               -- outbox field key, e.g. 'name'
    base_value  TEXT NOT NULL DEFAULT 'null', -- JSON: what both sides started from
    mine        TEXT NOT NULL DEFAULT 'null', -- JSON: this workspace's value
    theirs      TEXT NOT NULL DEFAULT 'null', -- JSON: the store's value
    their_etag  TEXT NOT NULL DEFAULT '',     -- the store's ETag when the conflict was seen
    found_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (outbox_seq, field)
);
)sql";

// Version 7: the media cache. One row per capture whose media was
// downloaded from the asset store into the workspace's cache/ folder (the
// file named by the capture's id, never by the store's file name), with its
// size and when it was last used; and the assets kept available offline,
// whose files are never evicted.
const char *const kVersion7 = R"sql(
CREATE TABLE media_cache (
    capture_id TEXT PRIMARY KEY NOT NULL,
    asset_id   TEXT NOT NULL,
    file       TEXT NOT NULL,    -- workspace-relative, e.g. cache/<capture id>.jpg
    bytes      INTEGER NOT NULL, -- the file's size
    etag       TEXT NOT NULL DEFAULT '', -- the attachment's @odata.etag when downloaded: another means a newer file
    last_used  INTEGER NOT NULL  -- a use counter (greater: used later), the LRU order; not a time
);
CREATE INDEX media_cache_by_use ON media_cache(last_used);
CREATE INDEX media_cache_by_asset ON media_cache(asset_id);
CREATE TABLE offline_assets (
    asset_id TEXT PRIMARY KEY NOT NULL, -- "keep available offline": its cached media is never evicted
    since    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
)sql";

// Version 8: the search indexes keep no copy of the text (FTS5 external
// content): asset_search reads an asset's words from asset_search_source,
// asset_tag_search its tag from asset_tag_source. Writing a first pull's
// search rows took a third less (docs/SYNC-PERFORMANCE.md).
//
// FTS5 removes a row's entries by reading its text again, so an entry goes
// while the text is still the text it was made from (BEFORE triggers), and
// only where the row is indexed (a row in the table's _docsize); an entry is
// made only where none is. Inserted assets are indexed in bulk by
// AssetRepository (a trigger per row is ~3x slower); every change of an
// indexed column or of a lookup's name, by any writer, is followed here.
const char *const kVersion8 = R"sql(
DROP TRIGGER assets_search_delete;
DROP TRIGGER accounts_search_update;
DROP TRIGGER products_search_update;
DROP TRIGGER categories_search_update;
DROP TRIGGER accounts_search_delete;
DROP TRIGGER products_search_delete;
DROP TRIGGER categories_search_delete;
DROP TRIGGER assets_tag_search_delete;
DROP TABLE asset_search;
DROP TABLE asset_tag_search;

CREATE VIEW asset_search_source(rid, name, tag, account, product, category) AS
SELECT a.rid, a.name, a.asset_tag, coalesce(ac.name, ''), coalesce(p.name || ' ' || p.product_number, ''),
       coalesce(c.name, '')
FROM assets a
LEFT JOIN accounts ac ON ac.id = a.account_id
LEFT JOIN products p ON p.id = a.product_id
LEFT JOIN categories c ON c.id = a.category_id;
CREATE VIEW asset_tag_source(rid, tag) AS SELECT rid, asset_tag FROM assets WHERE asset_tag <> '';

CREATE VIRTUAL TABLE asset_search USING fts5(
    name, tag, account, product, category,
    content = 'asset_search_source', content_rowid = 'rid',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
CREATE VIRTUAL TABLE asset_tag_search USING fts5(
    tag, content = 'asset_tag_source', content_rowid = 'rid', tokenize = 'trigram');
INSERT INTO asset_search(asset_search) VALUES ('rebuild');
INSERT INTO asset_tag_search(asset_tag_search) VALUES ('rebuild');

CREATE TRIGGER assets_unindex BEFORE DELETE ON assets BEGIN
    DELETE FROM asset_search WHERE rowid = old.rid AND EXISTS (SELECT 1 FROM asset_search_docsize WHERE id = old.rid);
    DELETE FROM asset_tag_search WHERE rowid = old.rid AND EXISTS (SELECT 1 FROM asset_tag_search_docsize WHERE id = old.rid);
END;
CREATE TRIGGER assets_reindex_before BEFORE UPDATE OF name, asset_tag, account_id, product_id, category_id ON assets
WHEN (old.name COLLATE BINARY, old.asset_tag, old.account_id, old.product_id, old.category_id)
     IS NOT (new.name, new.asset_tag, new.account_id, new.product_id, new.category_id)
BEGIN
    DELETE FROM asset_search WHERE rowid = old.rid AND EXISTS (SELECT 1 FROM asset_search_docsize WHERE id = old.rid);
    DELETE FROM asset_tag_search WHERE rowid = old.rid AND old.asset_tag IS NOT new.asset_tag
        AND EXISTS (SELECT 1 FROM asset_tag_search_docsize WHERE id = old.rid);
END;
CREATE TRIGGER assets_reindex_after AFTER UPDATE OF name, asset_tag, account_id, product_id, category_id ON assets
WHEN (old.name COLLATE BINARY, old.asset_tag, old.account_id, old.product_id, old.category_id)
     IS NOT (new.name, new.asset_tag, new.account_id, new.product_id, new.category_id)
BEGIN
    INSERT INTO asset_search(rowid, name, tag, account, product, category)
    SELECT * FROM asset_search_source WHERE rid = new.rid
        AND NOT EXISTS (SELECT 1 FROM asset_search_docsize WHERE id = new.rid);
    INSERT INTO asset_tag_search(rowid, tag)
    SELECT * FROM asset_tag_source WHERE rid = new.rid
        AND NOT EXISTS (SELECT 1 FROM asset_tag_search_docsize WHERE id = new.rid);
END;
)sql"
// A lookup's name is in the search rows of its assets: they go before it
// changes or goes and come back after (a deleted lookup's assets read '':
// the foreign key sets their link to NULL, or, without foreign keys, the
// join finds nothing).
#define SL_LOOKUP_SEARCH_TRIGGERS(table, column, columns)                                                      \
    "CREATE TRIGGER " table "_unindex BEFORE UPDATE OF " columns " ON " table " BEGIN "                         \
    "DELETE FROM asset_search WHERE rowid IN (SELECT rid FROM assets WHERE " column " = old.id) "            \
    "AND EXISTS (SELECT 1 FROM asset_search_docsize WHERE id = asset_search.rowid); END; "                   \
    "CREATE TRIGGER " table "_reindex AFTER UPDATE OF " columns " ON " table " BEGIN "                          \
    "INSERT INTO asset_search(rowid, name, tag, account, product, category) SELECT * FROM asset_search_source " \
    "WHERE rid IN (SELECT rid FROM assets WHERE " column " = new.id) "                                        \
    "AND NOT EXISTS (SELECT 1 FROM asset_search_docsize WHERE id = asset_search_source.rid); END; "           \
    "CREATE TRIGGER " table "_unindex_deleted BEFORE DELETE ON " table " BEGIN "                                \
    "DELETE FROM asset_search WHERE rowid IN (SELECT rid FROM assets WHERE " column " = old.id) "            \
    "AND EXISTS (SELECT 1 FROM asset_search_docsize WHERE id = asset_search.rowid); END; "                   \
    "CREATE TRIGGER " table "_reindex_deleted AFTER DELETE ON " table " BEGIN "                                 \
    "INSERT INTO asset_search(rowid, name, tag, account, product, category) SELECT * FROM asset_search_source " \
    "WHERE rid IN (SELECT rid FROM assets WHERE " column " = old.id) "                                        \
    "AND NOT EXISTS (SELECT 1 FROM asset_search_docsize WHERE id = asset_search_source.rid); END; "
    SL_LOOKUP_SEARCH_TRIGGERS("accounts", "account_id", "name")
    SL_LOOKUP_SEARCH_TRIGGERS("products", "product_id", "name, product_number")
    SL_LOOKUP_SEARCH_TRIGGERS("categories", "category_id", "name");
#undef SL_LOOKUP_SEARCH_TRIGGERS

// Append new versions here; never edit a released one.
const char *const kMigrations[] = {kVersion1, kVersion2, kVersion3, kVersion4,
                                   kVersion5, kVersion6, kVersion7, kVersion8};

} // namespace

int Migrations::latestVersion()
{
    return int(std::size(kMigrations));
}

void Migrations::run(Database &db)
{
    runTo(db, latestVersion());
}

void Migrations::runTo(Database &db, int target)
{
    const int current = db.userVersion();
    const int latest = latestVersion();
    if (current > latest) {
        throw StoreError(
            QCoreApplication::translate(
                "sl::Migrations",
                "The workspace %1 was written by a newer version of Sightline (schema version %2; "
                "this version understands up to %3). Update Sightline to open it.")
                .arg(db.path())
                .arg(current)
                .arg(latest));
    }
    for (int version = current + 1; version <= std::min(target, latest); ++version) {
        Transaction transaction(db);
        // Another connection may have migrated meanwhile: re-read under the lock.
        if (db.userVersion() >= version)
            continue;
        db.exec(QString::fromUtf8(kMigrations[version - 1]));
        db.setUserVersion(version);
        transaction.commit();
        qCInfo(lcStore) << "migrated" << db.path() << "to schema version" << version;
    }
}

} // namespace sl
