// libFuzzer target: a page of assets read by AssetPageParser (simdjson) and
// by the general reading (ODataPageParser, then StoreColumns), on arbitrary
// bytes. Properties beyond "no crash, no leak, no undefined behaviour":
// - where both accept the page, they read the same assets, ETags, deleted
//   rows and links;
// - success and an error exclude each other, for both;
// - the fast reader never accepts what the general one refuses, and refuses
//   what the general one accepts only as invalid JSON (simdjson is the
//   stricter reader: e.g. an unpaired surrogate escape, an integer beyond
//   64 bits), never for a reason of its own.

#include "../support/assetpagecomparison.h"
#include "fuzzcheck.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QUrl request(QStringLiteral("https://org.crm.dynamics.com/api/data/v9.2/msdyn_customerassets"));
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const sl::test::PageReadings read = sl::test::readBothWays(bytes, request);
    SL_FUZZ_CHECK(read.generalOk == read.generalError.isEmpty());
    SL_FUZZ_CHECK(read.fastOk == read.fastError.isEmpty());
    if (read.fastOk)
        SL_FUZZ_CHECK(read.generalOk);
    if (read.generalOk && !read.fastOk)
        SL_FUZZ_CHECK(read.fastError.startsWith(QLatin1String("not valid JSON")));
    if (read.generalOk && read.fastOk) {
        const QString why = sl::test::differenceOf(read);
        if (!why.isEmpty())
            std::fprintf(stderr, "%s\n", qPrintable(why));
        SL_FUZZ_CHECK(why.isEmpty());
    }
    return 0;
}
