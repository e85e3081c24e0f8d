#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

namespace sl {

class MainWindow;

// `sightline --screenshot FILE.png [--screenshot-of KIND]`: once the
// workspace is open, shows what KIND asks for (the first photo or video with
// its markup, or the asset hierarchy with facets and a sub-asset's master
// path), waits until it is on screen, saves a picture of the window and
// reports whether that worked.
class Screenshotter : public QObject
{
    Q_OBJECT
public:
    // `kind`: "photo", "video" or "browser".
    Screenshotter(MainWindow *window, const QString &path, const QString &kind, QObject *parent = nullptr);
    static bool isKnownKind(const QString &kind);
    void start();

Q_SIGNALS:
    void finished(bool ok);

private:
    bool contentReady();
    bool browserReady();
    void poll();
    void capture();

    MainWindow *m_window;
    QString m_path;
    QString m_kind;
    bool m_seekRequested = false;
    bool m_nothingToShow = false;
    bool m_captureOpened = false;
    int m_browserStep = 0;
    QTimer m_poll;
    QElapsedTimer m_clock;
};

} // namespace sl
