#pragma once

#include "capture/markup.h"
#include "compare/comparetimeline.h"
#include "compare/compareviewgeometry.h"
#include "domain/capturerecord.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <vector>

class QAction;
class QLabel;
class QMenuBar;
class QStackedWidget;
class QToolButton;

namespace sl {

class CompareCanvas;
class CompareSide;
class CompareSound;
class WipeView;

// Two captures of one asset compared: side by side, or in a wipe (W). The
// pictures share one view (wheel at the cursor, drag to pan, 0 fits): the
// other side follows in normalised image coordinates. Videos share one
// clock, aligned by capture time when both belong to one spatial frame,
// else at their starts; play, pause and steps drive both, each side showing
// its own exact frame from its own frame source with its markup. A photo
// against a video stays while the video plays. Each side's title names the
// capture, its date and which is older. The sound of one side (A's at
// first) plays along the shared clock; the Sound menu chooses the side.
class CompareWindow : public QWidget
{
    Q_OBJECT
public:
    // One capture to compare (what CaptureOpening reads).
    struct Capture
    {
        CaptureRecord record;
        QString mediaPath; // absolute
        std::vector<Markup> worldMarkups;
    };

    explicit CompareWindow(QWidget *parent = nullptr);
    ~CompareWindow() override;

    // `a` is shown left (the caller puts the earlier capture there).
    void open(Capture a, Capture b);

    CompareSide *side(int index) const { return index == 0 ? m_sideA : m_sideB; }
    CompareCanvas *canvas(int index) const { return index == 0 ? m_canvasA : m_canvasB; }
    WipeView *wipeView() const { return m_wipe; }
    CompareSound *sound() const { return m_sound; }
    QLabel *title(int index) const { return index == 0 ? m_titleA : m_titleB; }
    QLabel *offsetLabel() const { return m_offsetLabel; }
    const SharedView &sharedView() const { return m_view; }
    void setSharedView(const SharedView &view);
    const TimeAlignment &alignment() const { return m_alignment; }
    // Seconds on the shared clock (from the earlier video's first frame).
    double sharedTime() const { return m_time; }
    bool isWipe() const;
    bool isPlaying() const { return m_tick.isActive(); }

public Q_SLOTS:
    void setWipe(bool on);
    void play();
    void pause();
    void togglePlayPause();
    // Pauses and moves to the next (+) or previous (-) distinct pair of frames, `count` times.
    void stepFrames(int count);
    void goToStart();
    void setSharedTime(double seconds);
    void fitView();
    void zoomBy(double factor);

Q_SIGNALS:
    void playingChanged(bool playing);

private:
    void buildUi();
    // The window's actions, in its menus and as buttons (in this order).
    void buildActions(QMenuBar *bar, QList<QAction *> *playbackActions, QList<QAction *> *viewActions);
    void onTick();
    void onZoomRequested(int side, double factor, QPointF cursor, QRectF box);
    void onPanRequested(int side, QPointF delta, QRectF box);
    void updateTitles();
    void updateTimeLabel();
    double sharedEnd() const;
    QString titleOf(const CaptureRecord &record, const CaptureRecord &other) const;

    CompareCanvas *m_canvasA = nullptr;
    CompareCanvas *m_canvasB = nullptr;
    CompareSide *m_sideA = nullptr;
    CompareSide *m_sideB = nullptr;
    WipeView *m_wipe = nullptr;
    CompareSound *m_sound = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_titleA = nullptr;
    QLabel *m_titleB = nullptr;
    QLabel *m_timeLabel = nullptr;
    QLabel *m_offsetLabel = nullptr;
    QList<QWidget *> m_playbackControls; // hidden when neither side is a video
    QAction *m_playAction = nullptr;
    QAction *m_wipeAction = nullptr;
    SharedView m_view;
    TimeAlignment m_alignment;
    double m_time = 0;     // shared clock, seconds
    double m_playFrom = 0; // shared time when play started
    QElapsedTimer m_clock; // wall time since play started
    QTimer m_tick;         // drives playback
};

} // namespace sl
