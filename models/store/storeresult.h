#pragma once

#include <QString>

#include <optional>

namespace sl {

// What a store job gives back: its value, or the user-facing reason it failed.
template<class T>
struct StoreResult
{
    std::optional<T> value;
    QString error;
    bool ok() const { return value.has_value(); }
};

} // namespace sl
