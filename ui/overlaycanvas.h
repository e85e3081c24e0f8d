#pragma once

#include "capture/capturemanifest.h"
#include "capture/markup.h"
#include "render/overlayfilter.h"
#include "render/overlayrenderer.h"

#include <QImage>
#include <QTransform>
#include <QWidget>

#include <optional>
#include <vector>

class QAction;
class QLabel;
class QPainter;

namespace sl {

class OverlayLegendPanel;

// Paints one media frame scaled to fit the widget (aspect kept) and its markup
// through OverlayRenderer, with the painter in the frame's pixel coordinates.
// Shows the renderer's notice (e.g. no camera pose) in a banner, and a
// centred message when there is no frame (loading, or an error). A viewer
// turns on its review tools (enableReviewTools): the legend, edge arrows and
// selecting markup with a click.
class OverlayCanvas : public QWidget
{
    Q_OBJECT
public:
    explicit OverlayCanvas(QWidget *parent = nullptr);

    // The capture whose markup is drawn; `worldMarkups` are its spatial frame's.
    void setCapture(const CaptureManifest &manifest, std::vector<Markup> worldMarkups);
    // A decoded frame and its media time (seconds from the media's start).
    void setFrame(const QImage &frame, double seconds);
    // A video shown turned `clockwise` degrees from its sensor orientation
    // (`codedSize`): markup is projected in sensor pixels and turned with it.
    void setSensorRotation(int clockwise, QSize codedSize);
    void clearFrame();
    // Text shown centred while there is no frame; an error replaces the frame.
    void setMessage(const QString &text, bool isError = false);
    // A notice about the capture itself (e.g. its stored manifest no longer
    // reads), shown in the banner in place of the renderer's.
    void setCaptureNotice(const QString &text);
    QString captureNotice() const { return m_captureNotice; }

    const CaptureManifest &manifest() const { return m_manifest; }
    const std::vector<Markup> &worldMarkups() const { return m_worldMarkups; }
    const QImage &frame() const { return m_frame; }
    bool hasFrame() const { return !m_frame.isNull(); }
    double frameSeconds() const { return m_seconds; }
    QString message() const { return m_message; }
    bool showsError() const { return m_isError; }
    // What the last paint drew; for tests and diagnostics.
    OverlayResult lastOverlayResult() const { return m_lastResult; }
    // Distinct frames painted so far (a repaint of the same frame does not count).
    int framesPainted() const { return m_framesPainted; }
    QString noticeText() const;
    // Maps frame pixels to widget coordinates for the current size and view.
    QTransform frameToWidget() const;
    // The view: `zoom` times the fitted scale (1 = the whole frame fits,
    // clamped to kMinZoom..kMaxZoom), shifted by `pan` widget pixels.
    void setView(double zoom, QPointF pan);
    double viewZoom() const { return m_zoom; }
    QPointF viewPan() const { return m_pan; }
    static constexpr double kMinZoom = 0.25;
    static constexpr double kMaxZoom = 32;
    int sensorRotation() const { return m_rotation; }
    QSize codedSize() const { return m_codedSize; }

    // Paints the frame and its markup with the frame's pixels mapped by
    // `toWidget` (on top of the painter's transform), within the painter's
    // clip: for a view that composes this canvas's picture with another's.
    void paintFrame(QPainter &painter, const QTransform &toWidget);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // What a viewer offers beyond the picture (the annotation editor has its
    // own tools): a legend panel listing authors and kinds with toggles
    // (shown and hidden with G, the action legendAction()), arrows at the
    // edge toward world markup out of the picture, and a click on a markup
    // selecting it (highlighted, its author, time, kind and space in a box;
    // Esc clears).
    void enableReviewTools();
    bool reviewToolsEnabled() const { return m_reviewTools; }
    // The legend's toggles, applied to what is drawn and what a click finds.
    const OverlayFilter &overlayFilter() const { return m_filter; }
    OverlayLegendPanel *legendPanel() const { return m_legend; }
    QAction *legendAction() const { return m_legendAction; }
    // Selects the markup under a widget position (none: clears); true when one was found.
    bool selectAt(QPointF widgetPos);
    void clearSelection();
    QString selectedMarkupId() const { return m_selected ? m_selected->id : QString(); }
    // The selection's details as shown in its box; empty without a selection.
    QString selectionInfoText() const;

Q_SIGNALS:
    void framePainted(double seconds);
    void markupSelected(const QString &markupId); // empty: cleared

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void paintBanner(QPainter &painter, const QString &text);
    void paintMessage(QPainter &painter);
    void paintSelection(QPainter &painter);
    // The transform the overlay is painted under (frame or sensor pixels to
    // widget pixels) and the size of the frame it paints in.
    QTransform overlayToWidget(QSize *overlaySize) const;
    void setFilter(const OverlayFilter &filter);
    void placePanels();
    void showSelectionInfo();

    CaptureManifest m_manifest;
    PoseTrack m_poseTrack; // m_manifest's, made once per capture rather than on every paint
    std::vector<Markup> m_worldMarkups;
    QImage m_frame;
    int m_rotation = 0; // clockwise degrees
    QSize m_codedSize;  // sensor pixels
    QImage m_sensorFrame; // m_frame turned back to the sensor, for redaction; made when first painted
    double m_seconds = 0;
    quint64 m_frameSerial = 0;
    quint64 m_paintedSerial = 0;
    int m_framesPainted = 0;
    OverlayResult m_lastResult;
    QString m_message;
    bool m_isError = false;
    QString m_captureNotice;
    double m_zoom = 1;
    QPointF m_pan; // widget pixels
    bool m_reviewTools = false;
    OverlayFilter m_filter;
    OverlayLegendPanel *m_legend = nullptr;
    QAction *m_legendAction = nullptr;
    bool m_legendFoldChosen = false; // the user folded or unfolded the legend: kept so
    QLabel *m_selectionInfo = nullptr;
    std::optional<Markup> m_selected;
};

} // namespace sl
