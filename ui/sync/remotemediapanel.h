#pragma once

#include "capture/capturemanifest.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace sl {

// What the viewer shows for a capture pulled from the asset store whose
// file is not here (not fetched yet, or evicted from the media cache): what
// it is, and a button that fetches the files of its asset with the next
// sync. Replaced by the photo or the player once the file is here.
class RemoteMediaPanel : public QWidget
{
    Q_OBJECT

public:
    RemoteMediaPanel(MediaType type, const QString &capturedAt, QWidget *parent = nullptr);

    // While the sync that fetches it runs: the button waits.
    void setFetching(bool fetching);
    bool isFetching() const { return m_fetching; }
    // The fetch ended without the file: why, and the button again.
    void setFailed(const QString &why);
    // The capture is no longer in the workspace: `notice` in place of the
    // status, and nothing to fetch any more.
    void showRemoved(const QString &notice);
    bool isRemoved() const { return m_removed; }

    QPushButton *fetchButton() const { return m_fetch; }
    QString statusText() const;

Q_SIGNALS:
    void fetchRequested();

private:
    QLabel *m_status = nullptr;
    QPushButton *m_fetch = nullptr;
    bool m_fetching = false;
    bool m_removed = false;
};

} // namespace sl
