#include "editing/assetfieldparser.h"

#include "editing/assetreferenceresolver.h"

#include <QLocale>

#include <array>
#include <utility>

namespace sl {

namespace {

// Argument names as a user types them, and the fields they set.
constexpr std::array<std::pair<const char *, AssetField>, 8> kFields{{
    {"name", AssetField::Name},
    {"tag", AssetField::AssetTag},
    {"account", AssetField::Account},
    {"product", AssetField::Product},
    {"category", AssetField::Category},
    {"parent", AssetField::Parent},
    {"latitude", AssetField::Latitude},
    {"longitude", AssetField::Longitude},
}};

std::optional<AssetField> fieldNamed(const QString &name)
{
    for (const auto &[text, field] : kFields) {
        if (name.compare(QLatin1String(text), Qt::CaseInsensitive) == 0)
            return field;
    }
    return std::nullopt;
}

} // namespace

QStringList AssetFieldParser::fieldNames()
{
    QStringList names;
    for (const auto &entry : kFields)
        names.append(QLatin1String(entry.first));
    return names;
}

std::optional<double> AssetFieldParser::parseNumber(const QString &text)
{
    bool ok = false;
    const double value = QLocale::c().toDouble(text.trimmed(), &ok);
    if (!ok)
        return std::nullopt;
    return value;
}

std::optional<AssetEdit> AssetFieldParser::parse(const QStringList &arguments, AssetReferenceResolver &references,
                                                 QString *error)
{
    const auto failWith = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    AssetEdit edit;
    unsigned seen = 0; // bit (1 << field): given already
    for (const QString &argument : arguments) {
        const qsizetype equals = argument.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return failWith(tr("'%1' is not field=value (fields: %2)")
                                .arg(argument, fieldNames().join(QStringLiteral(", "))));
        const QString name = argument.left(equals).trimmed();
        const QString value = argument.mid(equals + 1);
        const std::optional<AssetField> field = fieldNamed(name);
        if (!field)
            return failWith(tr("unknown field '%1' (fields: %2)").arg(name, fieldNames().join(QStringLiteral(", "))));
        const unsigned bit = 1u << unsigned(*field);
        if (seen & bit)
            return failWith(tr("the field '%1' is given twice").arg(name));
        seen |= bit;

        switch (*field) {
        case AssetField::Name:
            edit.name = value;
            break;
        case AssetField::AssetTag:
            edit.assetTag = value;
            break;
        case AssetField::Latitude:
        case AssetField::Longitude: {
            const std::optional<double> number = parseNumber(value);
            if (!number)
                return failWith(tr("%1: '%2' is not a number (degrees, with a decimal point)")
                                    .arg(assetFieldLabel(*field), value));
            (*field == AssetField::Latitude ? edit.latitude : edit.longitude) = *number;
            break;
        }
        default: {
            QString reason;
            const std::optional<QString> id = references.resolve(*field, value, &reason);
            if (!id)
                return failWith(reason);
            *edit.referenceSlot(*field) = *id;
            break;
        }
        }
    }
    return edit;
}

} // namespace sl
