// libFuzzer target: CsvReader::parse on arbitrary bytes.
// Properties beyond "no crash, no leak, no undefined behaviour":
// - success and an error exclude each other; an error names the source;
// - every record has as many fields as the header, rows increase;
// - what was read, written back with CsvWriter and read again, is the same
//   table (the reader and the writer agree on quoting).

#include "editing/csvreader.h"
#include "editing/csvwriter.h"
#include "fuzzcheck.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace {

const QString kSource = QStringLiteral("fuzz.csv");

QByteArray written(const sl::CsvTable &table)
{
    QByteArray bytes = sl::CsvWriter::record(table.header);
    for (const sl::CsvRecord &record : table.records)
        bytes += sl::CsvWriter::record(record.fields);
    return bytes;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<sl::CsvTable> table = sl::CsvReader::parse(bytes, kSource, &error);
    if (!table) {
        SL_FUZZ_CHECK(!error.isEmpty());
        SL_FUZZ_CHECK(error.startsWith(kSource));
        return 0;
    }
    int previousRow = 1;
    for (const sl::CsvRecord &record : table->records) {
        SL_FUZZ_CHECK(record.fields.size() == table->header.size());
        SL_FUZZ_CHECK(record.row > previousRow);
        previousRow = record.row;
    }
    QString again;
    const std::optional<sl::CsvTable> reread = sl::CsvReader::parse(written(*table), kSource, &again);
    SL_FUZZ_CHECK(reread.has_value());
    SL_FUZZ_CHECK(reread->header == table->header);
    SL_FUZZ_CHECK(reread->records.size() == table->records.size());
    for (size_t i = 0; i < table->records.size(); ++i)
        SL_FUZZ_CHECK(reread->records[i].fields == table->records[i].fields);
    return 0;
}
