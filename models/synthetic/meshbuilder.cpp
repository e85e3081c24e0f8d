#include "synthetic/meshbuilder.h"

#include "common/logging.h"

#include <algorithm>
#include <cmath>

namespace sl {

namespace {

cv::Vec3d newellNormal(const std::vector<cv::Vec3d> &v)
{
    cv::Vec3d n(0, 0, 0);
    for (size_t i = 0; i < v.size(); ++i) {
        const cv::Vec3d &a = v[i];
        const cv::Vec3d &b = v[(i + 1) % v.size()];
        n[0] += (a[1] - b[1]) * (a[2] + b[2]);
        n[1] += (a[2] - b[2]) * (a[0] + b[0]);
        n[2] += (a[0] - b[0]) * (a[1] + b[1]);
    }
    const double length = cv::norm(n);
    return length > 0 ? n / length : cv::Vec3d(0, 1, 0);
}

} // namespace

cv::Vec3d MeshBuilder::centroid(const std::vector<cv::Vec3d> &vertices)
{
    cv::Vec3d c(0, 0, 0);
    for (const cv::Vec3d &p : vertices)
        c += p;
    return vertices.empty() ? c : c / double(vertices.size());
}

cv::Vec3b MeshBuilder::shade(const cv::Vec3b &color, const cv::Vec3d &normal)
{
    static const cv::Vec3d key = cv::normalize(cv::Vec3d(0.35, 1.0, 0.55));
    static const cv::Vec3d fill = cv::normalize(cv::Vec3d(-0.6, 0.3, -0.4));
    const double s = 0.42 + 0.5 * std::max(0.0, normal.dot(key)) + 0.18 * std::max(0.0, normal.dot(fill));
    cv::Vec3b shaded;
    for (int c = 0; c < 3; ++c)
        shaded[c] = cv::saturate_cast<uchar>(std::lround(color[c] * s));
    return shaded;
}

int MeshBuilder::addFace(std::vector<cv::Vec3d> vertices, const cv::Vec3d &normal, const cv::Vec3b &color)
{
    SceneFace face;
    face.vertices = std::move(vertices);
    face.normal = normal;
    face.color = shade(color, normal);
    face.layer = m_layer;
    face.attachedTo = m_attachedTo;
    m_faces.push_back(std::move(face));
    return int(m_faces.size()) - 1;
}

int MeshBuilder::quad(const cv::Vec3d &p0, const cv::Vec3d &p1, const cv::Vec3d &p2, const cv::Vec3d &p3,
                      const cv::Vec3d &normal, const cv::Vec3b &color)
{
    const int nu = std::max(1, int(std::ceil(cv::norm(p1 - p0) / m_maxCell - 1e-9)));
    const int nv = std::max(1, int(std::ceil(cv::norm(p3 - p0) / m_maxCell - 1e-9)));
    const auto at = [&](int i, int j) {
        const double s = double(i) / nu, t = double(j) / nv;
        return (1 - s) * (1 - t) * p0 + s * (1 - t) * p1 + s * t * p2 + (1 - s) * t * p3;
    };
    const int first = int(m_faces.size());
    for (int j = 0; j < nv; ++j) {
        for (int i = 0; i < nu; ++i)
            addFace({at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)}, normal, color);
    }
    return first;
}

void MeshBuilder::face(std::vector<cv::Vec3d> vertices, const cv::Vec3d &inside, const cv::Vec3b &color)
{
    if (vertices.size() < 3)
        return;
    cv::Vec3d normal = newellNormal(vertices);
    if (normal.dot(centroid(vertices) - inside) < 0) {
        std::reverse(vertices.begin(), vertices.end());
        normal = -normal;
    }
    if (vertices.size() == 4)
        quad(vertices[0], vertices[1], vertices[2], vertices[3], normal, color);
    else
        addFace(std::move(vertices), normal, color);
}

void MeshBuilder::box(const cv::Vec3d &minCorner, const cv::Vec3d &maxCorner, const cv::Vec3b &color)
{
    orientedBox((minCorner + maxCorner) * 0.5, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, (maxCorner - minCorner) * 0.5,
                color);
}

void MeshBuilder::orientedBox(const cv::Vec3d &centre, const cv::Vec3d &u, const cv::Vec3d &v,
                              const cv::Vec3d &w, const cv::Vec3d &halfSize, const cv::Vec3b &color)
{
    const cv::Vec3d axes[3] = {u * halfSize[0], v * halfSize[1], w * halfSize[2]};
    for (int a = 0; a < 3; ++a) {
        const cv::Vec3d &b = axes[(a + 1) % 3];
        const cv::Vec3d &c = axes[(a + 2) % 3];
        for (double sign : {-1.0, 1.0}) {
            const cv::Vec3d fc = centre + sign * axes[a];
            face({fc - b - c, fc + b - c, fc + b + c, fc - b + c}, centre, color);
        }
    }
}

void MeshBuilder::cylinder(const cv::Vec3d &a, const cv::Vec3d &b, double radius, int segments,
                           const cv::Vec3b &color, const cv::Vec3d &reference)
{
    const cv::Vec3d axis = cv::normalize(b - a);
    cv::Vec3d e1 = reference - axis * reference.dot(axis);
    if (cv::norm(e1) < 1e-9)
        e1 = std::abs(axis[0]) < 0.9 ? cv::Vec3d(1, 0, 0) : cv::Vec3d(0, 1, 0);
    e1 = cv::normalize(e1 - axis * e1.dot(axis));
    const cv::Vec3d e2 = axis.cross(e1);
    const auto rim = [&](double k) {
        const double angle = (k - 0.5) * 2 * CV_PI / segments; // facets centred on k * step
        return radius * (std::cos(angle) * e1 + std::sin(angle) * e2);
    };
    const cv::Vec3d middle = (a + b) * 0.5;
    std::vector<cv::Vec3d> capA, capB;
    for (int k = 0; k < segments; ++k) {
        face({a + rim(k), a + rim(k + 1), b + rim(k + 1), b + rim(k)}, middle, color);
        capA.push_back(a + rim(k));
        capB.push_back(b + rim(k));
    }
    face(std::move(capA), middle, color);
    face(std::move(capB), middle, color);
}

void MeshBuilder::ring(const cv::Vec3d &centre, const cv::Vec3d &axis, const cv::Vec3d &reference,
                       double radius, double tubeHalf, int segments, const cv::Vec3b &color)
{
    const cv::Vec3d n = cv::normalize(axis);
    const cv::Vec3d e1 = cv::normalize(reference - n * reference.dot(n));
    const cv::Vec3d e2 = n.cross(e1);
    // Segments meet at their outer edges.
    const double halfLength = (radius + tubeHalf) * std::tan(CV_PI / segments);
    for (int k = 0; k < segments; ++k) {
        const double angle = k * 2 * CV_PI / segments;
        const cv::Vec3d radial = std::cos(angle) * e1 + std::sin(angle) * e2;
        const cv::Vec3d tangent = n.cross(radial);
        orientedBox(centre + radius * radial, tangent, radial, n, {halfLength, tubeHalf, tubeHalf}, color);
    }
}

bool MeshBuilder::attachTo(const cv::Vec3d &point)
{
    m_attachedTo = faceContaining(m_faces, point);
    if (m_attachedTo < 0)
        qCWarning(lcDemo) << "synthetic scene: no face to attach to at" << point[0] << point[1] << point[2];
    return m_attachedTo >= 0;
}

int MeshBuilder::decal(const cv::Vec3d &centre, const cv::Vec3d &u, double halfU, const cv::Vec3d &v,
                       double halfV, const cv::Vec3b &color, int sides)
{
    const cv::Vec3d normal = cv::normalize(u.cross(v));
    const int previous = m_attachedTo;
    attachTo(centre);
    const cv::Vec3d c = centre + normal * kDecalLift;
    const cv::Vec3d du = cv::normalize(u) * halfU;
    const cv::Vec3d dv = cv::normalize(v) * halfV;
    std::vector<cv::Vec3d> vertices;
    if (sides <= 4) {
        vertices = {c - du - dv, c + du - dv, c + du + dv, c - du + dv};
    } else {
        for (int k = 0; k < sides; ++k) {
            const double angle = (k + 0.5) * 2 * CV_PI / sides;
            vertices.push_back(c + std::cos(angle) * du + std::sin(angle) * dv);
        }
    }
    const int index = addFace(std::move(vertices), normal, color);
    m_attachedTo = previous;
    return index;
}

int MeshBuilder::faceContaining(const std::vector<SceneFace> &faces, const cv::Vec3d &point, double tolerance)
{
    for (int i = int(faces.size()) - 1; i >= 0; --i) {
        const SceneFace &f = faces[size_t(i)];
        if (std::abs(f.normal.dot(point - f.vertices.front())) > tolerance)
            continue;
        bool inside = true;
        for (size_t k = 0; k < f.vertices.size() && inside; ++k) {
            const cv::Vec3d &a = f.vertices[k];
            const cv::Vec3d &b = f.vertices[(k + 1) % f.vertices.size()];
            inside = (b - a).cross(point - a).dot(f.normal) >= -tolerance;
        }
        if (inside)
            return i;
    }
    return -1;
}

} // namespace sl
