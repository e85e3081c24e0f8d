#include "inlinetexteditor.h"

#include "common/inputlimits.h"

#include <QKeyEvent>

namespace sl {

InlineTextEditor::InlineTextEditor(QWidget *parent) : QLineEdit(parent)
{
    setPlaceholderText(tr("Label"));
    setMaxLength(limits::kTextLength);
}

void InlineTextEditor::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        event->accept();
        Q_EMIT accepted();
        return;
    case Qt::Key_Escape:
        event->accept();
        Q_EMIT cancelled();
        return;
    default:
        QLineEdit::keyPressEvent(event);
    }
}

} // namespace sl
