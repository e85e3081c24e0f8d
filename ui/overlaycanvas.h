#pragma once

#include "capture/capturemanifest.h"
#include "capture/markup.h"
#include "render/overlayrenderer.h"

#include <QImage>
#include <QTransform>
#include <QWidget>

#include <vector>

class QPainter;

namespace sl {

// Paints one media frame scaled to fit the widget (aspect kept) and its markup
// through OverlayRenderer, with the painter in the frame's pixel coordinates.
// Shows the renderer's notice (e.g. no camera pose) in a banner, and a
// centred message when there is no frame (loading, or an error).
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

    const CaptureManifest &manifest() const { return m_manifest; }
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

Q_SIGNALS:
    void framePainted(double seconds);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void paintBanner(QPainter &painter, const QString &text);
    void paintMessage(QPainter &painter);

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
};

} // namespace sl
