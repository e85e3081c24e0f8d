#include "annotationtool.h"

#include <QCoreApplication>

namespace sl {

QList<AnnotationToolInfo> annotationTools()
{
    // The names show in the editor's toolbar, so they live in its context.
    // QT_TRANSLATE_NOOP names that context for lupdate too: a local tr()
    // would be filed under the namespace "sl" and never found at run time.
    const auto translated = [](const char *text) {
        return QCoreApplication::translate("sl::AnnotationEditorWidget", text);
    };
    return {
        {AnnotationTool::Select, translated(QT_TRANSLATE_NOOP("sl::AnnotationEditorWidget", "Select")),
         QKeySequence(Qt::Key_V)},
        {AnnotationTool::Pen, translated(QT_TRANSLATE_NOOP("sl::AnnotationEditorWidget", "Pen")),
         QKeySequence(Qt::Key_P)},
        {AnnotationTool::Highlighter, translated(QT_TRANSLATE_NOOP("sl::AnnotationEditorWidget", "Highlighter")),
         QKeySequence(Qt::Key_H)},
        {AnnotationTool::Arrow, translated(QT_TRANSLATE_NOOP("sl::AnnotationEditorWidget", "Arrow")),
         QKeySequence(Qt::Key_A)},
        {AnnotationTool::Line, translated(QT_TRANSLATE_NOOP("sl::AnnotationEditorWidget", "Line")),
         QKeySequence(Qt::Key_L)},
        {AnnotationTool::Rect, translated(QT_TRANSLATE_NOOP("sl::AnnotationEditorWidget", "Rectangle")),
         QKeySequence(Qt::Key_R)},
        {AnnotationTool::Ellipse, translated(QT_TRANSLATE_NOOP("sl::AnnotationEditorWidget", "Ellipse")),
         QKeySequence(Qt::Key_E)},
        {AnnotationTool::Text, translated(QT_TRANSLATE_NOOP("sl::AnnotationEditorWidget", "Text")),
         QKeySequence(Qt::Key_T)},
        {AnnotationTool::Blur, translated(QT_TRANSLATE_NOOP("sl::AnnotationEditorWidget", "Blur")),
         QKeySequence(Qt::Key_B)},
        {AnnotationTool::Pixelate, translated(QT_TRANSLATE_NOOP("sl::AnnotationEditorWidget", "Pixelate")),
         QKeySequence(Qt::Key_X)},
        // E is the ellipse's; Shift+E as in other image editors.
        {AnnotationTool::Eraser, translated(QT_TRANSLATE_NOOP("sl::AnnotationEditorWidget", "Eraser")),
         QKeySequence(Qt::SHIFT | Qt::Key_E)},
    };
}

} // namespace sl
