#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

namespace sl {

class MainWindow;

// `sightline --screenshot FILE.png`: once the window shows, opens the first
// capture, waits until its thumbnails and pixels are on screen, saves a
// picture of the window and reports whether that worked.
class Screenshotter : public QObject
{
    Q_OBJECT
public:
    Screenshotter(MainWindow *window, const QString &path, bool video, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void finished(bool ok);

private:
    bool contentReady();
    void poll();
    void capture();

    MainWindow *m_window;
    QString m_path;
    bool m_video = false;
    bool m_seekRequested = false;
    QTimer m_poll;
    QElapsedTimer m_clock;
};

} // namespace sl
