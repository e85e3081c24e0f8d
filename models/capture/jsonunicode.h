#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace sl {

class JsonFieldReader;

// Invalid Unicode in a manifest, named by the field it is in.
//
// Qt's JSON parser refuses bytes that are not UTF-8 but reports only a byte
// offset, and it keeps a "\ud800" escape without its partner as a lone
// UTF-16 surrogate in the QString (no error, no U+FFFD). Neither is text that
// can be shown, stored or written back, so the reader refuses both.
class JsonUnicode
{
public:
    // Where a byte offset of a JSON text lies: the JSON path of the string
    // that holds it ("markups[3].text"), and whether that string is an
    // object's key (then `path` is the object's path). Only the bytes before
    // `offset` are read; they must be the start of a JSON document.
    struct Location
    {
        QString path;
        bool inKey = false;
    };
    static Location locate(const QByteArray &json, qsizetype offset);

    // False, with the error recorded in `reader`, at the first string (key or
    // value) under `value` that holds a lone surrogate; `path` is value's own.
    static bool checkStrings(const QJsonValue &value, const QString &path, JsonFieldReader &reader);

    // Index of the first unpaired UTF-16 surrogate in `text`, or -1.
    static qsizetype loneSurrogate(const QString &text);
};

} // namespace sl
