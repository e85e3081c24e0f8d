// Asset browser benchmark, the window's side: in an offscreen window over a
// large workspace, measures
//   - time from starting to open the workspace to the first rows in the
//     model, in a fresh process with the page cache dropped (cold) and
//     again warm, against the floor: a bare sqlite3 open + the same first
//     page, in a fresh process too;
//   - the longest stall of the GUI event loop while a 10-character query is
//     typed at 8 keys a second, and while the list is scrolled from top to
//     bottom;
//   - peak RSS while scrolling from top to bottom.
//
// Usage: bench_browserui WORKSPACE_DIR   (a workspace made by
//        bench_assetbrowser 1000000 WORKSPACE_DIR, or any workspace)
//        bench_browserui --first-rows WORKSPACE_DIR   (one fresh-process run;
//        used by the above, prints milliseconds)
//        bench_browserui --floor-first-rows WORKSPACE_DIR

#include "benchstats.h"
#include "browser/assetbrowserwidget.h"
#include "items/assetlistmodel.h"
#include "mainwindow.h"
#include "store/storeworker.h"
#include "store/workspace.h"

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLineEdit>
#include <QTableView>
#include <QProcess>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

using namespace sl;
using bench::Spread;
using bench::spreadOf;

namespace {

constexpr int kColdRuns = 5;
constexpr int kWarmRuns = 5;

// Peak resident set of this process (VmHWM), in MB.
double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

double rssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

// Watches the event loop: a precise timer asks to run every kTickMs; the
// longest gap between two runs, less the tick, is the longest stall.
class StallMeter : public QObject
{
public:
    static constexpr int kTickMs = 2;
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kTickMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0)
                m_longest = std::max(m_longest, now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_longest = 0;
        m_last = 0;
        m_clock.start();
        m_timer.start();
    }
    double stopMs()
    {
        m_timer.stop();
        return std::max(0.0, double(m_longest) / 1e6 - kTickMs);
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
};

// Runs the event loop until `condition` holds, checking it every
// millisecond from a timer. Unlike QTest::qWaitFor, which sleeps 10 ms
// between rounds of events, it never blocks the loop itself, so the stall
// meter reads the window's stalls and not its own.
bool waitFor(const std::function<bool()> &condition, int timeoutMs = 60000)
{
    if (condition())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(1);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (condition())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
    return condition();
}

// Runs the event loop for `ms` without blocking it.
void runEventLoopFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Types `text` into `edit` one key every `intervalMs`, from a timer, with the
// event loop running in between (QTest::keyClicks with a delay sleeps).
void typeAtPace(QWidget *edit, const QString &text, int intervalMs)
{
    QEventLoop loop;
    QTimer keys;
    keys.setInterval(intervalMs);
    qsizetype next = 0;
    QObject::connect(&keys, &QTimer::timeout, &loop, [&] {
        QTest::keyClick(edit, text.at(next).toLatin1());
        if (++next == text.size())
            loop.quit();
    });
    keys.start();
    loop.exec();
}

// One fresh-process run: open the workspace in a main window and wait for
// the first rows; prints the milliseconds since main() started.
int firstRows(const QString &directory, const QElapsedTimer &sinceStart)
{
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    window.openWorkspace(directory);
    if (!waitFor([&] { return window.assetBrowser()->model() && window.assetBrowser()->model()->rowCount() > 0; }))
        return 1;
    std::printf("%.1f\n", double(sinceStart.nsecsElapsed()) / 1e6);
    return 0;
}

// The floor of the above: the same work with the sqlite3 library alone (the
// window shows rows before SQLite's whole-file check, which runs meanwhile
// on another thread; so the floor has no check either).
int floorFirstRows(const QString &directory, const QElapsedTimer &sinceStart)
{
    sqlite3 *db = nullptr;
    const QByteArray path = QDir(directory).filePath(QStringLiteral("sightline.db")).toUtf8();
    if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
        return 1;
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT a.id, a.name, a.asset_tag, ac.name, p.name, c.name FROM assets a "
                       "LEFT JOIN accounts ac ON ac.id = a.account_id LEFT JOIN products p ON p.id = a.product_id "
                       "LEFT JOIN categories c ON c.id = a.category_id ORDER BY a.name, a.id LIMIT 256",
                       -1, &stmt, nullptr);
    int rows = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW)
        ++rows;
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    std::printf("%.1f\n", double(sinceStart.nsecsElapsed()) / 1e6);
    return rows > 0 ? 0 : 1;
}

// Runs this program in `mode` `runs` times, cold or warm; the printed ms.
std::vector<double> freshProcessRuns(const QString &mode, const QString &directory, int runs, bool cold)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        if (cold && !bench::dropOsPageCache())
            return {};
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {mode, directory});
        if (!child.waitForFinished(120000) || child.exitCode() != 0)
            return {};
        times.push_back(child.readAllStandardOutput().trimmed().toDouble());
    }
    return times;
}

void measureFirstRows(const QString &directory)
{
    for (const bool cold : {true, false}) {
        const std::vector<double> ours = freshProcessRuns(QStringLiteral("--first-rows"), directory,
                                                          cold ? kColdRuns : kWarmRuns, cold);
        const std::vector<double> floor = freshProcessRuns(QStringLiteral("--floor-first-rows"), directory,
                                                           cold ? kColdRuns : kWarmRuns, cold);
        if (ours.empty() || floor.empty()) {
            std::printf("first rows (%s): not measured (%s)\n", cold ? "cold" : "warm",
                        cold ? "dropping the page cache needs root" : "a run failed");
            continue;
        }
        const Spread a = spreadOf(ours), b = spreadOf(floor);
        std::printf("open to first rows, fresh process, %s: p50 %.0f ms, p95 %.0f ms (floor: sqlite3 open + "
                    "first page, fresh process: p50 %.0f ms, p95 %.0f ms; ratio at p50 %.2f)\n",
                    cold ? "cold" : "warm", a.p50, a.p95, b.p50, b.p95, b.p50 > 0 ? a.p50 / b.p50 : 0.0);
        std::fflush(stdout);
    }
}

// The longest stall of an idle window over `ms`: what the meter reads when
// nothing happens (the floor of the stalls below).
double idleStall(StallMeter &meter, int ms)
{
    meter.start();
    runEventLoopFor(ms);
    return meter.stopMs();
}

void printStalls(const char *what, const std::vector<double> &stalls, const std::vector<double> &idle)
{
    const Spread s = spreadOf(stalls), f = spreadOf(idle);
    std::printf("longest event-loop stall %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (floor, an idle window for as "
                "long: p50 %.1f ms, p95 %.1f ms, max %.1f ms)\n",
                what, s.p50, s.p95, s.max, f.p50, f.p95, f.max);
    std::fflush(stdout);
}

void measureWindow(const QString &directory)
{
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    window.openWorkspace(directory);
    AssetBrowserWidget *browser = window.assetBrowser();
    if (!waitFor([&] { return browser->model() && browser->model()->isIdle() && browser->model()->rowCount() > 0; })) {
        std::printf("the workspace did not open\n");
        return;
    }
    AssetListModel *model = browser->model();
    StallMeter meter;
    const auto settle = [&] {
        waitFor([&] { return model->isIdle() && model->matchCount().has_value() && !model->matchCount()->capped; });
    };
    settle();

    // Typing: 10 characters at 8 keys a second (a fast typist), then until
    // the last answer and its exact count are shown; each query different.
    const char *const queries[] = {"pump motor", "chiller 21", "gearbox 30", "filter ban", "seal mecha",
                                   "valve expa", "boiler b-4", "site 12345", "ahu-5 cont", "litware 17"};
    std::vector<double> typing, idle;
    for (const char *text : queries) {
        browser->searchEdit()->clear();
        browser->applySearchNow();
        settle();
        const QString query = QString::fromLatin1(text);
        QElapsedTimer took;
        took.start();
        meter.start();
        typeAtPace(browser->searchEdit(), query, 125);
        waitFor([&] { return model->query().text == query; });
        settle();
        typing.push_back(meter.stopMs());
        idle.push_back(idleStall(meter, int(took.elapsed())));
    }
    printStalls(qPrintable(QStringLiteral("while typing 10 characters at 8 keys/s (%1 queries, debounce %2 ms)")
                               .arg(std::size(queries))
                               .arg(AssetBrowserWidget::kDebounceMs)),
                typing, idle);

    // Scrolling the whole list, top to bottom, a screenful at a time as
    // fast as pages arrive; the stall and RSS of each tenth of the list.
    browser->searchEdit()->clear();
    browser->applySearchNow();
    waitFor([&] { return model->query().text.isEmpty() && model->rowCount() > 0; });
    settle();
    const int total = model->matchCount()->value;
    QTableView *list = browser->listView();
    const double rssBefore = rssMb();
    QElapsedTimer scrolling;
    scrolling.start();
    std::vector<double> segmentStalls, segmentRss, segmentIdle;
    int lastRow = 0;
    int segment = 0;
    meter.start();
    QElapsedTimer segmentClock;
    segmentClock.start();
    while (true) {
        QScrollBar *bar = list->verticalScrollBar();
        bar->setValue(bar->value() + bar->pageStep());
        QCoreApplication::processEvents();
        const QModelIndex bottom = list->indexAt(QPoint(1, list->viewport()->height() - 2));
        if (bottom.isValid())
            lastRow = std::max(lastRow, bottom.row());
        const bool done = (bar->value() == bar->maximum() && !model->canFetchMore({}) && model->isIdle())
            || scrolling.elapsed() > 15 * 60 * 1000;
        if (done || lastRow >= (segment + 1) * (total / 10)) {
            segmentStalls.push_back(meter.stopMs());
            segmentRss.push_back(rssMb());
            ++segment;
            if (done)
                break;
            meter.start();
        }
    }
    const double scrollSeconds = double(scrolling.elapsed()) / 1000.0;
    for (size_t i = 0; i < segmentStalls.size(); ++i)
        segmentIdle.push_back(idleStall(meter, int(scrollSeconds * 1000.0 / double(segmentStalls.size()))));
    std::printf("scrolled %d of %d rows in %.1f s, in %zu tenths\n", std::min(lastRow + 1, total), total,
                scrollSeconds, segmentStalls.size());
    printStalls("while scrolling, per tenth of the list", segmentStalls, segmentIdle);
    const Spread r = spreadOf(segmentRss);
    std::printf("RSS while scrolling, per tenth of the list: p50 %.0f MB, p95 %.0f MB, max %.0f MB (%.0f MB before; "
                "process peak %.0f MB); rows held in memory at the bottom: %d of %d\n",
                r.p50, r.p95, r.max, rssBefore, peakRssMb(), model->loadedRowCount(), model->rowCount());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("sightline-bench"));
    const QStringList args = app.arguments();
    if (args.size() == 3 && args[1] == QLatin1String("--first-rows"))
        return firstRows(args[2], sinceStart);
    if (args.size() == 3 && args[1] == QLatin1String("--floor-first-rows"))
        return floorFirstRows(args[2], sinceStart);
    if (args.size() != 2 || !QFile::exists(QDir(args[1]).filePath(QStringLiteral("sightline.db")))) {
        std::fprintf(stderr, "usage: bench_browserui WORKSPACE_DIR (a workspace, e.g. made by "
                             "bench_assetbrowser 1000000 DIR)\n");
        return 2;
    }
    measureFirstRows(args[1]);
    measureWindow(args[1]);
    return 0;
}
