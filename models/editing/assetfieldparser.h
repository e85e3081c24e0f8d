#pragma once

#include "editing/assetedit.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace sl {

class AssetReferenceResolver;

// Reads `field=value` arguments into an AssetEdit: name, tag, account,
// product, category, parent (an id, or a name matched case-insensitively;
// an empty value clears the reference), latitude, longitude (degrees, C
// locale numbers). It parses and resolves; the rules are AssetValidator's.
class AssetFieldParser
{
    Q_DECLARE_TR_FUNCTIONS(AssetFieldParser)
public:
    // nullopt with *error set (one line naming the argument) on an unknown
    // field, a field given twice, a missing '=', a number that is not one,
    // or a reference that matches no record or several.
    static std::optional<AssetEdit> parse(const QStringList &arguments, AssetReferenceResolver &references,
                                          QString *error);
    // The field names parse() knows, for messages and help.
    static QStringList fieldNames();
    // A number in the C locale ("47.6", "-122.3", "1e-3"); nullopt when the
    // text is not one.
    static std::optional<double> parseNumber(const QString &text);
};

} // namespace sl
