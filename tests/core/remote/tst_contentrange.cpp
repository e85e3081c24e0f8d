#include "remote/contentrange.h"

#include <QTest>

using namespace sl;

// The Content-Range field of chunked uploads and ranged downloads.
class tst_ContentRange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("last");
        QTest::addColumn<qint64>("total");
        QTest::newRow("first chunk") << QByteArray("bytes 0-4194303/20000000") << true << 0LL << 4194303LL << 20000000LL;
        QTest::newRow("last byte") << QByteArray("bytes 19999999-19999999/20000000") << true << 19999999LL << 19999999LL
                                   << 20000000LL;
        QTest::newRow("spaces around") << QByteArray("  bytes 5-9/10 ") << true << 5LL << 9LL << 10LL;
        QTest::newRow("past the end") << QByteArray("bytes 0-10/10") << false << 0LL << 0LL << 0LL;
        QTest::newRow("backwards") << QByteArray("bytes 9-5/10") << false << 0LL << 0LL << 0LL;
        QTest::newRow("unknown total") << QByteArray("bytes 0-5/*") << false << 0LL << 0LL << 0LL;
        QTest::newRow("unsatisfied") << QByteArray("bytes */10") << false << 0LL << 0LL << 0LL;
        QTest::newRow("other unit") << QByteArray("items 0-5/10") << false << 0LL << 0LL << 0LL;
        QTest::newRow("negative") << QByteArray("bytes -1-5/10") << false << 0LL << 0LL << 0LL;
        QTest::newRow("overflowing") << QByteArray("bytes 0-5/99999999999999999999") << false << 0LL << 0LL << 0LL;
        QTest::newRow("empty") << QByteArray() << false << 0LL << 0LL << 0LL;
    }

    void parse()
    {
        QFETCH(QByteArray, field);
        QFETCH(bool, valid);
        const std::optional<ContentRange> range = ContentRange::parse(field);
        QCOMPARE(range.has_value(), valid);
        if (!valid)
            return;
        QTEST(range->first, "first");
        QTEST(range->last, "last");
        QTEST(range->total, "total");
        QCOMPARE(ContentRange::parse(range->toHeader())->length(), range->length());
    }

    void writesTheHeaderForm()
    {
        QCOMPARE(ContentRange({0, 99, 250}).toHeader(), QByteArray("bytes 0-99/250"));
        QCOMPARE(ContentRange({0, 99, 250}).length(), 100);
    }
};

QTEST_GUILESS_MAIN(tst_ContentRange)
#include "tst_contentrange.moc"
