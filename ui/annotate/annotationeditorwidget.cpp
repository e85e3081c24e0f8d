#include "annotationeditorwidget.h"

#include "annotation/annotationdocument.h"
#include "annotationcanvas.h"

#include <QAction>
#include <QActionGroup>
#include <QColorDialog>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPixmap>
#include <QSignalBlocker>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace sl {

AnnotationEditorWidget::AnnotationEditorWidget(QWidget *parent) : QWidget(parent)
{
    auto *toolBar = new QToolBar(this);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_canvas = new AnnotationCanvas(this);

    auto *group = new QActionGroup(this);
    group->setExclusive(true);
    for (const AnnotationToolInfo &info : annotationTools()) {
        QAction *action = toolBar->addAction(info.name);
        action->setCheckable(true);
        action->setShortcut(info.shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(tr("%1 (%2)").arg(info.name, info.shortcut.toString(QKeySequence::NativeText)));
        group->addAction(action);
        const AnnotationTool tool = info.tool;
        connect(action, &QAction::triggered, this, [this, tool]() { m_canvas->setTool(tool); });
        m_tools[tool] = action;
    }
    m_tools[AnnotationTool::Select]->setChecked(true);
    connect(m_canvas, &AnnotationCanvas::toolChanged, this, [this](AnnotationTool tool) { m_tools[tool]->setChecked(true); });
    toolBar->addSeparator();

    m_colorButton = new QToolButton(toolBar);
    m_colorButton->setToolTip(tr("Colour of new markup and of the selection"));
    connect(m_colorButton, &QToolButton::clicked, this, &AnnotationEditorWidget::chooseColor);
    toolBar->addWidget(m_colorButton);
    toolBar->addWidget(new QLabel(tr("Width"), toolBar));
    m_width = new QDoubleSpinBox(toolBar);
    m_width->setRange(1, 256); // pixels at the media's full size; CAPTURE-FORMAT.md allows up to 256
    m_width->setValue(m_canvas->strokeWidth());
    m_width->setToolTip(tr("Width of new markup and of the selection, in pixels of the photo"));
    // Stepping the width of one markup is one undo step.
    connect(m_width, &QDoubleSpinBox::valueChanged, this, [this](double width) {
        m_canvas->setStrokeWidth(width);
        m_canvas->restyleSelected(m_canvas->color(), width, QStringLiteral("width"));
    });
    toolBar->addWidget(m_width);
    connect(m_canvas, &AnnotationCanvas::selectionChanged, this, &AnnotationEditorWidget::showSelectionStyle);
    toolBar->addSeparator();

    const auto addViewAction = [&](const QString &name, const QString &key, auto slot) {
        QAction *action = toolBar->addAction(name);
        action->setToolTip(tr("%1 (%2)").arg(name, key));
        connect(action, &QAction::triggered, m_canvas, slot);
        return action;
    };
    addViewAction(tr("Zoom in"), QStringLiteral("+"),
                  [this]() { m_canvas->zoomAt(AnnotationCanvas::kZoomStep, QPointF(m_canvas->rect().center())); });
    addViewAction(tr("Zoom out"), QStringLiteral("-"),
                  [this]() { m_canvas->zoomAt(1 / AnnotationCanvas::kZoomStep, QPointF(m_canvas->rect().center())); });
    addViewAction(tr("Fit"), QStringLiteral("0"), [this]() { m_canvas->fitToView(); });
    toolBar->addSeparator();

    m_undo = toolBar->addAction(tr("Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_redo = toolBar->addAction(tr("Redo"));
    m_redo->setShortcut(QKeySequence::Redo);
    m_redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_undo->setEnabled(false);
    m_redo->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolBar);
    layout->addWidget(m_canvas, 1);
    // The tool bar's keys (tools, zoom, Undo, Redo) work wherever the focus
    // is in the editor, the canvas included, not only in the tool bar.
    addActions(toolBar->actions());
    setColor(m_canvas->color());
}

void AnnotationEditorWidget::open(AnnotationDocument *document, const CaptureManifest &manifest, const QImage &photo)
{
    m_canvas->setDocument(document, manifest);
    m_canvas->setFrame(photo, 0);
    disconnect(m_undo, nullptr, nullptr, nullptr);
    disconnect(m_redo, nullptr, nullptr, nullptr);
    QUndoStack *stack = document->undoStack();
    connect(m_undo, &QAction::triggered, stack, &QUndoStack::undo);
    connect(m_redo, &QAction::triggered, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::canUndoChanged, m_undo, &QAction::setEnabled);
    connect(stack, &QUndoStack::canRedoChanged, m_redo, &QAction::setEnabled);
    m_undo->setEnabled(stack->canUndo());
    m_redo->setEnabled(stack->canRedo());
}

QAction *AnnotationEditorWidget::toolAction(AnnotationTool tool) const
{
    const auto it = m_tools.find(tool);
    return it == m_tools.end() ? nullptr : it->second;
}

void AnnotationEditorWidget::setColor(const QColor &color)
{
    m_canvas->setColor(color);
    m_canvas->restyleSelected(color, m_canvas->strokeWidth());
    showSwatch(color);
}

void AnnotationEditorWidget::showSelectionStyle(const QString &markupId)
{
    // The controls show the selection's style, and are the next markup's.
    const AnnotationDocument *document = m_canvas->document();
    const Markup *markup = document && !markupId.isEmpty() ? document->find(markupId) : nullptr;
    if (!markup)
        return;
    const double width = markup->style == MarkupStyle::Highlighter
        ? markup->width / AnnotationCanvas::kHighlighterWidthFactor
        : markup->width;
    m_canvas->setColor(markup->color);
    const QSignalBlocker blocker(m_width);
    m_width->setValue(width);
    m_canvas->setStrokeWidth(m_width->value()); // as the control holds it (at least 1)
    showSwatch(markup->color);
}

void AnnotationEditorWidget::showSwatch(const QColor &color)
{
    QPixmap swatch(16, 16);
    swatch.fill(color);
    m_colorButton->setIcon(QIcon(swatch));
}

void AnnotationEditorWidget::chooseColor()
{
    const QColor chosen = QColorDialog::getColor(m_canvas->color(), this, tr("Markup colour"));
    if (chosen.isValid())
        setColor(chosen);
}

} // namespace sl
