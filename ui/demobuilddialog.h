#pragma once

#include <QProgressDialog>
#include <QString>

namespace sl {

// Makes sure the demo workspace exists (DemoWorkspaceBuilder::ensure) on a
// worker thread while showing its progress; appears only when the work takes
// long enough to notice (the first start builds, later starts find it ready).
class DemoBuildDialog : public QProgressDialog
{
    Q_OBJECT
public:
    explicit DemoBuildDialog(const QString &directory, QWidget *parent = nullptr);

    // Runs the build and waits for it with a local event loop; false with
    // errorString() set when it failed.
    bool run();
    QString errorString() const { return m_error; }

private:
    QString m_directory;
    QString m_error;
};

} // namespace sl
