#include "editing/asseteditrequest.h"

#include "editing/assetfieldparser.h"
#include "editing/assetreferenceresolver.h"
#include "store/database.h"

namespace sl {

AssetEditOutcome AssetEditRequest::apply(Database &db, const QString &author) const
{
    AssetEditOutcome refused;
    refused.assetId = assetId;
    QString error;
    std::optional<AssetEdit> edit;
    try {
        AssetReferenceResolver references(db);
        edit = AssetFieldParser::parse(assignments, references, &error);
    } catch (const StoreError &storeError) {
        error = storeError.message();
    }
    if (!edit) {
        refused.problems.append(error);
        return refused;
    }
    AssetEditor editor(db);
    return assetId.isEmpty() ? editor.create(*edit, author) : editor.update(assetId, *edit, author);
}

} // namespace sl
