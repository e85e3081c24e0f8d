// MarkupHandles: which handles a markup has, and the points after one is
// dragged (normalised image coordinates).
#include "annotation/markuphandles.h"

#include <QTest>

using namespace sl;

using Points = std::vector<cv::Point2d>;
Q_DECLARE_METATYPE(Points)
Q_DECLARE_METATYPE(cv::Point2d)

namespace {

Markup markup(MarkupKind kind, Points points, MarkupSpace space = MarkupSpace::Image)
{
    Markup m;
    m.id = QStringLiteral("m");
    m.kind = kind;
    m.space = space;
    m.imagePoints = std::move(points);
    return m;
}

bool near(const Points &a, const Points &b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (cv::norm(a[i] - b[i]) > 1e-9)
            return false;
    return true;
}

QByteArray text(const Points &points)
{
    QByteArray out;
    for (const cv::Point2d &p : points)
        out += QByteArray::number(p.x) + ',' + QByteArray::number(p.y) + ' ';
    return out;
}

} // namespace

class tst_MarkupHandles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handles_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<Points>("points");
        QTest::addColumn<Points>("handles");
        QTest::newRow("arrow: its ends") << int(MarkupKind::Arrow) << Points{{0.1, 0.2}, {0.5, 0.6}}
                                         << Points{{0.1, 0.2}, {0.5, 0.6}};
        QTest::newRow("rect: corners clockwise from top-left")
            << int(MarkupKind::Rect) << Points{{0.5, 0.6}, {0.1, 0.2}}
            << Points{{0.1, 0.2}, {0.5, 0.2}, {0.5, 0.6}, {0.1, 0.6}};
        QTest::newRow("ink: its bounds' corners") << int(MarkupKind::Ink) << Points{{0.2, 0.5}, {0.3, 0.1}, {0.4, 0.3}}
                                                  << Points{{0.2, 0.1}, {0.4, 0.1}, {0.4, 0.5}, {0.2, 0.5}};
        QTest::newRow("text: none") << int(MarkupKind::Text) << Points{{0.2, 0.5}} << Points{};
    }
    void handles()
    {
        QFETCH(int, kind);
        QFETCH(Points, points);
        QFETCH(Points, handles);
        const Points got = MarkupHandles::of(markup(MarkupKind(kind), points));
        QVERIFY2(near(got, handles), text(got).constData());
    }

    void worldMarkupHasNone()
    {
        Markup world = markup(MarkupKind::Arrow, {}, MarkupSpace::World);
        world.worldPoints = {cv::Vec3d(0, 0, 1), cv::Vec3d(1, 0, 1)};
        QVERIFY(MarkupHandles::of(world).empty());
        QVERIFY(MarkupHandles::resized(world, 0, {0.5, 0.5}).empty());
    }

    void resized_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<Points>("points");
        QTest::addColumn<int>("handle");
        QTest::addColumn<cv::Point2d>("to");
        QTest::addColumn<Points>("expected");
        QTest::newRow("line head") << int(MarkupKind::Line) << Points{{0.1, 0.1}, {0.5, 0.5}} << 1
                                   << cv::Point2d(0.7, 0.2) << Points{{0.1, 0.1}, {0.7, 0.2}};
        QTest::newRow("arrow tail") << int(MarkupKind::Arrow) << Points{{0.1, 0.1}, {0.5, 0.5}} << 0
                                    << cv::Point2d(0.3, 0.4) << Points{{0.3, 0.4}, {0.5, 0.5}};
        QTest::newRow("rect bottom-right") << int(MarkupKind::Rect) << Points{{0.2, 0.2}, {0.4, 0.4}} << 2
                                           << cv::Point2d(0.6, 0.7) << Points{{0.2, 0.2}, {0.6, 0.7}};
        QTest::newRow("blur top-right past the left edge")
            << int(MarkupKind::Blur) << Points{{0.2, 0.2}, {0.4, 0.4}} << 1 << cv::Point2d(0.1, 0.1)
            << Points{{0.2, 0.4}, {0.1, 0.1}};
        QTest::newRow("clamped to the image") << int(MarkupKind::Ellipse) << Points{{0.2, 0.2}, {0.4, 0.4}} << 2
                                              << cv::Point2d(1.5, -0.5) << Points{{0.2, 0.2}, {1.0, 0.0}};
        QTest::newRow("ink scaled about the opposite corner")
            << int(MarkupKind::Ink) << Points{{0.2, 0.2}, {0.3, 0.4}, {0.4, 0.3}} << 2 << cv::Point2d(0.6, 0.6)
            << Points{{0.2, 0.2}, {0.4, 0.6}, {0.6, 0.4}};
        QTest::newRow("flat ink keeps its flat axis")
            << int(MarkupKind::Ink) << Points{{0.2, 0.5}, {0.4, 0.5}} << 1 << cv::Point2d(0.6, 0.3)
            << Points{{0.2, 0.5}, {0.6, 0.5}};
        QTest::newRow("a handle it does not have") << int(MarkupKind::Line) << Points{{0.1, 0.1}, {0.5, 0.5}} << 3
                                                   << cv::Point2d(0.9, 0.9) << Points{{0.1, 0.1}, {0.5, 0.5}};
    }
    void resized()
    {
        QFETCH(int, kind);
        QFETCH(Points, points);
        QFETCH(int, handle);
        QFETCH(cv::Point2d, to);
        QFETCH(Points, expected);
        const Points got = MarkupHandles::resized(markup(MarkupKind(kind), points), handle, to);
        QVERIFY2(near(got, expected), text(got).constData());
    }
};

QTEST_GUILESS_MAIN(tst_MarkupHandles)
#include "tst_markuphandles.moc"
