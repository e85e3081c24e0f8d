// CsvReader: RFC 4180 as spreadsheets write it, and every way a file is refused.
#include "editing/csvreader.h"

#include <QTest>

using namespace sl;

namespace {

// "row:line:field|field|..." per record, joined by " / ".
QString describe(const CsvTable &table)
{
    QStringList records;
    for (const CsvRecord &record : table.records)
        records.append(QStringLiteral("%1:%2:%3").arg(record.row).arg(record.line).arg(record.fields.join(QLatin1Char('|'))));
    return records.join(QStringLiteral(" / "));
}

} // namespace

class tst_CsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reads_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("records");
        QTest::newRow("LF") << QByteArray("Name,Tag\nPump,P-1\nValve,V-2\n") << "Name|Tag"
                            << "2:2:Pump|P-1 / 3:3:Valve|V-2";
        QTest::newRow("CRLF") << QByteArray("Name,Tag\r\nPump,P-1\r\nValve,V-2\r\n") << "Name|Tag"
                              << "2:2:Pump|P-1 / 3:3:Valve|V-2";
        QTest::newRow("no line break at the end") << QByteArray("Name,Tag\nPump,P-1") << "Name|Tag" << "2:2:Pump|P-1";
        QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBFName,Tag\nPump,P-1\n") << "Name|Tag" << "2:2:Pump|P-1";
        QTest::newRow("quoted comma") << QByteArray("Name,Tag\n\"Pump, north\",P-1\n") << "Name|Tag"
                                      << "2:2:Pump, north|P-1";
        QTest::newRow("doubled quotes") << QByteArray("Name,Tag\n\"12\"\" pipe\",\"\"\n") << "Name|Tag"
                                        << "2:2:12\" pipe|";
        QTest::newRow("embedded newline: one row, two lines")
            << QByteArray("Name,Tag\r\n\"Pump\r\nnorth\",P-1\r\nValve,V-2\r\n") << "Name|Tag"
            << "2:2:Pump\nnorth|P-1 / 3:4:Valve|V-2";
        // The fuzzer's find: CR CR LF inside quotes read as CR + LF, which
        // a second read turned into one LF. Every break in a field is LF.
        QTest::newRow("lone CR and CR CR LF inside quotes")
            << QByteArray("Name\n\"a\r\rb\r\r\nc\"\nNext\n") << "Name"
            << "2:2:a\n\nb\n\nc / 3:7:Next";
        QTest::newRow("blank rows skipped but counted") << QByteArray("Name,Tag\n\nPump,P-1\n,\nValve,\n")
                                                        << "Name|Tag" << "3:3:Pump|P-1 / 5:5:Valve|";
        QTest::newRow("missing trailing fields are empty") << QByteArray("Name,Tag,Account\nPump\n")
                                                           << "Name|Tag|Account" << "2:2:Pump||";
        QTest::newRow("UTF-8 text") << QByteArray("Name\n\xC3\x96lpumpe \xE2\x80\x93 S\xC3\xBC" "d\n") << "Name"
                                    << QString::fromUtf8("2:2:Ölpumpe – Süd");
        QTest::newRow("header only") << QByteArray("Name,Tag\n") << "Name|Tag" << "";
    }

    void reads()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, header);
        QFETCH(QString, records);
        QString error;
        const std::optional<CsvTable> table = CsvReader::parse(bytes, QStringLiteral("in.csv"), &error);
        QVERIFY2(table, qPrintable(error));
        QCOMPARE(table->header.join(QLatin1Char('|')), header);
        QCOMPARE(describe(*table), records);
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::newRow("unterminated quote at line 3")
            << QByteArray("Name,Tag\nPump,P-1\n\"Valve,V-2\nGate,G-3\n") << "in.csv: line 3: the quoted field";
        QTest::newRow("invalid UTF-8 at line 5, after a two-line field")
            << QByteArray("Name,Tag\nPump,P-1\n\"a\nb\",x\nVal\xFF" "ve,V-2\n") << "in.csv: line 5: invalid UTF-8";
        QTest::newRow("overlong UTF-8") << QByteArray("Name\n\xC0\xAF\n") << "in.csv: line 2: invalid UTF-8";
        QTest::newRow("more fields than the header")
            << QByteArray("Name,Tag\nPump,P-1\nValve,V-2,extra\n") << "in.csv: line 3: 3 fields, but the header has 2";
        QTest::newRow("stray quote") << QByteArray("Name,Tag\n12\" pipe,P-1\n") << "in.csv: line 2: a quote inside";
        QTest::newRow("text after closing quote") << QByteArray("Name,Tag\n\"Pump\"x,P-1\n")
                                                  << "in.csv: line 2: text after the closing quote";
        QTest::newRow("empty file") << QByteArray() << "in.csv: the file is empty";
        QTest::newRow("BOM only") << QByteArray("\xEF\xBB\xBF") << "in.csv: the file is empty";
        QTest::newRow("blank header") << QByteArray("\nName\n") << "in.csv: line 1: the first line is empty";
        QTest::newRow("UTF-16") << QByteArray("\xFF\xFEN\0a\0", 6) << "in.csv: the file is UTF-16";
        QTest::newRow("NUL byte") << QByteArray("Name\nPu\0mp\n", 11) << "in.csv: line 2: a NUL character";
        QTest::newRow("field too long") << (QByteArray("Name\n") + QByteArray(40000, 'x')) << "in.csv: line 2: a field of 40000";
    }

    void refuses()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        QString reason;
        QVERIFY(!CsvReader::parse(bytes, QStringLiteral("in.csv"), &reason));
        QVERIFY2(reason.startsWith(error), qPrintable(reason));
        QVERIFY2(!reason.contains(QLatin1Char('\n')), "not one line");
    }

    void readFileNamesTheFile()
    {
        QString error;
        QVERIFY(!CsvReader::readFile(QStringLiteral("/nonexistent/assets.csv"), &error));
        QVERIFY2(error.contains(QLatin1String("assets.csv")) && error.contains(QLatin1String("no such file")),
                 qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(tst_CsvReader)
#include "tst_csvreader.moc"
