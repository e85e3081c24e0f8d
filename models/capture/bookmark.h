#pragma once

#include <QJsonObject>
#include <QString>

namespace sl {

// A named time range of a video capture ("loose flange 0:12–0:19"),
// CAPTURE-FORMAT.md "bookmarks". It travels in the capture's manifest, so
// it is stored, exported and pushed with the capture.
struct Bookmark
{
    QString id;        // unique within the capture
    QString name;      // what the reviewer called it; never empty
    double from = 0;   // seconds from the media's start
    double to = 0;     // seconds, at least `from`; equal for a single moment
    QString author;
    QString createdAt; // ISO 8601, kept as written
    QJsonObject raw;   // the object as read: unknown fields survive a round trip

    bool contains(double seconds) const { return seconds >= from && seconds <= to; }
};

} // namespace sl
