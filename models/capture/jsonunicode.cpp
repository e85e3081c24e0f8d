#include "capture/jsonunicode.h"

#include "capture/jsonfieldreader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <vector>

namespace sl {

namespace {

// One open object or array while scanning JSON text.
struct Scope
{
    bool array = false;
    qsizetype index = 0; // array: the element being read
    QString key;         // object: the member being read
    bool expectKey = true;
};

QString pathOf(const std::vector<Scope> &scopes, bool excludeLastKey)
{
    QString path;
    for (size_t i = 0; i < scopes.size(); ++i) {
        const Scope &s = scopes[i];
        if (s.array)
            path = JsonFieldReader::element(path, s.index);
        else if (!(excludeLastKey && i + 1 == scopes.size()))
            path = JsonFieldReader::member(path, s.key);
    }
    return path;
}

// "\ud800", what the manifest's author wrote.
QString escaped(QChar c)
{
    return QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
}

} // namespace

JsonUnicode::Location JsonUnicode::locate(const QByteArray &json, qsizetype offset)
{
    std::vector<Scope> scopes;
    offset = std::min(offset, json.size());
    for (qsizetype i = 0; i < offset; ++i) {
        const char c = json[i];
        switch (c) {
        case '{':
            scopes.push_back(Scope{});
            break;
        case '[':
            scopes.push_back(Scope{true, 0, {}, false});
            break;
        case '}':
        case ']':
            if (!scopes.empty())
                scopes.pop_back();
            break;
        case ',':
            if (!scopes.empty()) {
                Scope &s = scopes.back();
                if (s.array)
                    ++s.index;
                else
                    s.expectKey = true;
            }
            break;
        case ':':
            if (!scopes.empty())
                scopes.back().expectKey = false;
            break;
        case '"': {
            const bool isKey = !scopes.empty() && !scopes.back().array && scopes.back().expectKey;
            qsizetype end = i + 1;
            while (end < json.size() && json[end] != '"')
                end += json[end] == '\\' ? 2 : 1;
            if (end >= offset) // the offset is inside this string
                return {pathOf(scopes, isKey), isKey};
            if (isKey) // escapes are left as written: keys of a manifest are plain words
                scopes.back().key = QString::fromUtf8(json.mid(i + 1, end - i - 1));
            i = end;
            break;
        }
        default:
            break; // white space, numbers, true, false, null
        }
    }
    return {pathOf(scopes, false), false};
}

qsizetype JsonUnicode::loneSurrogate(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i; // a pair: one character outside the Basic Multilingual Plane
        else if (c.isSurrogate())
            return i;
    }
    return -1;
}

bool JsonUnicode::checkStrings(const QJsonValue &value, const QString &path, JsonFieldReader &reader)
{
    switch (value.type()) {
    case QJsonValue::String: {
        const QString text = value.toString();
        const qsizetype at = loneSurrogate(text);
        if (at < 0)
            return true;
        return reader.fail(path, QCoreApplication::translate("sl::ManifestReader",
                                                             "is not valid Unicode: a lone surrogate %1 at character %2")
                                     .arg(escaped(text.at(at)))
                                     .arg(at));
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!checkStrings(array.at(i), JsonFieldReader::element(path, i), reader))
                return false;
        }
        return true;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const qsizetype at = loneSurrogate(it.key());
            if (at >= 0)
                return reader.fail(path, QCoreApplication::translate("sl::ManifestReader",
                                                                     "a key is not valid Unicode: a lone surrogate %1 at character %2")
                                             .arg(escaped(it.key().at(at)))
                                             .arg(at));
            if (!checkStrings(it.value(), JsonFieldReader::member(path, it.key()), reader))
                return false;
        }
        return true;
    }
    default:
        return true;
    }
}

} // namespace sl
