#pragma once

#include "domain/asset.h"

#include <QJsonObject>

namespace sl {

// The one mapping between the asset store's columns (ASSET-STORE.md) and
// Sightline's records: rows read from the store into Asset, Account,
// Product and Category; a customer asset row into the outbox's field keys
// (editing/assetfield.h: "name", "assetTag", "account", ...) for a merge;
// and an outbox payload into the body of a write, lookups bound through
// their navigation properties.
class StoreColumns
{
public:
    // GUIDs lower case without braces; a missing lookup is empty.
    static Asset assetFromRow(const QJsonObject &row);
    static Account accountFromRow(const QJsonObject &row);
    static Product productFromRow(const QJsonObject &row);
    static Category categoryFromRow(const QJsonObject &row);
    // A key or lookup as the store writes it, lower case without braces;
    // empty when it is no GUID (or the nil one).
    static QString guidText(const QString &text);

    // The outbox field keys with the row's values (references as ids, null
    // for none), to compare with an entry's base and payload.
    static QJsonObject assetFieldValues(const QJsonObject &row);
    // Sets the fields of `asset` that `values` (outbox field keys) name.
    static void applyFieldValues(Asset &asset, const QJsonObject &values);
    // The columns of a write carrying `payload` (outbox field keys); keys
    // the store does not know are left out.
    static QJsonObject assetWriteBody(const QJsonObject &payload);
};

} // namespace sl
