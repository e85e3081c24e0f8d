#pragma once

#include <QKeySequence>
#include <QString>

namespace sl {

// The tools of the annotation editor, each with its keyboard shortcut.
enum class AnnotationTool { Select, Pen, Highlighter, Arrow, Line, Rect, Ellipse, Text, Blur, Pixelate, Eraser };

struct AnnotationToolInfo
{
    AnnotationTool tool;
    QString name;          // translated, for the tool bar
    QKeySequence shortcut; // one key (or Shift and a key) per tool
};

// Every tool in tool bar order.
QList<AnnotationToolInfo> annotationTools();

} // namespace sl
