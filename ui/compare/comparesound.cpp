#include "compare/comparesound.h"

#include "common/logging.h"
#include "compare/soundfollow.h"
#include "player/soundcontrol.h"

#include <QAction>
#include <QActionGroup>
#include <QMediaPlayer>
#include <QMenu>
#include <QUrl>
#include <QWidget>

namespace sl {

namespace {
constexpr int kMaxReloads = 3; // a sound pipeline made again after errors, per source
} // namespace

CompareSound::CompareSound(QWidget *owner)
    : QObject(owner)
{
    m_control = new SoundControl(owner, Qt::WindowShortcut);
    if (m_control->output()) {
        m_player = new QMediaPlayer(this);
        m_player->setAudioOutput(m_control->output());
        connect(m_player, &QMediaPlayer::hasAudioChanged, m_control, &SoundControl::setMediaHasSound);
        // The video track is known once loaded: turned off there too (a
        // choice made before may be forgotten with the source's tracks).
        connect(m_player, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus status) {
            if (status == QMediaPlayer::LoadedMedia)
                m_player->setActiveVideoTrack(-1);
        });
        connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString &text) {
            qCWarning(lcUi) << "compare sound:" << text;
            m_playing = false;
            // GStreamer can fail a pipeline as it starts ("Internal data
            // stream error", seen on a loaded machine): it is made again, a
            // few times per source, and the next tick starts it where the
            // clock is. A file that cannot play stays silent.
            if (m_source != None && m_reloads < kMaxReloads) {
                ++m_reloads;
                QMetaObject::invokeMethod(this, &CompareSound::load, Qt::QueuedConnection);
            }
        });
    }

    m_group = new QActionGroup(this);
    const auto choice = [this, owner](const QString &text, int key, Source source, const QString &name) {
        auto *a = new QAction(text, owner);
        a->setObjectName(name);
        a->setCheckable(true);
        a->setShortcut(QKeySequence(Qt::CTRL | key));
        a->setShortcutContext(Qt::WindowShortcut);
        a->setActionGroup(m_group);
        owner->addAction(a);
        connect(a, &QAction::triggered, this, [this, source]() { setSource(source); });
        return a;
    };
    m_none = choice(tr("No sound"), Qt::Key_0, None, QStringLiteral("compareSoundNone"));
    m_a = choice(tr("Sound of A"), Qt::Key_1, SideA, QStringLiteral("compareSoundA"));
    m_b = choice(tr("Sound of B"), Qt::Key_2, SideB, QStringLiteral("compareSoundB"));
    m_none->setChecked(true);
    if (!m_player) {
        for (QAction *a : {m_none, m_a, m_b}) {
            a->setEnabled(false);
            a->setToolTip(tr("No sound device"));
        }
    }
}

CompareSound::~CompareSound()
{
    if (m_player)
        m_player->stop();
}

qint64 CompareSound::positionMs() const
{
    return m_player ? m_player->position() : 0;
}

void CompareSound::fillMenu(QMenu *menu) const
{
    if (!m_player) {
        QAction *why = menu->addAction(tr("No sound device"));
        why->setEnabled(false);
    }
    menu->addActions({m_none, m_a, m_b});
    menu->addSeparator();
    menu->addActions(m_control->actions());
}

QAction *CompareSound::sourceAction(Source source) const
{
    return source == SideA ? m_a : source == SideB ? m_b : m_none;
}

void CompareSound::setSides(const QString &videoA, const QString &videoB)
{
    m_paths[0] = videoA;
    m_paths[1] = videoB;
    m_a->setVisible(!videoA.isEmpty());
    m_b->setVisible(!videoB.isEmpty());
    m_source = None; // so that setSource loads even the same side's new file
    setSource(!videoA.isEmpty() ? SideA : !videoB.isEmpty() ? SideB : None);
}

void CompareSound::setLeads(double leadA, double leadB)
{
    m_leads[0] = leadA;
    m_leads[1] = leadB;
}

void CompareSound::setSource(Source source)
{
    if (source != None && m_paths[source].isEmpty())
        source = None;
    sourceAction(source)->setChecked(true);
    if (source == m_source)
        return;
    stop();
    m_source = source;
    m_reloads = 0;
    load();
    Q_EMIT sourceChanged(source);
}

void CompareSound::load()
{
    if (!m_player)
        return;
    if (m_source == None) {
        m_player->setSource(QUrl());
        m_control->setMediaHasSound(false);
        return;
    }
    m_player->setSource(QUrl::fromLocalFile(m_paths[m_source]));
    // Only the sound is wanted: the pictures come from the side's frame source.
    m_player->setActiveVideoTrack(-1);
}

void CompareSound::stop()
{
    if (m_player && m_playing)
        m_player->pause();
    m_playing = false;
}

void CompareSound::follow(bool clockRunning, double sharedSeconds)
{
    if (!m_player || m_source == None)
        return;
    const SoundFollow::Side side{m_leads[m_source], m_player->hasAudio() ? m_player->duration() / 1000.0 : 0.0};
    const SoundFollow::Sound sound{m_playing, m_player->position(),
                                   m_sinceCorrection.isValid() ? m_sinceCorrection.elapsed() / 1000.0 : 1e9, m_lag};
    const SoundFollow::Decision decision = SoundFollow::decide(clockRunning, sharedSeconds, side, sound);
    m_lag = decision.lag;
    switch (decision.step) {
    case SoundFollow::Step::Nothing:
        return;
    case SoundFollow::Step::Start:
        m_player->setPosition(decision.positionMs);
        m_player->play();
        m_playing = true;
        m_sinceCorrection.start();
        return;
    case SoundFollow::Step::Move:
        qCDebug(lcUi) << "compare sound moved from" << sound.positionMs << "to" << decision.positionMs
                      << "ms; lag learnt" << m_lag << "s";
        m_player->setPosition(decision.positionMs);
        m_sinceCorrection.start();
        return;
    case SoundFollow::Step::Stop:
        stop();
        return;
    }
}

} // namespace sl
