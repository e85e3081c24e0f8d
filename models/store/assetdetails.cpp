#include "store/assetdetails.h"

#include "capture/manifestwriter.h"
#include "store/assetrepository.h"
#include "store/capturerepository.h"
#include "store/database.h"
#include "store/markuprepository.h"
#include "store/mediacache.h"
#include "store/workspace.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>

namespace sl {

namespace {

QByteArray viewBasisOf(const CaptureManifest &manifest, const QString &mediaPath)
{
    // The manifest as written, but its markup, bookmarks and poses; the
    // poses as their numbers (a long video has 100,000 of them: written as
    // JSON they would cost more than the read itself).
    CaptureManifest basis = manifest;
    basis.markups.clear();
    basis.bookmarks.clear();
    basis.poses.clear();
    QCryptographicHash digest(QCryptographicHash::Sha256);
    digest.addData(QJsonDocument(ManifestWriter::toJson(basis)).toJson(QJsonDocument::Compact));
    std::vector<double> numbers;
    numbers.reserve(manifest.poses.size() * 8);
    for (const ManifestPose &p : manifest.poses)
        numbers.insert(numbers.end(), {p.t, p.pose.position[0], p.pose.position[1], p.pose.position[2],
                                       p.pose.rotation.x, p.pose.rotation.y, p.pose.rotation.z, p.pose.rotation.w});
    digest.addData(QByteArrayView(reinterpret_cast<const char *>(numbers.data()),
                                  qsizetype(numbers.size() * sizeof(double))));
    const QFileInfo file(mediaPath);
    digest.addData(QStringLiteral("\n%1\n%2 %3")
                       .arg(mediaPath)
                       .arg(file.exists() ? file.size() : -1)
                       .arg(file.exists() ? file.lastModified().toMSecsSinceEpoch() : 0)
                       .toUtf8());
    return digest.result();
}

} // namespace

std::optional<AssetDetails> AssetDetails::read(Workspace &workspace, const QString &assetId)
{
    // One snapshot: the parts agree even while another process writes.
    Transaction snapshot(workspace.database(), Transaction::Read);
    std::optional<Asset> asset = workspace.assets().byId(assetId);
    if (!asset)
        return std::nullopt;
    AssetDetails details;
    details.asset = std::move(*asset);
    details.ancestors = workspace.assets().ancestors(assetId);
    details.children = workspace.assets().children(assetId, {}, kMaxChildrenListed);
    details.childCount = details.children.size() < size_t(kMaxChildrenListed)
                             ? int(details.children.size())
                             : workspace.assets().childCount(assetId);
    for (CaptureRecord &record : workspace.captures().summariesForAsset(assetId)) {
        const QString path = workspace.absoluteMediaPath(record.mediaPath);
        details.captures.push_back({std::move(record), path});
    }
    details.history = AuditRepository(workspace.database())
                          .history(QStringLiteral("asset"), assetId, kMaxHistoryListed);
    snapshot.commit();
    return details;
}

std::optional<CaptureOpening> CaptureOpening::read(Workspace &workspace, const QString &captureId)
{
    Transaction snapshot(workspace.database(), Transaction::Read);
    std::optional<CaptureRecord> record = workspace.captures().byId(captureId);
    if (!record)
        return std::nullopt;
    CaptureOpening opening;
    // The one rule for what a capture shows (MarkupRepository::visibleIn):
    // image markup goes with the manifest, world markup beside it.
    record->manifest.markups.clear();
    for (Markup &markup : MarkupRepository(workspace.database()).visibleIn(captureId)) {
        if (markup.space == MarkupSpace::World)
            opening.worldMarkups.push_back(std::move(markup));
        else
            record->manifest.markups.push_back(std::move(markup));
    }
    opening.mediaPath = workspace.absoluteMediaPath(record->mediaPath);
    opening.mediaToFetch = MediaCache::isCachePath(record->mediaPath) && !QFileInfo::exists(opening.mediaPath);
    opening.record = std::move(*record);
    snapshot.commit();
    return opening;
}

std::optional<CaptureOpening> CaptureOpening::readForView(Workspace &workspace, const QString &captureId)
{
    std::optional<CaptureOpening> opening = read(workspace, captureId);
    if (opening)
        opening->viewBasis = viewBasisOf(opening->record.manifest, opening->mediaPath);
    return opening;
}

} // namespace sl
