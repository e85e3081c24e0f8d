// libFuzzer target: MarkupReader::read on the "markups" array of an
// arbitrary JSON document (bytes that are not a JSON object with such an
// array are skipped: ManifestReader's own target covers them).
// Properties beyond "no crash, no leak, no undefined behaviour":
// - success and a recorded error exclude each other;
// - on success every element became one markup, with the points its space
//   asks for; on failure the error names the file and a field under markups.

#include "capture/jsonfieldreader.h"
#include "capture/markupreader.h"
#include "fuzzcheck.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

namespace {

const QString kFileName = QStringLiteral("fuzz.capture.json");

void checkAccepted(const QJsonArray &array, const std::vector<sl::Markup> &markups)
{
    SL_FUZZ_CHECK(markups.size() == size_t(array.size()));
    for (const sl::Markup &markup : markups) {
        SL_FUZZ_CHECK(!markup.id.isEmpty());
        const bool world = markup.space == sl::MarkupSpace::World;
        SL_FUZZ_CHECK(world ? markup.imagePoints.empty() : markup.worldPoints.empty());
        SL_FUZZ_CHECK(!(world ? markup.worldPoints.empty() : markup.imagePoints.empty()));
        SL_FUZZ_CHECK(markup.width > 0);
        SL_FUZZ_CHECK(!(markup.from && markup.to) || *markup.from <= *markup.to);
    }
}

void checkRefused(const sl::JsonFieldReader &reader)
{
    SL_FUZZ_CHECK(reader.failed());
    const sl::ManifestError error = reader.error();
    SL_FUZZ_CHECK(error.file == kFileName);
    SL_FUZZ_CHECK(error.field.startsWith(QLatin1String("markups[")));
    SL_FUZZ_CHECK(!error.reason.isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    const QJsonValue markupsValue = document.object().value(QStringLiteral("markups"));
    if (!markupsValue.isArray())
        return -1; // not added to the corpus
    const QJsonArray array = markupsValue.toArray();

    sl::JsonFieldReader reader(kFileName);
    std::vector<sl::Markup> markups;
    if (sl::MarkupReader::read(array, reader, &markups)) {
        SL_FUZZ_CHECK(!reader.failed());
        checkAccepted(array, markups);
    } else {
        checkRefused(reader);
    }
    return 0;
}
