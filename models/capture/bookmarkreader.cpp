#include "capture/bookmarkreader.h"

#include "capture/jsonfieldreader.h"
#include "common/inputlimits.h"

#include <QCoreApplication>
#include <QHash>

namespace sl {

bool BookmarkReader::read(const QJsonArray &array, JsonFieldReader &reader, std::vector<Bookmark> *out)
{
    const QString parent = QStringLiteral("bookmarks");
    if (array.size() > limits::kBookmarksPerCapture)
        return reader.fail(parent, QCoreApplication::translate("sl::ManifestReader",
                                                               "%1 bookmarks; the limit is %2 per capture")
                                       .arg(array.size())
                                       .arg(limits::kBookmarksPerCapture));
    std::vector<Bookmark> bookmarks;
    bookmarks.reserve(size_t(array.size()));
    QHash<QString, qsizetype> seen;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = JsonFieldReader::element(parent, i);
        Bookmark bookmark;
        if (!readOne(array.at(i), path, reader, &bookmark))
            return false;
        const auto previous = seen.constFind(bookmark.id);
        if (previous != seen.constEnd())
            return reader.fail(JsonFieldReader::member(path, QStringLiteral("id")),
                               QCoreApplication::translate("sl::ManifestReader", "\"%1\" is already the id of bookmarks[%2]")
                                   .arg(bookmark.id)
                                   .arg(*previous));
        seen.insert(bookmark.id, i);
        bookmarks.push_back(std::move(bookmark));
    }
    *out = std::move(bookmarks);
    return true;
}

bool BookmarkReader::readOne(const QJsonValue &value, const QString &path, JsonFieldReader &reader, Bookmark *out)
{
    if (!value.isObject())
        return reader.fail(path, QCoreApplication::translate("sl::ManifestReader", "must be an object"));
    const QJsonObject o = value.toObject();
    out->raw = o;
    std::optional<double> from;
    std::optional<double> to;
    if (!reader.readNonEmptyString(o, QStringLiteral("id"), path, &out->id)
        || !reader.readNonEmptyString(o, QStringLiteral("name"), path, &out->name)
        || !reader.readNumber(o, QStringLiteral("from"), path, true, &from)
        || !reader.readNumber(o, QStringLiteral("to"), path, true, &to)
        || !reader.readString(o, QStringLiteral("author"), path, false, &out->author)
        || !reader.readString(o, QStringLiteral("createdAt"), path, false, &out->createdAt))
        return false;
    if (out->name.size() > limits::kBookmarkNameLength)
        return reader.fail(JsonFieldReader::member(path, QStringLiteral("name")),
                           QCoreApplication::translate("sl::ManifestReader", "%1 characters; the limit is %2 characters")
                               .arg(out->name.size())
                               .arg(limits::kBookmarkNameLength));
    if (*from < 0)
        return reader.fail(JsonFieldReader::member(path, QStringLiteral("from")),
                           QCoreApplication::translate("sl::ManifestReader", "%1 is before the start of the media")
                               .arg(*from));
    if (*to < *from)
        return reader.fail(JsonFieldReader::member(path, QStringLiteral("to")),
                           QCoreApplication::translate("sl::ManifestReader", "%1 is before \"from\" (%2)")
                               .arg(*to)
                               .arg(*from));
    out->from = *from;
    out->to = *to;
    return true;
}

} // namespace sl
