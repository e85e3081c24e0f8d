// How a compared side's sound follows the shared clock: when it starts,
// stops, is left alone and is moved back under the clock.
#include "compare/soundfollow.h"

#include <QTest>

using namespace sl;

Q_DECLARE_METATYPE(SoundFollow::Step)

class TestSoundFollow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decide_data();
    void decide();
    void followsAClockThroughAPlay();
};

void TestSoundFollow::decide_data()
{
    QTest::addColumn<bool>("running");
    QTest::addColumn<double>("shared");
    QTest::addColumn<double>("lead");
    QTest::addColumn<double>("soundSeconds");
    QTest::addColumn<bool>("playing");
    QTest::addColumn<qint64>("positionMs");
    QTest::addColumn<double>("sinceCorrection");
    QTest::addColumn<SoundFollow::Step>("step");
    QTest::addColumn<qint64>("targetMs"); // checked for Start and Move

    using S = SoundFollow::Step;
    QTest::newRow("paused, silent: nothing") << false << 3.0 << 0.0 << 10.0 << false << qint64(0) << 9.0 << S::Nothing << qint64(0);
    QTest::newRow("paused while playing: stop") << false << 3.0 << 0.0 << 10.0 << true << qint64(3000) << 9.0 << S::Stop << qint64(0);
    QTest::newRow("runs, silent: start at the media time") << true << 3.25 << 0.0 << 10.0 << false << qint64(0) << 9.0 << S::Start << qint64(3250);
    QTest::newRow("the lead is taken off") << true << 5.0 << 1.5 << 10.0 << false << qint64(0) << 9.0 << S::Start << qint64(3500);
    QTest::newRow("before the side starts: silent") << true << 1.0 << 1.5 << 10.0 << false << qint64(0) << 9.0 << S::Nothing << qint64(0);
    QTest::newRow("before the side starts while playing: stop") << true << 1.0 << 1.5 << 10.0 << true << qint64(200) << 9.0 << S::Stop << qint64(0);
    QTest::newRow("past the sound's end: stop") << true << 10.0 << 0.0 << 10.0 << true << qint64(9990) << 9.0 << S::Stop << qint64(0);
    QTest::newRow("length unknown yet: wait") << true << 2.0 << 0.0 << 0.0 << false << qint64(0) << 9.0 << S::Nothing << qint64(0);
    QTest::newRow("no sound in the file, playing: stop") << true << 2.0 << 0.0 << 0.0 << true << qint64(0) << 9.0 << S::Stop << qint64(0);
    QTest::newRow("in step: nothing") << true << 4.0 << 0.0 << 10.0 << true << qint64(4100) << 9.0 << S::Nothing << qint64(0);
    QTest::newRow("drift just under the limit: nothing") << true << 4.0 << 0.0 << 10.0 << true << qint64(3881) << 9.0 << S::Nothing << qint64(0);
    QTest::newRow("behind past the limit: move") << true << 4.0 << 0.0 << 10.0 << true << qint64(3870) << 9.0 << S::Move << qint64(4000);
    QTest::newRow("ahead past the limit: move") << true << 4.0 << 0.0 << 10.0 << true << qint64(4500) << 9.0 << S::Move << qint64(4000);
    QTest::newRow("settling after a start: not judged") << true << 4.0 << 0.0 << 10.0 << true << qint64(0) << 0.5 << S::Nothing << qint64(0);
    QTest::newRow("settled: judged") << true << 4.0 << 0.0 << 10.0 << true << qint64(0) << 0.81 << S::Move << qint64(4000);
}

void TestSoundFollow::decide()
{
    QFETCH(bool, running);
    QFETCH(double, shared);
    QFETCH(double, lead);
    QFETCH(double, soundSeconds);
    QFETCH(bool, playing);
    QFETCH(qint64, positionMs);
    QFETCH(double, sinceCorrection);
    QFETCH(SoundFollow::Step, step);
    QFETCH(qint64, targetMs);
    const SoundFollow::Decision d =
        SoundFollow::decide(running, shared, {lead, soundSeconds}, {playing, positionMs, sinceCorrection});
    QCOMPARE(d.step, step);
    if (step == SoundFollow::Step::Start || step == SoundFollow::Step::Move)
        QCOMPARE(d.positionMs, targetMs);
}

// A sound that starts late (its pipeline prerolls for 0.3 s at position 0)
// and then runs 0.5% slow: it is started once, left to settle, moved once
// when it has fallen behind past the limit, and stopped at the pause.
void TestSoundFollow::followsAClockThroughAPlay()
{
    const SoundFollow::Side side{0.5, 60.0};
    SoundFollow::Sound sound;
    double soundStartedAt = -1; // shared time the sound's position was last set
    qint64 soundFrom = 0;
    int starts = 0, moves = 0, stops = 0;
    for (int tick = 0; tick <= 3000; ++tick) { // 30 s of 10 ms ticks from shared time 0
        const double shared = tick * 0.01;
        if (sound.playing) {
            const double played = std::max(0.0, shared - soundStartedAt - (starts == 1 && moves == 0 ? 0.3 : 0.0));
            sound.positionMs = soundFrom + qint64(played * 995);
            sound.sinceCorrection = shared - soundStartedAt;
        }
        const bool running = tick < 3000;
        const SoundFollow::Decision d = SoundFollow::decide(running, shared, side, sound);
        switch (d.step) {
        case SoundFollow::Step::Nothing:
            break;
        case SoundFollow::Step::Start:
            ++starts;
            sound.playing = true;
            soundFrom = sound.positionMs = d.positionMs;
            soundStartedAt = shared;
            sound.sinceCorrection = 0;
            break;
        case SoundFollow::Step::Move:
            ++moves;
            soundFrom = sound.positionMs = d.positionMs;
            soundStartedAt = shared;
            sound.sinceCorrection = 0;
            QVERIFY2(moves > 1 || shared >= 0.5 + SoundFollow::kSettleSeconds - 1e-9,
                     "the late start is corrected only once settled");
            break;
        case SoundFollow::Step::Stop:
            ++stops;
            sound.playing = false;
            QCOMPARE(tick, 3000);
            break;
        }
        if (tick == 50)
            QCOMPARE(starts, 1); // started as the side's first frame comes (lead 0.5 s)
        if (tick < 50)
            QCOMPARE(starts, 0);
    }
    QCOMPARE(starts, 1);
    // 0.3 s late at the start (moved once settled), then 0.5% slow: 0.12 s
    // of drift every 24 s, one more move in the 29.5 s played.
    QCOMPARE(moves, 2);
    QCOMPARE(stops, 1);
}

QTEST_APPLESS_MAIN(TestSoundFollow)
#include "tst_soundfollow.moc"
