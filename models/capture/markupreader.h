#pragma once

#include "capture/markup.h"

#include <QJsonArray>

#include <vector>

namespace sl {

class JsonFieldReader;

// Reads and validates a manifest's "markups" array (CAPTURE-FORMAT.md
// "markups"): unique ids, known kinds and spaces, points of the right
// dimension and count, colours, widths and time bounds, and the limits of
// common/inputlimits.h on counts, widths and text.
class MarkupReader
{
public:
    // False with the error recorded in `reader` on the first invalid markup.
    static bool read(const QJsonArray &array, JsonFieldReader &reader, std::vector<Markup> *out);

private:
    // The limits on markups and points (common/inputlimits.h), from the
    // arrays' sizes before anything is converted.
    static bool checkCounts(const QJsonArray &array, JsonFieldReader &reader);
    static bool readOne(const QJsonValue &value, const QString &path, JsonFieldReader &reader, Markup *out);
    static bool readPoints(const QJsonObject &object, const QString &path, JsonFieldReader &reader, Markup *out);
    static bool readStyle(const QJsonObject &object, const QString &path, JsonFieldReader &reader, Markup *out);
};

} // namespace sl
