#pragma once

#include "editing/asseteditor.h"

#include <QString>
#include <QStringList>

namespace sl {

class Database;

// One edit as a person asks for it, in `field=value` form (the form the CLI
// takes, and the form the edit dialog sends its changed fields in): parsed
// and resolved by AssetFieldParser, then saved by AssetEditor. The one path
// from what was typed to a stored edit.
struct AssetEditRequest
{
    QString assetId;         // empty: create a new asset
    QStringList assignments; // "name=Pump 7", "account=Contoso", "latitude=47.6", ...

    // Runs on the calling thread's connection. A parse or resolve failure
    // comes back Refused with its reason.
    AssetEditOutcome apply(Database &db, const QString &author) const;
};

} // namespace sl
