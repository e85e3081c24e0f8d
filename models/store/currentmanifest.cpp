#include "store/currentmanifest.h"

#include "capture/manifestwriter.h"
#include "store/capturerepository.h"
#include "store/markuprepository.h"

#include <QJsonDocument>

namespace sl {

std::optional<CaptureManifest> CurrentManifest::of(Database &db, const QString &captureId)
{
    std::optional<CaptureRecord> record = CaptureRepository(db).byId(captureId);
    if (!record)
        return std::nullopt;
    record->manifest.markups = MarkupRepository(db).carriedBy(captureId);
    return std::move(record->manifest);
}

std::optional<QString> CurrentManifest::jsonOf(Database &db, const QString &captureId)
{
    const std::optional<CaptureManifest> manifest = of(db, captureId);
    if (!manifest)
        return std::nullopt;
    return QString::fromUtf8(QJsonDocument(ManifestWriter::toJson(*manifest)).toJson(QJsonDocument::Compact));
}

} // namespace sl
