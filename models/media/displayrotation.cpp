#include "media/displayrotation.h"

namespace sl {

QTransform DisplayRotation::sensorToDisplay(int clockwise, QSize codedSize)
{
    const qreal w = codedSize.width();
    const qreal h = codedSize.height();
    // QTransform(m11, m12, m21, m22, dx, dy): x' = m11 x + m21 y + dx, y' = m12 x + m22 y + dy.
    switch (clockwise) {
    case 90: // the sensor's top-left corner ends top right
        return QTransform(0, 1, -1, 0, h, 0);
    case 180:
        return QTransform(-1, 0, 0, -1, w, h);
    case 270: // the sensor's top-left corner ends bottom left
        return QTransform(0, -1, 1, 0, 0, w);
    default:
        return {};
    }
}

QSize DisplayRotation::displaySize(int clockwise, QSize codedSize)
{
    return clockwise == 90 || clockwise == 270 ? codedSize.transposed() : codedSize;
}

QImage DisplayRotation::toSensor(const QImage &displayed, int clockwise)
{
    if (clockwise == 0)
        return displayed;
    return displayed.transformed(QTransform().rotate(-clockwise));
}

QImage DisplayRotation::toDisplay(const QImage &sensor, int clockwise)
{
    if (clockwise == 0)
        return sensor;
    return sensor.transformed(QTransform().rotate(clockwise));
}

} // namespace sl
