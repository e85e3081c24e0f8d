// sightline: the desktop app. Wiring only: options, translations, the demo
// workspace on first start, the main window.
#include "common/settingswriter.h"
#include "demo/demoworkspacebuilder.h"
#include "demobuilddialog.h"
#include "guioptions.h"
#include "mainwindow.h"
#include "screenshotter.h"

#include <QApplication>
#include <QFile>
#include <QIcon>
#include <QMessageBox>

#include <cstdio>
#include <memory>

namespace {

void setApplicationInfo()
{
    QCoreApplication::setOrganizationName(QStringLiteral("sightline"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("sightline.example"));
    QCoreApplication::setApplicationName(QStringLiteral("sightline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SIGHTLINE_VERSION));
}

} // namespace

int main(int argc, char **argv)
{
    const bool textOnly = sl::GuiOptions::wantsTextOnly(argc, argv);
    if (!textOnly && !sl::GuiOptions::hasDisplay()) {
        // Without this, Qt aborts in the xcb plugin with a long, confusing message.
        std::fprintf(stderr, "sightline: no display (DISPLAY and WAYLAND_DISPLAY are unset); "
                             "run it under a virtual one: xvfb-run -a sightline\n");
        return 2;
    }
    setApplicationInfo();

    if (textOnly) {
        // --help and --version: no window system needed.
        QCoreApplication app(argc, argv);
        sl::GuiOptions::installTranslations(app, sl::GuiOptions::languageFromArguments(app.arguments()));
        sl::GuiOptions::parse(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Sightline"));
    QGuiApplication::setDesktopFileName(QStringLiteral("com.example.Sightline"));
    if (QFile::exists(QStringLiteral(":/icons/sightline.svg")))
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/sightline.svg")));
    sl::GuiOptions::installTranslations(app, sl::GuiOptions::languageFromArguments(app.arguments()));
    const sl::GuiOptions options = sl::GuiOptions::parse(app);

    if (!options.screenshot.isEmpty() && !sl::Screenshotter::isKnownKind(options.screenshotKind)) {
        std::fprintf(stderr, "sightline: --screenshot-of takes photo, video, browser, annotate or compare, not '%s'\n",
                     qPrintable(options.screenshotKind));
        return 2;
    }
    QString workspace = options.workspace;
    if (workspace.isEmpty()) {
        workspace = sl::DemoWorkspaceBuilder::defaultDirectory();
        sl::DemoBuildDialog builder(workspace);
        if (!builder.run()) {
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Sightline"),
                                  QCoreApplication::translate("main", "The demo workspace could not be prepared: %1")
                                      .arg(builder.errorString()));
            return 1;
        }
    }

    sl::MainWindow window;
    // The workspace opens on the store worker; a failure ends the program.
    QObject::connect(&window, &sl::MainWindow::workspaceOpenFailed, &app,
                     [&options](const QString &, const QString &error) {
                         std::fprintf(stderr, "sightline: %s\n", qPrintable(error));
                         if (options.screenshot.isEmpty())
                             QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Sightline"), error);
                         QCoreApplication::exit(1);
                     });
    if (!options.screenshot.isEmpty())
        window.resize(1280, 800); // the same picture whatever size the user left the window at
    window.show();

    std::unique_ptr<sl::Screenshotter> screenshotter;
    if (!options.screenshot.isEmpty()) {
        screenshotter = std::make_unique<sl::Screenshotter>(&window, options.screenshot, options.screenshotKind);
        QObject::connect(screenshotter.get(), &sl::Screenshotter::finished, &app,
                         [](bool ok) { QCoreApplication::exit(ok ? 0 : 1); });
        QObject::connect(&window, &sl::MainWindow::workspaceOpened, screenshotter.get(), &sl::Screenshotter::start,
                         Qt::SingleShotConnection);
    }
    window.openWorkspace(workspace);
    const int status = app.exec();
    sl::SettingsWriter::waitForWrites(); // settings handed to the background writer are on disk
    return status;
}
