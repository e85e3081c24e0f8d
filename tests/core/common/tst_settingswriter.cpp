#include "common/settingswriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

#include <memory>

using namespace sl;

// Settings handed to the background writer: seen at once by every QSettings
// of the process, written to the file in the order handed over, on a thread
// other than the caller's.
class tst_SettingsWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SightlineTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_settingswriter"));
        QSettings().clear();
    }

    void valuesAreSeenAtOnceAndWrittenInOrder()
    {
        QString file;
        for (int volume = 0; volume <= 100; volume += 10) {
            auto settings = std::make_unique<QSettings>();
            file = settings->fileName();
            settings->setValue(QStringLiteral("sound/volume"), volume);
            SettingsWriter::writeInBackground(std::move(settings));
            QCOMPARE(QSettings().value(QStringLiteral("sound/volume")).toInt(), volume);
        }
        SettingsWriter::waitForWrites();
        QFile written(file);
        QVERIFY2(written.open(QIODevice::ReadOnly), qPrintable(file));
        const QByteArray text = written.readAll();
        QVERIFY2(text.contains("volume=100"), text.constData()); // the last one handed over, not an earlier one
        // and read back as a new process would: from the file
        QSettings fromFile(file, QSettings::IniFormat);
        QCOMPARE(fromFile.value(QStringLiteral("sound/volume")).toInt(), 100);
    }

    void theFileIsWrittenOffTheCallersThread()
    {
        // A QSettings whose writing thread we can see: a subclass telling
        // where it is destroyed (its destructor writes the file).
        struct Watched : QSettings
        {
            QThread **where;
            explicit Watched(QThread **at) : where(at) {}
            ~Watched() override { *where = QThread::currentThread(); }
        };
        QThread *writtenOn = nullptr;
        auto settings = std::make_unique<Watched>(&writtenOn);
        settings->setValue(QStringLiteral("sound/muted"), true);
        SettingsWriter::writeInBackground(std::move(settings));
        SettingsWriter::waitForWrites();
        QVERIFY(writtenOn);
        QVERIFY(writtenOn != QThread::currentThread());
        QVERIFY(QSettings().value(QStringLiteral("sound/muted")).toBool());
    }
};

QTEST_GUILESS_MAIN(tst_SettingsWriter)
#include "tst_settingswriter.moc"
