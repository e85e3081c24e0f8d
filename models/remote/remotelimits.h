#pragma once

#include <QtGlobal>

// The limits the asset store client enforces on what a server sends, each
// with a clear error at the limit. They bound the memory and time a broken
// or hostile server can cost; every check happens before the work it guards.
namespace sl::limits {

// One response body, bytes; the transport stops reading past it. A page of
// 5,000 customer assets with Sightline's columns is about 3 MB.
inline constexpr qint64 kResponseBytes = 64LL * 1024 * 1024;
// Rows (changed plus deleted) in one page: Dataverse's own maximum page size.
inline constexpr int kRowsPerPage = 5'000;
// The page size a client may ask for with Prefer: odata.maxpagesize.
inline constexpr int kMaxPageSize = 5'000;
// A nextLink or deltaLink, characters (a skip token is ~1 KB).
inline constexpr int kLinkLength = 16 * 1024;
// Pages of one paged read: 50 million rows at the largest page size; a
// server that never stops paging is refused here.
inline constexpr int kPagesPerRead = 10'000;
// Requests in one $batch: Dataverse's own maximum (a batch cannot hold
// another batch).
inline constexpr int kBatchRequests = 1'000;
// One $batch answer, bytes: 1,000 parts of an update answer (204, a few
// headers, ~400 bytes each) or of an OData error (~1 KB each) fit with
// ample room; a larger answer is refused before it is parsed.
inline constexpr qint64 kBatchResponseBytes = 16LL * 1024 * 1024;
// Retry-After the client honours, seconds; a larger value is clamped.
inline constexpr int kRetryAfterSeconds = 3'600;

// Media (ASSET-STORE.md, "Media"). Dataverse sizes its columns in KB of
// 1,024 bytes: an image column holds at most 10,240 KB, Remote Assist's
// file column 32,768 KB by default. A file over its column's limit is
// refused before anything is sent.
inline constexpr qint64 kImageColumnBytes = 10'240LL * 1024;
inline constexpr qint64 kFileColumnBytes = 32'768LL * 1024;
// Chunk size of an upload, bytes: the store says it (x-ms-chunk-size,
// 4 MB on Dataverse); a value outside these bounds is clamped.
inline constexpr qint64 kMinUploadChunkBytes = 64LL * 1024;
inline constexpr qint64 kMaxUploadChunkBytes = 16LL * 1024 * 1024;
// Bytes asked for by one Range request of a download: what a cut costs at
// most, and what one response holds in memory.
inline constexpr qint64 kDownloadChunkBytes = 4LL * 1024 * 1024;
// The largest media file a download takes (a file column's own limit is
// configurable on the store; past this a store is not believed).
inline constexpr qint64 kDownloadBytes = 1024LL * 1024 * 1024;
// The media cache's default size cap, bytes: past it the least recently
// used files go first (never those of an asset kept available offline).
inline constexpr qint64 kMediaCacheBytes = 2LL * 1024 * 1024 * 1024;

} // namespace sl::limits
