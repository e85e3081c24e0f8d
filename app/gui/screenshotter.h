#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

namespace sl {

class AnnotationDocument;
class AnnotationWindow;
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
    // `kind`: "photo", "video", "browser", "annotate" (the first photo in
    // the annotation editor, with a markup of each kind drawn) or "compare"
    // (the first photo's asset's oldest and newest photos in a wipe).
    Screenshotter(MainWindow *window, const QString &path, const QString &kind, QObject *parent = nullptr);
    static bool isKnownKind(const QString &kind);
    void start();

Q_SIGNALS:
    void finished(bool ok);

private:
    bool contentReady();
    bool browserReady();
    bool compareReady();
    void poll();
    void capture();
    void sketchMarkup(AnnotationDocument *document);

    MainWindow *m_window;
    QString m_path;
    QString m_kind;
    bool m_seekRequested = false;
    bool m_nothingToShow = false;
    bool m_captureOpened = false;
    int m_browserStep = 0;
    bool m_annotateRequested = false;
    bool m_compareRequested = false;
    QPointer<AnnotationWindow> m_annotation;
    QTimer m_poll;
    QElapsedTimer m_clock;
};

} // namespace sl
