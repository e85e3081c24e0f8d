#pragma once

#include "capture/markup.h"

#include <QUndoCommand>

namespace sl {

class AnnotationDocument;

// The undoable actions on an AnnotationDocument. Each redo() and undo()
// puts the markup as it must be into the document, which writes it through.

// A new markup: undo deletes it (softly: the row keeps its revision).
class AddMarkupCommand : public QUndoCommand
{
public:
    AddMarkupCommand(AnnotationDocument *document, const Markup &markup);
    void redo() override;
    void undo() override;

private:
    AnnotationDocument *m_document;
    Markup m_markup;
};

// New geometry, style or text for one markup.
class ChangeMarkupCommand : public QUndoCommand
{
public:
    // `mergeKey`: successive changes with the same markup and key are one step.
    ChangeMarkupCommand(AnnotationDocument *document, const Markup &before, const Markup &after, const QString &mergeKey);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    AnnotationDocument *m_document;
    Markup m_before;
    Markup m_after;
    QString m_mergeKey;
};

// Deletes a markup (softly); undo shows it again.
class DeleteMarkupCommand : public QUndoCommand
{
public:
    DeleteMarkupCommand(AnnotationDocument *document, const Markup &markup);
    void redo() override;
    void undo() override;

private:
    AnnotationDocument *m_document;
    Markup m_markup;
};

} // namespace sl
