#pragma once

#include "capture/manifesterror.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace sl {

// Typed, validated access to the fields of a manifest's JSON: every read
// checks the type (and that numbers are finite: QJsonDocument turns 1e999
// into infinity) and records the first failure as a ManifestError naming the
// file, the field's JSON path (e.g. "poses[3].rotation") and why.
// JSON null counts as absent.
class JsonFieldReader
{
public:
    explicit JsonFieldReader(QString fileName) : m_fileName(std::move(fileName)) {}

    bool failed() const { return m_error.has_value(); }
    ManifestError error() const { return m_error.value_or(ManifestError{m_fileName, {}, {}}); }
    const QString &fileName() const { return m_fileName; }
    // Records a failure (only the first one is kept); always returns false.
    bool fail(const QString &path, const QString &reason);

    // "parent.key" (or "key" at the top level) and "parent[i]".
    static QString member(const QString &parent, const QString &key);
    static QString element(const QString &parent, qsizetype index);

    static bool has(const QJsonObject &object, const QString &key);

    // Each returns false after recording an error. An absent optional field
    // leaves *out untouched and returns true; an absent required one fails.
    bool readString(const QJsonObject &object, const QString &key, const QString &parent, bool required, QString *out);
    bool readNonEmptyString(const QJsonObject &object, const QString &key, const QString &parent, QString *out);
    bool readNumber(const QJsonObject &object, const QString &key, const QString &parent, bool required, std::optional<double> *out);
    bool readPositive(const QJsonObject &object, const QString &key, const QString &parent, double *out);
    bool readPositiveInt(const QJsonObject &object, const QString &key, const QString &parent, int *out);
    bool readObject(const QJsonObject &object, const QString &key, const QString &parent, bool required, QJsonObject *out);
    bool readArray(const QJsonObject &object, const QString &key, const QString &parent, bool required, QJsonArray *out);

    // A value that must be a finite number, or an array of finite numbers.
    bool toNumber(const QJsonValue &value, const QString &path, double *out);
    bool toNumbers(const QJsonValue &value, const QString &path, std::vector<double> *out);

private:
    QString m_fileName;
    std::optional<ManifestError> m_error;
};

} // namespace sl
