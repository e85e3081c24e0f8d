#include "compare/comparewindow.h"

#include "compare/comparecandidates.h"
#include "compare/comparecanvas.h"
#include "compare/comparechooserdialog.h"
#include "compare/compareside.h"
#include "compare/comparesound.h"
#include "compare/wipeview.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace sl {

namespace {

constexpr int kTickMs = 10;        // playback clock resolution; frame requests collapse on each side's worker
constexpr double kKeyZoomStep = 1.25;

QString clockText(double seconds)
{
    const qint64 ms = qRound64(std::max(0.0, seconds) * 1000);
    return QStringLiteral("%1:%2.%3")
        .arg(ms / 60000)
        .arg((ms / 1000) % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

} // namespace

CompareWindow::CompareWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
{
    setObjectName(QStringLiteral("compareWindow"));
    setWindowTitle(tr("Compare captures"));
    buildUi();
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &CompareWindow::onTick);
}

CompareWindow::~CompareWindow() = default;

void CompareWindow::buildUi()
{
    m_canvasA = new CompareCanvas(this);
    m_canvasA->setObjectName(QStringLiteral("compareCanvasA"));
    m_canvasB = new CompareCanvas(this);
    m_canvasB->setObjectName(QStringLiteral("compareCanvasB"));
    m_sideA = new CompareSide(m_canvasA, this);
    m_sideB = new CompareSide(m_canvasB, this);
    m_wipe = new WipeView(m_canvasA, m_canvasB, this);
    m_sound = new CompareSound(this);

    auto *sideBySide = new QWidget(this);
    auto *pair = new QHBoxLayout(sideBySide);
    pair->setContentsMargins(0, 0, 0, 0);
    pair->setSpacing(4);
    pair->addWidget(m_canvasA, 1);
    pair->addWidget(m_canvasB, 1);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(sideBySide);
    m_stack->addWidget(m_wipe);

    m_titleA = new QLabel(this);
    m_titleA->setObjectName(QStringLiteral("compareTitleA"));
    m_titleB = new QLabel(this);
    m_titleB->setObjectName(QStringLiteral("compareTitleB"));
    m_titleB->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *titles = new QHBoxLayout;
    titles->addWidget(m_titleA, 1);
    titles->addWidget(m_titleB, 1);

    m_timeLabel = new QLabel(this);
    m_timeLabel->setObjectName(QStringLiteral("compareTimeLabel"));
    m_offsetLabel = new QLabel(this);
    m_offsetLabel->setObjectName(QStringLiteral("compareOffsetLabel"));

    auto *menuBar = new QMenuBar(this);
    QList<QAction *> playback;
    QList<QAction *> view;
    buildActions(menuBar, &playback, &view);
    const auto button = [this](QAction *action) {
        auto *b = new QToolButton(this);
        b->setDefaultAction(action);
        b->setToolTip(QStringLiteral("%1 (%2)").arg(action->text().remove(QLatin1Char('&')),
                                                     action->shortcut().toString(QKeySequence::NativeText)));
        return b;
    };
    auto *controls = new QHBoxLayout;
    for (QAction *action : playback) {
        m_playbackControls.append(button(action));
        controls->addWidget(m_playbackControls.back());
    }
    m_playbackControls.append(m_timeLabel);
    controls->addWidget(m_timeLabel);
    controls->addStretch(1);
    controls->addWidget(m_offsetLabel);
    controls->addSpacing(12);
    for (QAction *action : view)
        controls->addWidget(button(action));

    auto *layout = new QVBoxLayout(this);
    layout->setMenuBar(menuBar);
    layout->addLayout(titles);
    layout->addWidget(m_stack, 1);
    layout->addLayout(controls);

    connect(m_canvasA, &CompareCanvas::zoomRequested, this,
            [this](double f, QPointF at) { onZoomRequested(0, f, at, QRectF(m_canvasA->rect())); });
    connect(m_canvasB, &CompareCanvas::zoomRequested, this,
            [this](double f, QPointF at) { onZoomRequested(1, f, at, QRectF(m_canvasB->rect())); });
    connect(m_canvasA, &CompareCanvas::panRequested, this,
            [this](QPointF d) { onPanRequested(0, d, QRectF(m_canvasA->rect())); });
    connect(m_canvasB, &CompareCanvas::panRequested, this,
            [this](QPointF d) { onPanRequested(1, d, QRectF(m_canvasB->rect())); });
    connect(m_wipe, &WipeView::zoomRequested, this,
            [this](double f, QPointF at, int side) { onZoomRequested(side, f, at, QRectF(m_wipe->rect())); });
    connect(m_wipe, &WipeView::panRequested, this,
            [this](QPointF d, int side) { onPanRequested(side, d, QRectF(m_wipe->rect())); });
    for (CompareSide *side : {m_sideA, m_sideB}) {
        connect(side, &CompareSide::frameShown, m_wipe, qOverload<>(&QWidget::update));
        connect(side, &CompareSide::frameShown, this, &CompareWindow::updateTimeLabel);
        connect(side, &CompareSide::opened, this, &CompareWindow::updateTimeLabel);
    }
}

void CompareWindow::buildActions(QMenuBar *bar, QList<QAction *> *playbackActions, QList<QAction *> *viewActions)
{
    QList<QAction *> *into = playbackActions;
    const auto add = [this, &into](QMenu *menu, const QString &text, const QKeySequence &key, const QString &name,
                            auto slot) {
        QAction *action = menu->addAction(text);
        action->setObjectName(name);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action); // shortcuts work with the menu bar hidden too
        into->append(action);
        return action;
    };
    QMenu *playback = bar->addMenu(tr("&Playback"));
    add(playback, tr("First frame"), QKeySequence(Qt::Key_Home), QStringLiteral("compareFirstAction"),
        [this] { goToStart(); });
    add(playback, tr("Previous frame"), QKeySequence(Qt::Key_Left), QStringLiteral("comparePreviousAction"),
        [this] { stepFrames(-1); });
    m_playAction = add(playback, tr("Play"), QKeySequence(Qt::Key_Space), QStringLiteral("comparePlayAction"),
                       [this] { togglePlayPause(); });
    add(playback, tr("Next frame"), QKeySequence(Qt::Key_Right), QStringLiteral("compareNextAction"),
        [this] { stepFrames(1); });
    QMenu *view = bar->addMenu(tr("&View"));
    into = viewActions;
    m_wipeAction = add(view, tr("Wipe"), QKeySequence(Qt::Key_W), QStringLiteral("compareWipeAction"),
                       [this](bool on) { setWipe(on); });
    m_wipeAction->setCheckable(true);
    add(view, tr("Fit"), QKeySequence(Qt::Key_0), QStringLiteral("compareFitAction"), [this] { fitView(); });
    add(view, tr("Zoom in"), QKeySequence(Qt::Key_Plus), QStringLiteral("compareZoomInAction"),
        [this] { zoomBy(kKeyZoomStep); });
    add(view, tr("Zoom out"), QKeySequence(Qt::Key_Minus), QStringLiteral("compareZoomOutAction"),
        [this] { zoomBy(1 / kKeyZoomStep); });
    m_sound->fillMenu(bar->addMenu(tr("&Sound")));
}

void CompareWindow::open(Capture a, Capture b)
{
    pause();
    m_alignment = CompareTimeline::align({a.record.mediaType, a.record.spatialFrame, a.record.capturedAt},
                                         {b.record.mediaType, b.record.spatialFrame, b.record.capturedAt});
    m_sideA->setLead(m_alignment.leadA);
    m_sideB->setLead(m_alignment.leadB);
    m_time = 0;
    m_view = {};
    m_canvasA->setSharedView(m_view);
    m_canvasB->setSharedView(m_view);
    m_wipe->setSharedView(m_view);
    m_sound->setSides(a.record.mediaType == MediaType::Video ? a.mediaPath : QString(),
                      b.record.mediaType == MediaType::Video ? b.mediaPath : QString());
    m_sound->setLeads(m_alignment.leadA, m_alignment.leadB);
    m_sideA->open(a.record, a.mediaPath, std::move(a.worldMarkups));
    m_sideB->open(b.record, b.mediaPath, std::move(b.worldMarkups));
    m_sideA->showSharedTime(m_time);
    m_sideB->showSharedTime(m_time);
    updateTitles();
    updateTimeLabel();
}

bool CompareWindow::isWipe() const
{
    return m_stack->currentWidget() == m_wipe;
}

void CompareWindow::setWipe(bool on)
{
    m_stack->setCurrentWidget(on ? static_cast<QWidget *>(m_wipe) : m_stack->widget(0));
    m_wipeAction->setChecked(on);
    m_wipe->update();
}

void CompareWindow::setSharedView(const SharedView &view)
{
    m_view = view;
    m_canvasA->setSharedView(view);
    m_canvasB->setSharedView(view);
    m_wipe->setSharedView(view);
}

void CompareWindow::fitView()
{
    setSharedView({});
}

void CompareWindow::zoomBy(double factor)
{
    QWidget *box = isWipe() ? static_cast<QWidget *>(m_wipe) : m_canvasA;
    onZoomRequested(0, factor, QRectF(box->rect()).center(), QRectF(box->rect()));
}

void CompareWindow::onZoomRequested(int side, double factor, QPointF cursor, QRectF box)
{
    CompareCanvas *from = canvas(side);
    if (!from->hasFrame())
        return;
    setSharedView(CompareViewGeometry::zoomedAt(m_view, QSizeF(from->frame().size()), box, factor, cursor,
                                                OverlayCanvas::kMinZoom, OverlayCanvas::kMaxZoom));
}

void CompareWindow::onPanRequested(int side, QPointF delta, QRectF box)
{
    CompareCanvas *from = canvas(side);
    if (!from->hasFrame())
        return;
    setSharedView(CompareViewGeometry::pannedBy(m_view, QSizeF(from->frame().size()), box, delta));
}

double CompareWindow::sharedEnd() const
{
    return CompareTimeline::sharedEnd(m_sideA->frameIndex(), m_sideA->lead(), m_sideB->frameIndex(),
                                      m_sideB->lead());
}

void CompareWindow::play()
{
    if (isPlaying() || sharedEnd() <= 0)
        return;
    if (m_time >= sharedEnd() - 1e-6)
        m_time = 0; // from the start again
    m_playFrom = m_time;
    m_clock.start();
    m_tick.start();
    m_sound->follow(true, m_time);
    m_playAction->setText(tr("Pause"));
    Q_EMIT playingChanged(true);
}

void CompareWindow::pause()
{
    if (!isPlaying())
        return;
    m_tick.stop();
    m_sound->follow(false, m_time);
    m_playAction->setText(tr("Play"));
    Q_EMIT playingChanged(false);
}

void CompareWindow::togglePlayPause()
{
    isPlaying() ? pause() : play();
}

void CompareWindow::onTick()
{
    const double end = sharedEnd();
    double t = m_playFrom + m_clock.elapsed() / 1000.0;
    if (t >= end) {
        // Stop on the last frame rather than past it.
        t = CompareTimeline::step(end, -1, m_sideA->frameIndex(), m_sideA->lead(), m_sideB->frameIndex(),
                                  m_sideB->lead());
        pause();
    }
    setSharedTime(t);
}

void CompareWindow::stepFrames(int count)
{
    pause();
    double t = m_time;
    for (int i = 0; i < std::abs(count); ++i)
        t = CompareTimeline::step(t, count > 0 ? 1 : -1, m_sideA->frameIndex(), m_sideA->lead(),
                                  m_sideB->frameIndex(), m_sideB->lead());
    setSharedTime(t);
}

void CompareWindow::goToStart()
{
    pause();
    setSharedTime(0);
}

void CompareWindow::setSharedTime(double seconds)
{
    m_time = std::clamp(seconds, 0.0, std::max(0.0, sharedEnd()));
    m_sideA->showSharedTime(m_time);
    m_sideB->showSharedTime(m_time);
    m_sound->follow(isPlaying(), m_time);
    updateTimeLabel();
}

QString CompareWindow::titleOf(const CaptureRecord &record, const CaptureRecord &other) const
{
    const QString age = CompareCandidates::isEarlier(record, other) ? tr("older") : tr("newer");
    //: A compared capture's title: what it is (type, date, who) and whether it is the older or newer of the two.
    return tr("%1 · <b>%2</b>").arg(CompareChooserDialog::describe(record).toHtmlEscaped(), age);
}

void CompareWindow::updateTitles()
{
    const CaptureRecord &a = m_sideA->record();
    const CaptureRecord &b = m_sideB->record();
    m_titleA->setText(tr("A: %1").arg(titleOf(a, b)));
    m_titleB->setText(tr("B: %1").arg(titleOf(b, a)));
    setWindowTitle(tr("Compare %1 and %2").arg(CompareChooserDialog::describe(a), CompareChooserDialog::describe(b)));
    // Two photos have no clock: no playback controls.
    const bool anyVideo = a.mediaType == MediaType::Video || b.mediaType == MediaType::Video;
    for (QWidget *control : std::as_const(m_playbackControls))
        control->setVisible(anyVideo);
    if (m_alignment.byCaptureTime) {
        const double offset = m_alignment.offset();
        m_offsetLabel->setText(offset >= 0 ? tr("Aligned by capture time: B starts %1 s after A")
                                                 .arg(QLocale().toString(offset, 'f', 3))
                                           : tr("Aligned by capture time: B starts %1 s before A")
                                                 .arg(QLocale().toString(-offset, 'f', 3)));
    } else if (a.mediaType == MediaType::Video && b.mediaType == MediaType::Video) {
        m_offsetLabel->setText(tr("Aligned at their starts (no shared spatial frame): offset 0 s"));
    } else {
        m_offsetLabel->clear();
    }
}

void CompareWindow::updateTimeLabel()
{
    const auto frameText = [this](const CompareSide *side) {
        if (!side->frameIndex())
            return side->isVideo() ? QStringLiteral("–") : tr("photo");
        if (m_time < side->lead())
            //: A compared video whose first frame comes later on the shared clock (it shows that frame meanwhile).
            return tr("starts in %1 s").arg(QLocale().toString(side->lead() - m_time, 'f', 2));
        return tr("frame %1/%2").arg(side->shownIndex() + 1).arg(side->frameIndex()->count());
    };
    m_timeLabel->setText(tr("%1 / %2   A: %3   B: %4")
                             .arg(clockText(m_time), clockText(sharedEnd()), frameText(m_sideA), frameText(m_sideB)));
}

} // namespace sl
