#pragma once

#include <QtGlobal>

// The limits a reader of captures enforces, each with a clear error at the
// limit (docs/CAPTURE-FORMAT.md, "Limits"). They bound the memory and time a
// small input can cost: every check happens before the work it guards.
namespace sl::limits {

// Manifest file size, bytes. A 60-minute video posed at 60 Hz is ~30 MB.
inline constexpr qint64 kManifestBytes = 64LL * 1024 * 1024;
// Markups in one manifest.
inline constexpr int kMarkupsPerCapture = 10'000;
// Points of one markup (a 60 Hz ink stroke of 2.5 minutes).
inline constexpr int kPointsPerMarkup = 10'000;
// Points of all markups of one manifest together.
inline constexpr int kPointsPerCapture = 100'000;
// A markup's line width, pixels at the media's full size.
inline constexpr double kMarkupWidth = 256.0;
// A text label, characters (UTF-16 code units): a note, not a document.
inline constexpr int kTextLength = 500;
// Text of all markups of one manifest together, characters: what a frame's
// labels can cost to draw (each character is an outline with a halo).
inline constexpr int kTextPerCapture = 5'000;
// Bookmarks (named time ranges) of one capture, and a bookmark's name in
// characters (UTF-16 code units).
inline constexpr int kBookmarksPerCapture = 1'000;
inline constexpr int kBookmarkNameLength = 200;
// Decoded image or video frame: each side, and the area, in pixels. Checked
// from the file's header before any pixel is decoded. 16384 covers 8K video
// and 108-megapixel phone photos (12032 x 9024).
inline constexpr int kImageSide = 16'384;
inline constexpr qint64 kImagePixels = 120'000'000;

} // namespace sl::limits

// The limits of a CSV file read by CsvReader (the asset import).
namespace sl::limits {

// File size, bytes: a million assets of the import template are ~150 MB.
inline constexpr qint64 kCsvBytes = 256LL * 1024 * 1024;
// Data rows (after the header).
inline constexpr int kCsvRows = 1'000'000;
// Columns of one row.
inline constexpr int kCsvColumns = 256;
// One field, characters (UTF-16 code units).
inline constexpr int kCsvFieldChars = 32'768;

} // namespace sl::limits

// The timeline's thumbnail cache on disk (ThumbnailCache).
namespace sl::limits {

// Bytes of cached thumbnails kept; past it the least recently written go
// first. 256 MiB holds ~40,000 thumbnails of 90 px (~6 KiB as JPEG):
// the strips of a few thousand videos.
inline constexpr qint64 kThumbnailCacheBytes = 256LL * 1024 * 1024;
// Thumbnails in one strip, and a thumbnail's height in pixels.
inline constexpr int kThumbnailsPerStrip = 400;
inline constexpr int kThumbnailHeight = 512;
// Polls between two id sweeps of a table without change tracking (the
// sync's --id-sweep-every and setting sync/idSweepEveryPolls): at most.
inline constexpr int kIdSweepEveryPolls = 1'000;

} // namespace sl::limits
