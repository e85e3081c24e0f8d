#include "player/timelinepreview.h"

#include "uitext.h"

#include <QLabel>
#include <QPixmap>
#include <QVBoxLayout>

#include <cmath>

namespace sl {

TimelinePreview::TimelinePreview(QWidget *parent) : QFrame(parent, Qt::ToolTip | Qt::FramelessWindowHint)
{
    setObjectName(QStringLiteral("timelinePreview"));
    setFrameShape(QFrame::Box);
    setAttribute(Qt::WA_ShowWithoutActivating);
    m_image = new QLabel(this);
    m_image->setObjectName(QStringLiteral("timelinePreviewImage"));
    m_image->setAlignment(Qt::AlignCenter);
    m_time = new QLabel(this);
    m_time->setObjectName(QStringLiteral("timelinePreviewTime"));
    m_time->setAlignment(Qt::AlignCenter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(3, 3, 3, 3);
    layout->setSpacing(2);
    layout->addWidget(m_image);
    layout->addWidget(m_time);
}

void TimelinePreview::showAt(const QPoint &globalBottomCentre, const QImage &thumbnail, double hoverSeconds,
                             double thumbnailSeconds)
{
    if (thumbnail.isNull()) {
        m_image->clear();
        m_image->hide();
        m_time->setText(UiText::mediaTime(hoverSeconds));
    } else {
        // Twice the strip's size: a preview to recognise the place by.
        m_image->setPixmap(QPixmap::fromImage(thumbnail).scaledToHeight(thumbnail.height() * 2, Qt::SmoothTransformation));
        m_image->show();
        // Half a millisecond apart is the same time on screen.
        m_time->setText(std::abs(hoverSeconds - thumbnailSeconds) < 0.0005
                            ? UiText::mediaTime(hoverSeconds)
                            : tr("%1 (picture at %2)")
                                  .arg(UiText::mediaTime(hoverSeconds), UiText::mediaTime(thumbnailSeconds)));
    }
    adjustSize();
    move(globalBottomCentre - QPoint(width() / 2, height() + 4));
    show();
}

QString TimelinePreview::timeText() const
{
    return m_time->text();
}

bool TimelinePreview::hasThumbnail() const
{
    return !m_image->isHidden() && !m_image->pixmap().isNull();
}

} // namespace sl
