#include "fakeclock.h"
#include "faketokensource.h"
#include "scriptedtransport.h"

#include "remote/filedownloadjob.h"
#include "remote/fileuploadjob.h"
#include "remote/requestrunner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;
using namespace sl::test;

// The file upload and download jobs against scripted answers: what they
// send, and what they refuse of a store's answers.
class tst_MediaJobs : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ScriptedTransport> m_transport;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<FakeTokenSource> m_tokens;
    std::unique_ptr<RequestRunner> m_runner;
    QTemporaryDir m_dir;
    const QUrl m_root{QStringLiteral("https://org.example.com/api/data/v9.2/")};
    const FileUploadJob::Target m_target{QStringLiteral("msdyn_customerassetattachments"),
                                         QUuid(QStringLiteral("{0ed1a000-0000-4000-8000-000000000001}")),
                                         QStringLiteral("msdyn_file"), QStringLiteral("walk round.mp4")};

    QString writeFile(const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(QStringLiteral("upload.bin"));
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(bytes);
        return path;
    }

    // Runs `start` to its end; the job's error.
    RemoteError run(const std::function<void(std::function<void(const RemoteError &)>)> &start)
    {
        bool done = false;
        RemoteError result;
        start([&](const RemoteError &error) {
            result = error;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10'000))
            result.message = QStringLiteral("did not finish");
        return result;
    }

    static HttpHeaders sessionHeaders(const QByteArray &location, qint64 chunk)
    {
        return {{"Location", location}, {"x-ms-chunk-size", QByteArray::number(chunk)}};
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_transport = std::make_unique<ScriptedTransport>();
        m_clock = std::make_unique<FakeClock>();
        m_tokens = std::make_unique<FakeTokenSource>();
        m_runner = std::make_unique<RequestRunner>(*m_transport, *m_clock, *m_tokens, RetryPolicy());
    }

    void uploadSendsTheChunksItWasAskedFor()
    {
        const QByteArray bytes(150 * 1024, 'a');
        const QByteArray session = "https://org.example.com/api/data/v9.2/msdyn_customerassetattachments"
                                   "(0ed1a000-0000-4000-8000-000000000001)/msdyn_file?sessiontoken=s1";
        m_transport->answerStatus(200, {}, sessionHeaders(session, 64 * 1024));
        m_transport->answerStatus(206);
        m_transport->answerStatus(206);
        m_transport->answerStatus(204);
        FileUploadJob job(*m_runner, m_root);
        const RemoteError error = run([&](auto done) { job.start(m_target, writeFile(bytes), done); });
        QVERIFY2(!error.isError(), qPrintable(error.message));
        const QList<HttpRequest> &sent = m_transport->sent();
        QCOMPARE(sent.size(), 4);
        QCOMPARE(sent[0].method, QByteArray("PATCH"));
        QCOMPARE(headerValue(sent[0].headers, "x-ms-transfer-mode"), QByteArray("chunked"));
        QCOMPARE(sent[0].url.toEncoded(), QByteArray("https://org.example.com/api/data/v9.2/msdyn_customerassetattachments"
                                                     "(0ed1a000-0000-4000-8000-000000000001)/msdyn_file"
                                                     "?x-ms-file-name=walk%20round.mp4"));
        QCOMPARE(headerValue(sent[1].headers, "Content-Range"), QByteArray("bytes 0-65535/153600"));
        QCOMPARE(headerValue(sent[2].headers, "Content-Range"), QByteArray("bytes 65536-131071/153600"));
        QCOMPARE(headerValue(sent[3].headers, "Content-Range"), QByteArray("bytes 131072-153599/153600"));
        QCOMPARE(headerValue(sent[3].headers, "Content-Type"), QByteArray("application/octet-stream"));
        QCOMPARE(sent[1].url.toEncoded(), session);
        QCOMPARE(sent[1].body + sent[2].body + sent[3].body, bytes);
        QCOMPARE(job.sentBytes(), qint64(bytes.size()));
    }

    // The token goes with every chunk: a session elsewhere is refused.
    void uploadRefusesASessionOnAnotherHost()
    {
        m_transport->answerStatus(200, {}, sessionHeaders("https://elsewhere.example.net/upload?t=1", 64 * 1024));
        FileUploadJob job(*m_runner, m_root);
        const RemoteError error = run([&](auto done) { job.start(m_target, writeFile("abc"), done); });
        QVERIFY(error.isError());
        QVERIFY2(error.message.contains(QStringLiteral("elsewhere.example.net")), qPrintable(error.message));
        QCOMPARE(m_transport->sent().size(), 1);
    }

    void uploadRefusesACompletionBeforeTheLastChunk()
    {
        m_transport->answerStatus(200, {}, sessionHeaders("msdyn_file?sessiontoken=s2", 64 * 1024)); // relative
        m_transport->answerStatus(204);
        FileUploadJob job(*m_runner, m_root);
        const RemoteError error = run([&](auto done) { job.start(m_target, writeFile(QByteArray(100'000, 'b')), done); });
        QVERIFY(error.isError());
        QVERIFY2(error.message.contains(QStringLiteral("204")), qPrintable(error.message));
        QCOMPARE(m_transport->sent()[1].url.host(), QStringLiteral("org.example.com"));
    }

    void uploadOfAMissingFileSendsNothing()
    {
        FileUploadJob job(*m_runner, m_root);
        const RemoteError error = run([&](auto done) { job.start(m_target, m_dir.filePath("absent.mp4"), done); });
        QVERIFY(error.isError());
        QVERIFY2(error.message.contains(QStringLiteral("absent.mp4")), qPrintable(error.message));
        QCOMPARE(m_transport->sent().size(), 0);
    }

    void downloadRefusesARangeItDidNotAskFor()
    {
        m_transport->answerStatus(206, QByteArray(10, 'x'), {{"Content-Range", "bytes 5-14/100"}});
        FileDownloadJob job(*m_runner);
        job.setChunkBytes(1024);
        const QString target = m_dir.filePath(QStringLiteral("got.mp4"));
        const RemoteError error = run([&](auto done) { job.start(QUrl("https://org.example.com/x/$value"), target, "v1", done); });
        QVERIFY(error.isError());
        QVERIFY(!QFile::exists(target));
        QCOMPARE(headerValue(m_transport->sent()[0].headers, "Range"), QByteArray("bytes=0-1023"));
    }

    void downloadTakesAWholeAnswerWhenRangeIsIgnored()
    {
        m_transport->answerStatus(200, QByteArray("whole file"));
        FileDownloadJob job(*m_runner);
        const QString target = m_dir.filePath(QStringLiteral("whole.mp4"));
        const RemoteError error = run([&](auto done) { job.start(QUrl("https://org.example.com/x/$value"), target, "v1", done); });
        QVERIFY2(!error.isError(), qPrintable(error.message));
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("whole file"));
        QVERIFY(!QFile::exists(FileDownloadJob::partPathOf(target)));
    }

    void downloadRefusesAFileOverItsLimit()
    {
        m_transport->answerStatus(206, QByteArray(1024, 'x'), {{"Content-Range", "bytes 0-1023/5000000"}});
        FileDownloadJob job(*m_runner);
        job.setChunkBytes(1024);
        job.setMaxBytes(1'000'000);
        const RemoteError error = run([&](auto done) {
            job.start(QUrl("https://org.example.com/x/$value"), m_dir.filePath(QStringLiteral("big.mp4")), "v1", done);
        });
        QVERIFY(error.isError());
        QVERIFY2(error.message.contains(QStringLiteral("5000000")), qPrintable(error.message));
    }
};

QTEST_GUILESS_MAIN(tst_MediaJobs)
#include "tst_mediajobs.moc"
