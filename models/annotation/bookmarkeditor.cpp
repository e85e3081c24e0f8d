#include "annotation/bookmarkeditor.h"

#include "capture/bookmarkreader.h"
#include "capture/jsonfieldreader.h"
#include "capture/manifestwriter.h"
#include "editing/asseteditor.h"
#include "editing/capturechanges.h"
#include "editing/changelog.h"
#include "store/capturerepository.h"
#include "store/currentmanifest.h"
#include "store/database.h"

#include <QJsonArray>

#include <algorithm>

namespace sl {

BookmarkEditor::BookmarkEditor(Database &db) : m_db(db) {}

QString BookmarkEditor::summary(const Bookmark &bookmark)
{
    return QStringLiteral("\u201C%1\u201D %2\u2013%3 s (%4)")
        .arg(bookmark.name)
        .arg(bookmark.from, 0, 'f', 3)
        .arg(bookmark.to, 0, 'f', 3)
        .arg(bookmark.id);
}

std::vector<Bookmark> BookmarkEditor::put(const QString &captureId, const Bookmark &bookmark, const QString &author)
{
    const QString at = AssetEditor::nowText();
    return write(captureId, author, [&](std::vector<Bookmark> &bookmarks, QString *before, QString *after) {
        Bookmark written = bookmark;
        const auto existing = std::find_if(bookmarks.begin(), bookmarks.end(),
                                           [&](const Bookmark &b) { return b.id == bookmark.id; });
        if (existing != bookmarks.end()) {
            *before = summary(*existing);
            *existing = written;
        } else {
            if (written.author.isEmpty())
                written.author = author;
            if (written.createdAt.isEmpty())
                written.createdAt = at;
            bookmarks.push_back(written);
        }
        *after = summary(written);
        return true;
    });
}

std::vector<Bookmark> BookmarkEditor::remove(const QString &captureId, const QString &bookmarkId, const QString &author)
{
    return write(captureId, author, [&](std::vector<Bookmark> &bookmarks, QString *before, QString *) {
        const auto existing = std::find_if(bookmarks.begin(), bookmarks.end(),
                                           [&](const Bookmark &b) { return b.id == bookmarkId; });
        if (existing == bookmarks.end())
            return false;
        *before = summary(*existing);
        bookmarks.erase(existing);
        return true;
    });
}

std::vector<Bookmark> BookmarkEditor::write(const QString &captureId, const QString &author, const Change &change)
{
    const QString at = AssetEditor::nowText();
    Transaction transaction(m_db);
    CaptureRepository captures(m_db);
    std::optional<CaptureRecord> record = captures.byId(captureId);
    if (!record)
        throw StoreError(tr("No capture with id %1").arg(captureId));
    if (!record->manifestError.isEmpty())
        throw StoreError(tr("The stored manifest of capture %1 no longer reads (%2): its bookmarks cannot be changed.")
                             .arg(captureId, record->manifestError));

    QString beforeText;
    QString afterText;
    if (!change(record->manifest.bookmarks, &beforeText, &afterText))
        return record->manifest.bookmarks;
    // The manifest must stay within a capture's limits, or a reader would
    // refuse what is stored and pushed: the reader's own checks.
    QJsonArray written;
    for (const Bookmark &b : record->manifest.bookmarks)
        written.append(ManifestWriter::bookmarkToJson(b));
    JsonFieldReader reader(QStringLiteral("%1.capture.json").arg(captureId));
    std::vector<Bookmark> check;
    if (!BookmarkReader::read(written, reader, &check))
        throw StoreError(reader.error().message());

    const std::optional<QString> manifestBefore = CurrentManifest::jsonOf(m_db, captureId);
    captures.replaceManifest(captureId, record->manifest);
    const std::optional<QString> manifestAfter = CurrentManifest::jsonOf(m_db, captureId);

    RecordChange recorded = CaptureChanges::make(captureId);
    RecordFieldChange manifest;
    manifest.key = CaptureChanges::kManifestColumn;
    manifest.oldValue = manifestBefore.value_or(QString());
    manifest.newValue = manifestAfter.value_or(QString());
    manifest.audited = false; // the audit row below says what changed
    recorded.fields.push_back(manifest);
    RecordFieldChange audited;
    audited.key = QStringLiteral("bookmark");
    audited.oldText = beforeText;
    audited.newText = afterText;
    audited.sent = false; // the manifest above carries it
    recorded.fields.push_back(audited);
    ChangeLog(m_db).record(recorded, author, at);
    transaction.commit();
    return check;
}

} // namespace sl
