#include "capture/jsonfieldreader.h"

#include <QCoreApplication>

#include <cmath>

namespace sl {

namespace {

// Large enough for any real sensor, small enough that width * height fits.
constexpr double kMaxImageSide = 1 << 20;

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QCoreApplication::translate("sl::ManifestReader", "null");
    case QJsonValue::Bool: return QCoreApplication::translate("sl::ManifestReader", "a boolean");
    case QJsonValue::Double: return QCoreApplication::translate("sl::ManifestReader", "a number");
    case QJsonValue::String: return QCoreApplication::translate("sl::ManifestReader", "a string");
    case QJsonValue::Array: return QCoreApplication::translate("sl::ManifestReader", "an array");
    case QJsonValue::Object: return QCoreApplication::translate("sl::ManifestReader", "an object");
    case QJsonValue::Undefined: break;
    }
    return QCoreApplication::translate("sl::ManifestReader", "undefined");
}

QString wrongType(const char *expected, const QJsonValue &value)
{
    // expected is one of the fixed words below, translated as a whole phrase.
    return QCoreApplication::translate("sl::ManifestReader", "must be %1, not %2")
        .arg(QCoreApplication::translate("sl::ManifestReader", expected), jsonTypeName(value));
}

QString isRequired()
{
    return QCoreApplication::translate("sl::ManifestReader", "is required");
}

// The shared part of the typed readers: object[key], when present and of
// `type`, converted into *out; an absent optional field leaves *out untouched.
template <typename T, typename Convert>
bool readTyped(JsonFieldReader &r, const QJsonObject &object, const QString &key, const QString &parent,
               bool required, QJsonValue::Type type, const char *expected, Convert convert, T *out)
{
    const QString path = JsonFieldReader::member(parent, key);
    if (!JsonFieldReader::has(object, key))
        return !required || r.fail(path, isRequired());
    const QJsonValue v = object.value(key);
    if (v.type() != type)
        return r.fail(path, wrongType(expected, v));
    *out = convert(v);
    return true;
}

} // namespace

bool JsonFieldReader::fail(const QString &path, const QString &reason)
{
    if (!m_error)
        m_error = ManifestError{m_fileName, path, reason};
    return false;
}

QString JsonFieldReader::member(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : QString(parent + QLatin1Char('.') + key);
}

QString JsonFieldReader::element(const QString &parent, qsizetype index)
{
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

bool JsonFieldReader::has(const QJsonObject &object, const QString &key)
{
    const QJsonValue v = object.value(key);
    return !v.isUndefined() && !v.isNull();
}

bool JsonFieldReader::readString(const QJsonObject &object, const QString &key, const QString &parent,
                                 bool required, QString *out)
{
    return readTyped(*this, object, key, parent, required, QJsonValue::String,
                     QT_TRANSLATE_NOOP("sl::ManifestReader", "a string"),
                     [](const QJsonValue &v) { return v.toString(); }, out);
}

bool JsonFieldReader::readNonEmptyString(const QJsonObject &object, const QString &key, const QString &parent,
                                         QString *out)
{
    if (!readString(object, key, parent, true, out))
        return false;
    if (out->trimmed().isEmpty())
        return fail(member(parent, key), QCoreApplication::translate("sl::ManifestReader", "must not be empty"));
    return true;
}

bool JsonFieldReader::readNumber(const QJsonObject &object, const QString &key, const QString &parent,
                                 bool required, std::optional<double> *out)
{
    const QString path = member(parent, key);
    if (!has(object, key))
        return !required || fail(path, isRequired());
    double d = 0;
    if (!toNumber(object.value(key), path, &d))
        return false;
    *out = d;
    return true;
}

bool JsonFieldReader::readPositive(const QJsonObject &object, const QString &key, const QString &parent, double *out)
{
    std::optional<double> d;
    if (!readNumber(object, key, parent, true, &d))
        return false;
    if (!(*d > 0))
        return fail(member(parent, key),
                    QCoreApplication::translate("sl::ManifestReader", "must be positive, not %1").arg(*d));
    *out = *d;
    return true;
}

bool JsonFieldReader::readPositiveInt(const QJsonObject &object, const QString &key, const QString &parent, int *out)
{
    std::optional<double> d;
    if (!readNumber(object, key, parent, true, &d))
        return false;
    if (!(*d > 0) || std::floor(*d) != *d || *d > kMaxImageSide)
        return fail(member(parent, key),
                    QCoreApplication::translate("sl::ManifestReader", "must be a positive whole number of pixels, not %1")
                        .arg(*d));
    *out = int(*d);
    return true;
}

bool JsonFieldReader::readObject(const QJsonObject &object, const QString &key, const QString &parent,
                                 bool required, QJsonObject *out)
{
    return readTyped(*this, object, key, parent, required, QJsonValue::Object,
                     QT_TRANSLATE_NOOP("sl::ManifestReader", "an object"),
                     [](const QJsonValue &v) { return v.toObject(); }, out);
}

bool JsonFieldReader::readArray(const QJsonObject &object, const QString &key, const QString &parent,
                                bool required, QJsonArray *out)
{
    return readTyped(*this, object, key, parent, required, QJsonValue::Array,
                     QT_TRANSLATE_NOOP("sl::ManifestReader", "an array"),
                     [](const QJsonValue &v) { return v.toArray(); }, out);
}

bool JsonFieldReader::toNumber(const QJsonValue &value, const QString &path, double *out)
{
    if (!value.isDouble())
        return fail(path, wrongType(QT_TRANSLATE_NOOP("sl::ManifestReader", "a number"), value));
    const double d = value.toDouble();
    if (!std::isfinite(d))
        return fail(path, QCoreApplication::translate("sl::ManifestReader", "is not a finite number"));
    *out = d;
    return true;
}

bool JsonFieldReader::toNumbers(const QJsonValue &value, const QString &path, std::vector<double> *out)
{
    if (!value.isArray())
        return fail(path, wrongType(QT_TRANSLATE_NOOP("sl::ManifestReader", "an array of numbers"), value));
    const QJsonArray array = value.toArray();
    out->clear();
    out->reserve(size_t(array.size()));
    for (qsizetype i = 0; i < array.size(); ++i) {
        double d = 0;
        if (!toNumber(array.at(i), element(path, i), &d))
            return false;
        out->push_back(d);
    }
    return true;
}

} // namespace sl
