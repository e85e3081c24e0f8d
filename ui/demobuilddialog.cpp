#include "demobuilddialog.h"

#include "common/logging.h"
#include "demo/demoworkspacebuilder.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace sl {

namespace {

constexpr int kSteps = 1000;

} // namespace

DemoBuildDialog::DemoBuildDialog(const QString &directory, QWidget *parent)
    : QProgressDialog(parent)
    , m_directory(directory)
{
    setWindowTitle(tr("Preparing the demo workspace"));
    setLabelText(tr("Preparing the demo workspace…"));
    setRange(0, kSteps);
    setMinimumDuration(400);
    setCancelButton(nullptr); // the build is one transaction per step: it is not interrupted
    setAutoClose(false);
    setAutoReset(false);
    setMinimumWidth(420);
}

bool DemoBuildDialog::run()
{
    struct Outcome
    {
        bool ok = false;
        QString error;
    };
    QPointer<DemoBuildDialog> self(this);
    const auto progress = [self](const QString &step, double fraction) {
        // Called on the worker: hand the update to the GUI thread.
        QMetaObject::invokeMethod(
            self.data(),
            [self, step, fraction]() {
                if (!self)
                    return;
                if (!step.isEmpty())
                    self->setLabelText(step);
                const double clamped = std::isfinite(fraction) ? std::clamp(fraction, 0.0, 1.0) : 0.0;
                self->setValue(int(std::lround(clamped * kSteps)));
            },
            Qt::QueuedConnection);
    };

    QFutureWatcher<Outcome> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    const QString directory = m_directory;
    watcher.setFuture(QtConcurrent::run([directory, progress]() {
        Outcome outcome;
        outcome.ok = DemoWorkspaceBuilder::ensure(directory, &outcome.error, progress);
        return outcome;
    }));
    if (!watcher.isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    const Outcome outcome = watcher.result();
    if (!outcome.ok) {
        m_error = outcome.error.isEmpty() ? tr("The demo workspace could not be built.") : outcome.error;
        qCWarning(lcDemo) << "demo workspace" << directory << m_error;
    }
    hide();
    return outcome.ok;
}

} // namespace sl
