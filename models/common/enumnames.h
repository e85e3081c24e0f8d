#pragma once

#include <QString>

#include <array>
#include <cstddef>
#include <optional>
#include <utility>

namespace sl {

// A fixed table of enum values and the names a file format or the store
// writes for them (e.g. "arrow" for MarkupKind::Arrow). enumName() and
// enumFromName() read it both ways, so each mapping is written once.
template <typename Enum, std::size_t N>
using EnumNames = std::array<std::pair<Enum, const char *>, N>;

// The name of `value`; empty when the table lacks it.
template <typename Enum, std::size_t N>
QString enumName(const EnumNames<Enum, N> &table, Enum value)
{
    for (const auto &[e, name] : table) {
        if (e == value)
            return QString::fromLatin1(name);
    }
    return QString();
}

// The value whose name is exactly `name` (case-sensitive); nullopt when none is.
template <typename Enum, std::size_t N>
std::optional<Enum> enumFromName(const EnumNames<Enum, N> &table, const QString &name)
{
    for (const auto &[e, n] : table) {
        if (name == QLatin1String(n))
            return e;
    }
    return std::nullopt;
}

} // namespace sl
