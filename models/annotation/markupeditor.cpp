#include "annotation/markupeditor.h"

#include "capture/jsonfieldreader.h"
#include "capture/manifestwriter.h"
#include "capture/markupreader.h"
#include "editing/asseteditor.h"
#include "editing/capturechanges.h"
#include "editing/changelog.h"
#include "store/currentmanifest.h"
#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sl {

MarkupEditor::MarkupEditor(Database &db) : m_db(db) {}

QString MarkupEditor::summary(const Markup &markup)
{
    const qsizetype points =
        markup.space == MarkupSpace::World ? qsizetype(markup.worldPoints.size()) : qsizetype(markup.imagePoints.size());
    QString text = tr("%1 %2: %n point(s), %3, %4 px", nullptr, int(points))
                       .arg(markupKindName(markup.kind), markup.id, markup.color.name(QColor::HexRgb).toUpper())
                       .arg(markup.width);
    if (!markup.text.isEmpty())
        text += QStringLiteral(", \u201C%1\u201D").arg(markup.text);
    return text;
}

StoredMarkup MarkupEditor::apply(const MarkupEdit &edit)
{
    const QString at = AssetEditor::nowText();
    MarkupRepository markups(m_db);
    Transaction transaction(m_db);
    const std::optional<StoredMarkup> before = markups.findIn(edit.captureId, edit.markup.id);
    // The capture whose manifest carries the markup: the one it came with.
    const QString carrier = before ? before->sourceCapture : edit.captureId;
    const std::optional<QString> manifestBefore = CurrentManifest::jsonOf(m_db, carrier);

    const StoredMarkup stored = markups.write(edit.captureId, edit.markup, edit.deleted, at);
    const std::optional<CaptureManifest> after = CurrentManifest::of(m_db, carrier);
    if (!after)
        throw StoreError(tr("No capture with id %1 to carry markup %2").arg(carrier, edit.markup.id));
    // The manifest must stay within a capture's limits (markups, points,
    // text: common/inputlimits.h), or a reader would refuse what is pushed.
    QJsonArray carried;
    for (const Markup &m : after->markups)
        carried.append(ManifestWriter::markupToJson(m));
    JsonFieldReader reader(QStringLiteral("%1.capture.json").arg(carrier));
    std::vector<Markup> check;
    if (!MarkupReader::read(carried, reader, &check))
        throw StoreError(reader.error().message());
    const std::optional<QString> manifestAfter =
        QString::fromUtf8(QJsonDocument(ManifestWriter::toJson(*after)).toJson(QJsonDocument::Compact));

    RecordChange change = CaptureChanges::make(carrier);
    RecordFieldChange manifest;
    manifest.key = CaptureChanges::kManifestColumn;
    manifest.oldValue = manifestBefore.value_or(QString());
    manifest.newValue = *manifestAfter;
    manifest.audited = false; // the audit row below says what changed
    change.fields.push_back(manifest);
    RecordFieldChange audited;
    audited.key = QStringLiteral("markup");
    audited.oldText = before && !before->deleted ? summary(before->markup) : QString();
    audited.newText = edit.deleted ? QString() : summary(edit.markup);
    audited.sent = false; // the manifest above carries it
    change.fields.push_back(audited);
    ChangeLog(m_db).record(change, edit.author, at);
    transaction.commit();
    return stored;
}

} // namespace sl
