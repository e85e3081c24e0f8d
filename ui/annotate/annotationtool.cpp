#include "annotationtool.h"

#include <QCoreApplication>

namespace sl {

QList<AnnotationToolInfo> annotationTools()
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("sl::AnnotationEditorWidget", text); };
    return {
        {AnnotationTool::Select, tr("Select"), QKeySequence(Qt::Key_V)},
        {AnnotationTool::Pen, tr("Pen"), QKeySequence(Qt::Key_P)},
        {AnnotationTool::Arrow, tr("Arrow"), QKeySequence(Qt::Key_A)},
        {AnnotationTool::Line, tr("Line"), QKeySequence(Qt::Key_L)},
        {AnnotationTool::Rect, tr("Rectangle"), QKeySequence(Qt::Key_R)},
        {AnnotationTool::Ellipse, tr("Ellipse"), QKeySequence(Qt::Key_E)},
        {AnnotationTool::Text, tr("Text"), QKeySequence(Qt::Key_T)},
        {AnnotationTool::Blur, tr("Blur"), QKeySequence(Qt::Key_B)},
    };
}

} // namespace sl
