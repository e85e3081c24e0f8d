#include "spatial/pose.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>

namespace sl {

double Quaternion::norm() const
{
    return std::sqrt(x * x + y * y + z * z + w * w);
}

Quaternion Quaternion::normalized() const
{
    const double n = norm();
    if (!(n > 0) || !std::isfinite(n))
        return Quaternion(); // degenerate: identity rather than NaNs
    return Quaternion{x / n, y / n, z / n, w / n};
}

cv::Matx33d Quaternion::toRotationMatrix() const
{
    const Quaternion q = normalized();
    const double xx = q.x * q.x, yy = q.y * q.y, zz = q.z * q.z;
    const double xy = q.x * q.y, xz = q.x * q.z, yz = q.y * q.z;
    const double wx = q.w * q.x, wy = q.w * q.y, wz = q.w * q.z;
    return cv::Matx33d(1 - 2 * (yy + zz), 2 * (xy - wz), 2 * (xz + wy),
                       2 * (xy + wz), 1 - 2 * (xx + zz), 2 * (yz - wx),
                       2 * (xz - wy), 2 * (yz + wx), 1 - 2 * (xx + yy));
}

Quaternion Quaternion::fromRotationMatrix(const cv::Matx33d &r)
{
    // Shepperd's method: build from the largest of w, x, y, z so that the
    // square root never takes a tiny (or negative, by rounding) argument.
    const double trace = r(0, 0) + r(1, 1) + r(2, 2);
    Quaternion q;
    if (trace >= r(0, 0) && trace >= r(1, 1) && trace >= r(2, 2)) {
        const double s = 2 * std::sqrt(std::max(0.0, 1 + trace)); // 4w
        q.w = 0.25 * s;
        q.x = (r(2, 1) - r(1, 2)) / s;
        q.y = (r(0, 2) - r(2, 0)) / s;
        q.z = (r(1, 0) - r(0, 1)) / s;
    } else if (r(0, 0) >= r(1, 1) && r(0, 0) >= r(2, 2)) {
        const double s = 2 * std::sqrt(std::max(0.0, 1 + r(0, 0) - r(1, 1) - r(2, 2))); // 4x
        q.w = (r(2, 1) - r(1, 2)) / s;
        q.x = 0.25 * s;
        q.y = (r(0, 1) + r(1, 0)) / s;
        q.z = (r(0, 2) + r(2, 0)) / s;
    } else if (r(1, 1) >= r(2, 2)) {
        const double s = 2 * std::sqrt(std::max(0.0, 1 + r(1, 1) - r(0, 0) - r(2, 2))); // 4y
        q.w = (r(0, 2) - r(2, 0)) / s;
        q.x = (r(0, 1) + r(1, 0)) / s;
        q.y = 0.25 * s;
        q.z = (r(1, 2) + r(2, 1)) / s;
    } else {
        const double s = 2 * std::sqrt(std::max(0.0, 1 + r(2, 2) - r(0, 0) - r(1, 1))); // 4z
        q.w = (r(1, 0) - r(0, 1)) / s;
        q.x = (r(0, 2) + r(2, 0)) / s;
        q.y = (r(1, 2) + r(2, 1)) / s;
        q.z = 0.25 * s;
    }
    if (q.w < 0) // canonical sign: q and -q are the same rotation
        q = Quaternion{-q.x, -q.y, -q.z, -q.w};
    return q.normalized();
}

Quaternion Quaternion::slerp(const Quaternion &a, const Quaternion &b, double s)
{
    const Quaternion qa = a.normalized();
    Quaternion qb = b.normalized();
    double dot = qa.x * qb.x + qa.y * qb.y + qa.z * qb.z + qa.w * qb.w;
    if (dot < 0) { // take the shorter arc
        qb = Quaternion{-qb.x, -qb.y, -qb.z, -qb.w};
        dot = -dot;
    }
    double wa = 1 - s;
    double wb = s;
    // Nearly parallel: sin(theta) -> 0, so interpolate linearly and renormalise.
    if (dot < 0.9995) {
        const double theta = std::acos(std::min(1.0, dot));
        const double sinTheta = std::sin(theta);
        wa = std::sin((1 - s) * theta) / sinTheta;
        wb = std::sin(s * theta) / sinTheta;
    }
    return Quaternion{wa * qa.x + wb * qb.x, wa * qa.y + wb * qb.y,
                      wa * qa.z + wb * qb.z, wa * qa.w + wb * qb.w}
        .normalized();
}

cv::Matx44d Pose::toMatrix() const
{
    const cv::Matx33d r = rotation.toRotationMatrix();
    return cv::Matx44d(r(0, 0), r(0, 1), r(0, 2), position[0],
                       r(1, 0), r(1, 1), r(1, 2), position[1],
                       r(2, 0), r(2, 1), r(2, 2), position[2],
                       0, 0, 0, 1);
}

Pose Pose::fromMatrix(const cv::Matx44d &m)
{
    const cv::Matx33d r(m(0, 0), m(0, 1), m(0, 2),
                        m(1, 0), m(1, 1), m(1, 2),
                        m(2, 0), m(2, 1), m(2, 2));
    // The nearest rotation (in the Frobenius sense) to the upper-left 3x3:
    // R = U V^T from its SVD, with the sign fixed so that det(R) = +1.
    // This removes rounding noise and any scale a device left in the matrix.
    cv::Matx33d u, vt;
    cv::Matx31d w;
    cv::SVD::compute(r, w, u, vt);
    cv::Matx33d rot = u * vt;
    if (cv::determinant(rot) < 0) {
        for (int i = 0; i < 3; ++i)
            u(i, 2) = -u(i, 2);
        rot = u * vt;
    }
    Pose pose;
    pose.position = cv::Vec3d(m(0, 3), m(1, 3), m(2, 3));
    pose.rotation = Quaternion::fromRotationMatrix(rot);
    return pose;
}

cv::Vec3d Pose::worldToCamera(const cv::Vec3d &world) const
{
    // Camera-to-world is X = R c + p, so c = R^T (X - p).
    return rotation.toRotationMatrix().t() * (world - position);
}

} // namespace sl
