#pragma once

#include <QCoreApplication>
#include <QString>

class QApplication;

namespace sl {

// The GUI's command line: parsed options, display detection and translations.
class GuiOptions
{
    Q_DECLARE_TR_FUNCTIONS(GuiOptions)
public:
    QString workspace;  // empty: the demo workspace
    QString language;   // empty: the system locale
    QString screenshot; // PNG to write after start-up, then quit
    // What the screenshot shows: "photo" or "video" (the first capture of
    // that kind) or "browser" (the hierarchy, facets and an asset's path).
    QString screenshotKind = QStringLiteral("photo");

    // Whether the arguments only ask for text (--help, --version), which needs no display.
    static bool wantsTextOnly(int argc, char **argv);
    // Whether a GUI can start: a display, or a platform chosen by QT_QPA_PLATFORM.
    static bool hasDisplay();
    // Parses the application's arguments; handles --help and --version (and
    // bad options) by printing and exiting, as QCommandLineParser does.
    static GuiOptions parse(const QCoreApplication &app);
    // The --lang value, read before parsing so that --help is translated too.
    static QString languageFromArguments(const QStringList &arguments);
    // Loads Sightline's and Qt's translations for `language` (empty: the
    // system locale); the translators are owned by the application.
    static void installTranslations(QCoreApplication &app, const QString &language);
};

} // namespace sl
