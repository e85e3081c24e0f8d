#include "guioptions.h"

#include "common/logging.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstring>

namespace sl {

bool GuiOptions::wantsTextOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (!std::strcmp(arg, "--help") || !std::strcmp(arg, "-h") || !std::strcmp(arg, "--help-all")
            || !std::strcmp(arg, "--version") || !std::strcmp(arg, "-v") || !std::strcmp(arg, "-?"))
            return true;
    }
    return false;
}

bool GuiOptions::hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

QString GuiOptions::languageFromArguments(const QStringList &arguments)
{
    const QString option = QStringLiteral("--lang");
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == option && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arg.startsWith(option + QLatin1Char('=')))
            return arg.mid(option.size() + 1);
    }
    return {};
}

GuiOptions GuiOptions::parse(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Review field captures of equipment with their spatial markup."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspace(QStringLiteral("workspace"),
                                       tr("Open the workspace in <directory> (default: the demo workspace, "
                                          "built on first start)."),
                                       tr("directory"));
    const QCommandLineOption language(QStringLiteral("lang"),
                                      tr("Use the language <code>, e.g. de (default: the system's)."), tr("code"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        tr("Show the first capture, save a picture of the window to <file> "
                                           "(PNG) and quit."),
                                        tr("file"));
    parser.addOption(workspace);
    parser.addOption(language);
    const QCommandLineOption screenshotOf(QStringLiteral("screenshot-of"),
                                          tr("With --screenshot: show <kind>: photo or video (the first capture of that kind), browser "
                                             "(the asset hierarchy and facets), annotate (the first photo in the annotation editor), or compare (two photos of one asset in a wipe)."),
                                          tr("kind"));
    parser.addOption(screenshot);
    parser.addOption(screenshotOf);
    parser.addPositionalArgument(QStringLiteral("workspace"), tr("The workspace directory (like --workspace)."),
                                 QStringLiteral("[workspace]"));
    parser.process(app);

    GuiOptions options;
    options.workspace = parser.value(workspace);
    const QStringList positional = parser.positionalArguments();
    if (options.workspace.isEmpty() && !positional.isEmpty())
        options.workspace = positional.first();
    if (!options.workspace.isEmpty())
        options.workspace = QFileInfo(options.workspace).absoluteFilePath();
    options.language = parser.value(language);
    options.screenshot = parser.value(screenshot);
    if (parser.isSet(screenshotOf))
        options.screenshotKind = parser.value(screenshotOf);
    if (!options.screenshot.isEmpty())
        options.screenshot = QFileInfo(options.screenshot).absoluteFilePath();
    return options;
}

void GuiOptions::installTranslations(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);

    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("sightline"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(own);
    } else {
        delete own;
        if (!language.isEmpty() && locale.language() != QLocale::English)
            qCWarning(lcApp).noquote() << "no translation for language" << language << "- using English";
    }
    // Qt's own strings in standard dialogs (buttons, file dialogs).
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
}

} // namespace sl
