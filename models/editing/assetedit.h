#pragma once

#include "editing/assetfield.h"

#include <QJsonValue>
#include <QString>

#include <optional>
#include <vector>

namespace sl {

struct Asset;
class AssetReferenceResolver;

// One field of one asset changed by an edit: the values for the outbox
// (JSON: ids for references, numbers for coordinates) and the text the audit
// log shows (display names, not GUIDs).
struct FieldChange
{
    AssetField field = AssetField::Name;
    QJsonValue oldValue;
    QJsonValue newValue;
    QString oldText;
    QString newText;
};

// The fields an edit sets; a field left unset keeps its value. References
// are ids; an empty id clears the reference. Coordinates in degrees, WGS 84.
struct AssetEdit
{
    std::optional<QString> name;
    std::optional<QString> assetTag;
    std::optional<QString> accountId;
    std::optional<QString> productId;
    std::optional<QString> categoryId;
    std::optional<QString> parentId;
    std::optional<double> latitude;
    std::optional<double> longitude;

    bool isEmpty() const;
    // The id field of a reference (account, product, category, parent);
    // null for a field that is not a reference.
    std::optional<QString> *referenceSlot(AssetField field);
    // Name and tag trimmed (what is stored and what is validated).
    AssetEdit normalised() const;
    // Sets the edited fields on `asset` (ids only: names of references are
    // the caller's).
    void applyTo(Asset &asset) const;
    // The fields whose value differs from `before`, in AssetField order;
    // `names` gives the display names of references for the audit log.
    std::vector<FieldChange> changesFrom(const Asset &before, AssetReferenceResolver &names) const;
};

} // namespace sl
