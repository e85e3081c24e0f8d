// libFuzzer target: ManifestReader::parse on arbitrary bytes.
// Properties beyond "no crash, no leak, no undefined behaviour":
// - a refusal names the file given and says why;
// - an accepted manifest, written back by ManifestWriter, reads again as the
//   same capture (what Sightline stores, it can read: nothing is lost).

#include "capture/manifestreader.h"
#include "capture/manifestwriter.h"
#include "fuzzcheck.h"

#include <QByteArray>
#include <QLoggingCategory>

#include <cstddef>
#include <cstdint>

namespace {

const QString kFileName = QStringLiteral("fuzz.capture.json");

void checkRefusal(const sl::ManifestError &error)
{
    SL_FUZZ_CHECK(error.file == kFileName);
    SL_FUZZ_CHECK(!error.reason.isEmpty());
    SL_FUZZ_CHECK(error.message().contains(kFileName));
}

void checkRoundTrip(const sl::CaptureManifest &manifest)
{
    const QByteArray written = sl::ManifestWriter::toBytes(manifest);
    const sl::ManifestResult again = sl::ManifestReader::parse(written, kFileName);
    if (const auto *error = std::get_if<sl::ManifestError>(&again)) {
        std::fprintf(stderr, "written manifest refused: %s\n", qPrintable(error->message()));
        SL_FUZZ_CHECK(!"a manifest written by ManifestWriter reads again");
    }
    const auto &reread = std::get<sl::CaptureManifest>(again);
    SL_FUZZ_CHECK(reread.id == manifest.id);
    SL_FUZZ_CHECK(reread.mediaFile == manifest.mediaFile);
    SL_FUZZ_CHECK(reread.mediaType == manifest.mediaType);
    SL_FUZZ_CHECK(reread.poses.size() == manifest.poses.size());
    SL_FUZZ_CHECK(reread.markups.size() == manifest.markups.size());
    for (size_t i = 0; i < manifest.markups.size(); ++i)
        SL_FUZZ_CHECK(reread.markups[i].id == manifest.markups[i].id);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // Refusals are logged at debug level: keep the run's output to libFuzzer's own.
    QLoggingCategory::setFilterRules(QStringLiteral("sightline.*.debug=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const sl::ManifestResult result = sl::ManifestReader::parse(bytes, kFileName);
    if (const auto *error = std::get_if<sl::ManifestError>(&result))
        checkRefusal(*error);
    else
        checkRoundTrip(std::get<sl::CaptureManifest>(result));
    return 0;
}
