#pragma once

#include "capture/capturemanifest.h"
#include "domain/capturerecord.h"

#include <QCoreApplication>
#include <QString>

namespace sl {

// User-facing wording shared by several widgets: review states, media types,
// media times and capture dates, all translated.
class UiText
{
    Q_DECLARE_TR_FUNCTIONS(UiText)
public:
    static QString reviewStatus(ReviewStatus status);
    static QString mediaType(MediaType type);
    // Seconds of media time as "mm:ss.zzz" ("hh:mm:ss.zzz" from one hour on).
    static QString mediaTime(double seconds);
    // "1 asset", "2,400 assets" (numbers in the user's locale).
    static QString assets(int count);
    static QString matchingAssets(int count);
    static QString captures(int count);
    // An ISO 8601 capture time in the user's locale (short format); the raw text if it does not parse.
    static QString captureDate(const QString &iso);
};

} // namespace sl
