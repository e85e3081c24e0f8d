#pragma once

#include <QFrame>

class QLabel;

namespace sl {

// The small popup over the timeline while the mouse hovers it: the
// thumbnail nearest the time under the mouse and that time, labelled with
// the thumbnail's own time when it differs (a thumbnail stands for its
// span of the strip, not for every frame of it).
class TimelinePreview : public QFrame
{
    Q_OBJECT
  public:
    explicit TimelinePreview(QWidget *parent = nullptr);

    // `thumbnail` may be null (not decoded yet): the time alone is shown.
    void showAt(const QPoint &globalBottomCentre, const QImage &thumbnail, double hoverSeconds,
                double thumbnailSeconds);
    QString timeText() const;
    bool hasThumbnail() const;

  private:
    QLabel *m_image = nullptr;
    QLabel *m_time = nullptr;
};

} // namespace sl
