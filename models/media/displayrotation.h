#pragma once

#include <QImage>
#include <QSize>
#include <QTransform>

namespace sl {

// A video's display rotation (the container's display matrix): frames are
// decoded in the camera's sensor orientation and shown turned by 0, 90, 180
// or 270 degrees clockwise. Markup is projected in sensor pixels (the
// intrinsics are the sensor's) and then turned with the frame.
class DisplayRotation
{
  public:
    // Maps sensor pixels (0..codedSize) to displayed pixels.
    static QTransform sensorToDisplay(int clockwise, QSize codedSize);
    // The displayed size of a frame of `codedSize`.
    static QSize displaySize(int clockwise, QSize codedSize);
    // A displayed frame turned back into sensor orientation (a copy).
    static QImage toSensor(const QImage &displayed, int clockwise);
    // A sensor-oriented image turned for display (a copy).
    static QImage toDisplay(const QImage &sensor, int clockwise);
};

} // namespace sl
