#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace sl::test {

// A private PulseAudio server with one null sink (it plays into nothing,
// at the pace of a real device), so a test has a sound device to play into
// and time where the machine has none. Its socket, state and pid file live
// in a temporary folder, never the user's; PULSE_SERVER points this process
// at it (libpulse, under Qt Multimedia, reads it when it first connects),
// so it is started before the QApplication. The server leaves by itself 20 s
// after its last client, should the test die before stopping it.
class NullSoundServer
{
public:
    NullSoundServer() = default;
    ~NullSoundServer(); // stops the server, restores PULSE_SERVER
    NullSoundServer(const NullSoundServer &) = delete;
    NullSoundServer &operator=(const NullSoundServer &) = delete;

    // False with the reason when pulseaudio is not installed or does not
    // come up within 10 s.
    bool start(QString *error);
    void stop();

private:
    QString environmentPrefix() const;

    QTemporaryDir m_root;
    bool m_started = false;
    bool m_hadServer = false;
    QByteArray m_oldServer;
};

// A QTest main for widget tests that play sound: the null sound server,
// then the application and the test object (what QTEST_MAIN does besides).
#define SL_TEST_MAIN_WITH_SOUND(TestObject)                                                                  \
    int main(int argc, char *argv[])                                                                         \
    {                                                                                                        \
        sl::test::NullSoundServer sound;                                                                     \
        QString soundError;                                                                                  \
        if (!sound.start(&soundError))                                                                       \
            qWarning("No null sound device for this test: %s", qPrintable(soundError));                     \
        QApplication app(argc, argv);                                                                        \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                             \
        TestObject tc;                                                                                       \
        QTEST_SET_MAIN_SOURCE_PATH                                                                           \
        return QTest::qExec(&tc, argc, argv);                                                                \
    }

} // namespace sl::test
