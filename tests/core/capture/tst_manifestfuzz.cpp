#include "capture/manifestreader.h"
#include "capture/manifestwriter.h"

#include "manifesttestutil.h"

#include <QtTest>

#include <random>

using namespace sl;

// Deterministic random mutations and truncations of valid manifests: the
// reader never crashes, and either refuses with a message naming the file or
// accepts a manifest that writes and reads back unchanged.
class TestManifestFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void byteMutations_data();
    void byteMutations();
    void structuralMutations_data();
    void structuralMutations();
};

namespace {

constexpr int kByteRounds = 2500;
constexpr int kStructuralRounds = 2000;

const char *const kTokens[] = {"{", "}", "[", "]", ",", ":", "\"", "null", "true", "-", "1e999", "-0", "0",
                               "1e308", "\"x\"", "[]", "{}", "\\u0000", "\xc3\x28", "\"t\": 0,", "9999999999"};

struct Outcome
{
    int accepted = 0;
    int refused = 0;
};

// Checks one input; returns a failure description or an empty string.
QString check(const QByteArray &bytes, const QString &name, Outcome *outcome)
{
    const ManifestResult result = ManifestReader::parse(bytes, name);
    if (const auto *error = std::get_if<ManifestError>(&result)) {
        ++outcome->refused;
        if (!error->message().startsWith(name + QStringLiteral(": ")) || error->reason.isEmpty())
            return QStringLiteral("bad message: ") + error->message();
        return QString();
    }
    ++outcome->accepted;
    const CaptureManifest &m = std::get<CaptureManifest>(result);
    const QByteArray written = ManifestWriter::toBytes(m);
    const ManifestResult again = ManifestReader::parse(written, name);
    if (const auto *error = std::get_if<ManifestError>(&again))
        return QStringLiteral("accepted, but its written form is refused: ") + error->message();
    const QString difference = test::manifestDifference(m, std::get<CaptureManifest>(again));
    if (!difference.isEmpty())
        return QStringLiteral("round trip changed ") + difference;
    return QString();
}

QByteArray mutateBytes(QByteArray bytes, std::mt19937 &rng)
{
    const auto pick = [&rng](qsizetype n) { return qsizetype(std::uniform_int_distribution<qsizetype>(0, std::max<qsizetype>(0, n - 1))(rng)); };
    const int edits = 1 + int(rng() % 3);
    for (int e = 0; e < edits && !bytes.isEmpty(); ++e) {
        const qsizetype at = pick(bytes.size());
        switch (rng() % 6) {
        case 0: bytes[at] = char(rng() % 256); break;
        case 1: bytes.remove(at, 1 + pick(16)); break;
        case 2: bytes.insert(at, kTokens[rng() % std::size(kTokens)]); break;
        case 3: bytes.truncate(at); break;
        case 4: bytes.insert(at, bytes.mid(pick(bytes.size()), 1 + pick(64))); break;
        default: { // swap a digit for another: keeps the JSON valid more often
            const qsizetype digit = bytes.indexOf(QByteArray::number(int(rng() % 10)), at);
            if (digit >= 0)
                bytes[digit] = char('0' + rng() % 10);
        }
        }
    }
    return bytes;
}

QJsonValue randomValue(std::mt19937 &rng)
{
    switch (rng() % 12) {
    case 0: return QJsonValue();
    case 1: return bool(rng() % 2);
    case 2: return double(int(rng() % 7) - 3);
    case 3: return std::uniform_real_distribution<double>(-1e6, 1e6)(rng);
    case 4: return QStringLiteral("opengl");
    case 5: return QStringLiteral("#A0B1C2");
    case 6: return QString();
    case 7: return QJsonArray{0.1, 0.2};
    case 8: return QJsonArray{0.1, 0.2, 0.3};
    case 9: return QJsonArray{0, 0, 0, 1};
    case 10: return QJsonObject{{QStringLiteral("t"), 0.5}};
    default: return QJsonValue(QJsonValue::Undefined); // remove
    }
}

// A random path to an existing value of the document.
QString randomPath(const QJsonValue &root, std::mt19937 &rng)
{
    QString path;
    QJsonValue node = root;
    while (true) {
        const bool stop = !path.isEmpty() && rng() % 3 == 0;
        if (node.isObject() && !node.toObject().isEmpty() && !stop) {
            const QStringList keys = node.toObject().keys();
            const QString key = keys.at(qsizetype(rng() % keys.size()));
            path += (path.isEmpty() ? QString() : QStringLiteral(".")) + key;
            node = node.toObject().value(key);
        } else if (node.isArray() && !node.toArray().isEmpty() && !stop) {
            const qsizetype i = qsizetype(rng() % node.toArray().size());
            path += QStringLiteral("[%1]").arg(i);
            node = node.toArray().at(i);
        } else {
            return path;
        }
    }
}

// Checks `rounds` inputs made by mutate(rng) from a seeded generator; both
// outcomes must occur, so that the checks were not vacuous.
template <typename Mutate>
void fuzz(const QString &name, uint seed, int rounds, Mutate mutate)
{
    std::mt19937 rng(seed);
    Outcome outcome;
    for (int round = 0; round < rounds; ++round) {
        const QString failure = check(mutate(rng), name, &outcome);
        QVERIFY2(failure.isEmpty(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(failure)));
    }
    qInfo("%d accepted, %d refused", outcome.accepted, outcome.refused);
    QVERIFY(outcome.accepted > 0);
    QVERIFY(outcome.refused > 0);
}

void addSampleRows()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<uint>("seed");
    QTest::newRow("video") << QStringLiteral("video.capture.json") << 20261120u;
    QTest::newRow("photo") << QStringLiteral("photo.capture.json") << 4032u;
}

} // namespace

void TestManifestFuzz::byteMutations_data()
{
    addSampleRows();
}

void TestManifestFuzz::byteMutations()
{
    QFETCH(QString, name);
    QFETCH(uint, seed);
    const QByteArray original = test::manifestBytes(name);
    fuzz(name, seed, kByteRounds, [&](std::mt19937 &rng) { return mutateBytes(original, rng); });
}

void TestManifestFuzz::structuralMutations_data()
{
    addSampleRows();
}

void TestManifestFuzz::structuralMutations()
{
    QFETCH(QString, name);
    QFETCH(uint, seed);
    const QJsonObject original = test::manifestObject(name);
    fuzz(name, seed, kStructuralRounds, [&](std::mt19937 &rng) {
        QJsonObject json = original;
        const int edits = 1 + int(rng() % 3);
        for (int e = 0; e < edits; ++e) {
            const QString path = randomPath(json, rng);
            if (!path.isEmpty())
                json = test::withValue(json, path, randomValue(rng));
        }
        return test::toBytes(json);
    });
}

QTEST_GUILESS_MAIN(TestManifestFuzz)
#include "tst_manifestfuzz.moc"
