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
    QTest::addColumn<double>("lag");
    QTest::addColumn<SoundFollow::Step>("step");
    QTest::addColumn<qint64>("targetMs"); // checked for Start and Move
    QTest::addColumn<double>("lagAfter");

    using S = SoundFollow::Step;
    QTest::newRow("paused, silent: nothing") << false << 3.0 << 0.0 << 10.0 << false << qint64(0) << 9.0 << 0.0 << S::Nothing << qint64(0) << 0.0;
    QTest::newRow("paused while playing: stop") << false << 3.0 << 0.0 << 10.0 << true << qint64(3000) << 9.0 << 0.0 << S::Stop << qint64(0) << 0.0;
    QTest::newRow("runs, silent: start at the media time") << true << 3.25 << 0.0 << 10.0 << false << qint64(0) << 9.0 << 0.0 << S::Start << qint64(3250) << 0.0;
    QTest::newRow("the lead is taken off") << true << 5.0 << 1.5 << 10.0 << false << qint64(0) << 9.0 << 0.0 << S::Start << qint64(3500) << 0.0;
    QTest::newRow("before the side starts: silent") << true << 1.0 << 1.5 << 10.0 << false << qint64(0) << 9.0 << 0.0 << S::Nothing << qint64(0) << 0.0;
    QTest::newRow("before the side starts while playing: stop") << true << 1.0 << 1.5 << 10.0 << true << qint64(200) << 9.0 << 0.0 << S::Stop << qint64(0) << 0.0;
    QTest::newRow("past the sound's end: stop") << true << 10.0 << 0.0 << 10.0 << true << qint64(9990) << 9.0 << 0.0 << S::Stop << qint64(0) << 0.0;
    QTest::newRow("length unknown yet: wait") << true << 2.0 << 0.0 << 0.0 << false << qint64(0) << 9.0 << 0.0 << S::Nothing << qint64(0) << 0.0;
    QTest::newRow("no sound in the file, playing: stop") << true << 2.0 << 0.0 << 0.0 << true << qint64(0) << 9.0 << 0.0 << S::Stop << qint64(0) << 0.0;
    QTest::newRow("in step: nothing") << true << 4.0 << 0.0 << 10.0 << true << qint64(4100) << 9.0 << 0.0 << S::Nothing << qint64(0) << 0.0;
    QTest::newRow("drift just under the limit: nothing") << true << 4.0 << 0.0 << 10.0 << true << qint64(3881) << 9.0 << 0.0 << S::Nothing << qint64(0) << 0.0;
    QTest::newRow("behind past the limit: move, the lag learnt") << true << 4.0 << 0.0 << 10.0 << true << qint64(3870) << 9.0 << 0.0 << S::Move << qint64(4130) << 0.13;
    QTest::newRow("ahead past the limit: move") << true << 4.0 << 0.0 << 10.0 << true << qint64(4500) << 9.0 << 0.0 << S::Move << qint64(4000) << 0.0;
    QTest::newRow("settling after a start: not judged") << true << 4.0 << 0.0 << 10.0 << true << qint64(0) << 0.5 << 0.0 << S::Nothing << qint64(0) << 0.0;
    QTest::newRow("a start aims ahead by the lag") << true << 3.0 << 0.0 << 10.0 << false << qint64(0) << 9.0 << 0.13 << S::Start << qint64(3130) << 0.13;
    QTest::newRow("behind after a correction: more lag") << true << 4.0 << 0.0 << 10.0 << true << qint64(3800) << 9.0 << 0.13 << S::Move << qint64(4330) << 0.33;
    QTest::newRow("ahead after a correction: less lag") << true << 4.0 << 0.0 << 10.0 << true << qint64(4150) << 9.0 << 0.2 << S::Move << qint64(4050) << 0.05;
    QTest::newRow("lag is at most kMaxLagSeconds") << true << 4.0 << 0.0 << 10.0 << true << qint64(3000) << 9.0 << 0.0 << S::Move << qint64(4500) << 0.5;
    QTest::newRow("settled: judged") << true << 4.0 << 0.0 << 10.0 << true << qint64(3500) << 0.81 << 0.0 << S::Move << qint64(4500) << 0.5;
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
    QFETCH(double, lag);
    QFETCH(SoundFollow::Step, step);
    QFETCH(qint64, targetMs);
    QFETCH(double, lagAfter);
    const SoundFollow::Decision d =
        SoundFollow::decide(running, shared, {lead, soundSeconds}, {playing, positionMs, sinceCorrection, lag});
    QCOMPARE(d.step, step);
    if (step == SoundFollow::Step::Start || step == SoundFollow::Step::Move)
        QCOMPARE(d.positionMs, targetMs);
    QVERIFY2(std::abs(d.lag - lagAfter) < 1e-9, qPrintable(QString::number(d.lag)));
}

// A sound that comes back 0.3 s late from every start and move (its
// pipeline prerolls at the old position) and runs 0.05% slow: it is
// started once, left to settle, moved once with the lag learnt, then stays
// in step, and is stopped at the pause.
void TestSoundFollow::followsAClockThroughAPlay()
{
    constexpr double kLatency = 0.3;
    const SoundFollow::Side side{0.5, 60.0};
    SoundFollow::Sound sound;
    double correctedAt = -1; // shared time the sound was last started or moved
    qint64 soundFrom = 0;
    int starts = 0, moves = 0, stops = 0;
    double lastBehind = 0;
    for (int tick = 0; tick <= 3000; ++tick) { // 30 s of 10 ms ticks from shared time 0
        const double shared = tick * 0.01;
        if (sound.playing) {
            const double played = std::max(0.0, shared - correctedAt - kLatency);
            sound.positionMs = soundFrom + qint64(played * 999.5);
            sound.sinceCorrection = shared - correctedAt;
            lastBehind = shared - side.lead - sound.positionMs / 1000.0;
        }
        const bool running = tick < 3000;
        const SoundFollow::Decision d = SoundFollow::decide(running, shared, side, sound);
        sound.lag = d.lag;
        switch (d.step) {
        case SoundFollow::Step::Nothing:
            break;
        case SoundFollow::Step::Start:
        case SoundFollow::Step::Move:
            (d.step == SoundFollow::Step::Start ? starts : moves)++;
            sound.playing = true;
            soundFrom = d.positionMs;
            correctedAt = shared;
            sound.sinceCorrection = 0;
            if (d.step == SoundFollow::Step::Move)
                QVERIFY2(shared >= 0.5 + SoundFollow::kSettleSeconds - 1e-9, "judged only once settled");
            break;
        case SoundFollow::Step::Stop:
            ++stops;
            sound.playing = false;
            QCOMPARE(tick, 3000);
            break;
        }
        if (tick < 50)
            QCOMPARE(starts, 0);
        if (tick == 50)
            QCOMPARE(starts, 1); // started as the side's first frame comes (lead 0.5 s)
    }
    QCOMPARE(starts, 1);
    QCOMPARE(moves, 1);
    QCOMPARE(stops, 1);
    QVERIFY2(std::abs(sound.lag - kLatency) < 0.02, qPrintable(QString::number(sound.lag)));
    // In step at the end: the latency learnt, only the slow rate's 14 ms left.
    QVERIFY2(std::abs(lastBehind) < 0.02, qPrintable(QString::number(lastBehind)));
}

QTEST_APPLESS_MAIN(TestSoundFollow)
#include "tst_soundfollow.moc"
