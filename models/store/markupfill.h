#pragma once

// The one statement that files a manifest's markups as rows of `markups`
// (see the schema's version 5 in migrations.cpp): for every capture matching
// `scope` (an SQL condition on `c`, the captures row, and `m`, one element
// of its manifest's "markups"), in the order the captures were captured.
// Image markup belongs to its capture; world markup to the capture's spatial
// frame (to the capture itself when it has none). A world markup that
// several captures of a frame carry is kept in the version of the most
// recently captured one (then the greatest capture id): a version replaces
// the row only when its capture is not older than the row's source, so the
// captures may be filed in any order. A row made, edited or deleted here
// (edited_here) is never replaced.
//
// The schema migration to version 5 runs it over every capture, and
// MarkupRepository::fileFromManifest over the capture an import stores (and
// over its frames' other captures only for the shared markup it no longer
// carries); if the rule ever changes, freeze a copy of the old text in the
// migration.
#define SL_MARKUP_FILL_SQL(scope)                                                                            \
    "INSERT INTO markups(id, capture_id, frame_id, source_capture, kind, space, geometry, style, text, "     \
    "time_from, time_to, author, created_at, json) "                                                         \
    "SELECT json_extract(m.value, '$.id'), "                                                                 \
    "CASE WHEN json_extract(m.value, '$.space') = 'world' AND c.spatial_frame IS NOT NULL THEN NULL "        \
    "ELSE c.id END, "                                                                                        \
    "CASE WHEN json_extract(m.value, '$.space') = 'world' THEN c.spatial_frame END, "                        \
    "c.id, coalesce(json_extract(m.value, '$.kind'), ''), json_extract(m.value, '$.space'), "                \
    "coalesce(json_extract(m.value, '$.points'), '[]'), "                                                    \
    "json_object('color', json_extract(m.value, '$.color'), 'width', json_extract(m.value, '$.width')), "    \
    "coalesce(json_extract(m.value, '$.text'), ''), json_extract(m.value, '$.from'), "                       \
    "json_extract(m.value, '$.to'), coalesce(json_extract(m.value, '$.author'), ''), "                       \
    "coalesce(json_extract(m.value, '$.createdAt'), ''), m.value "                                           \
    "FROM captures c, json_each(CASE WHEN json_valid(c.manifest_json) THEN c.manifest_json ELSE '{}' END, "  \
    "'$.markups') m "                                                                                       \
    "WHERE json_type(m.value) = 'object' AND json_type(m.value, '$.id') = 'text' "                          \
    "AND json_extract(m.value, '$.space') IN ('image', 'world') AND (" scope ") "                           \
    "ORDER BY c.captured_at, c.id, m.key "                                                                   \
    "ON CONFLICT(owner, id) DO UPDATE SET source_capture = excluded.source_capture, kind = excluded.kind, "  \
    "geometry = excluded.geometry, style = excluded.style, text = excluded.text, "                          \
    "time_from = excluded.time_from, time_to = excluded.time_to, author = excluded.author, "                \
    "created_at = excluded.created_at, json = excluded.json, "                                               \
    "modified_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "                                                   \
    "WHERE markups.edited_here = 0 AND NOT EXISTS (SELECT 1 FROM captures kept WHERE kept.id = "               \
    "markups.source_capture AND (kept.captured_at, kept.id) > "                                              \
    "(SELECT newer.captured_at, newer.id FROM captures newer WHERE newer.id = excluded.source_capture))"
