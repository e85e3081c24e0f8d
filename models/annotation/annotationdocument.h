#pragma once

#include "annotation/markupedit.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <functional>
#include <vector>

namespace sl {

// The markup of one capture being annotated, with undo. Every action (add,
// change geometry, style or text, delete) is a QUndoCommand; doing, undoing
// and redoing one changes the markup in memory at once (the GUI paints from
// it) and hands one MarkupEdit to the writer.
//
// The document runs no SQL: it lives on the GUI thread, and its writer
// posts each edit to the store worker, where MarkupEditor::apply writes the
// row, its outbox entry and its audit row in one transaction (a test's
// writer may call MarkupEditor directly). Edits are written in the order
// they were made: the worker runs jobs in order. A write that fails is
// reported back through writeFailed(); the markup in memory stays as the
// user left it, and the message says it is not saved.
class AnnotationDocument : public QObject
{
    Q_OBJECT
public:
    using Writer = std::function<void(const MarkupEdit &)>;

    // `markups`: what the capture shows (MarkupRepository::visibleIn).
    AnnotationDocument(const QString &captureId, std::vector<Markup> markups, const QString &author, Writer writer,
                       QObject *parent = nullptr);

    QString captureId() const { return m_captureId; }
    // The markup shown, in the order drawn (deleted markup is left out).
    std::vector<Markup> markups() const;
    const Markup *find(const QString &markupId) const;
    QUndoStack *undoStack() { return &m_undo; }

    // Each pushes one command. add() refuses a markup without an id or with
    // one already present; change() and remove() one that is not shown.
    bool add(const Markup &markup);
    // New geometry, style or text for a shown markup (same id). With
    // `mergeKey` non-empty, successive changes of the same markup and key
    // (one drag) are one undo step.
    bool change(const Markup &after, const QString &mergeKey = QString());
    bool remove(const QString &markupId);

    // For the commands: the markup as it must now be, shown or deleted.
    void put(const Markup &markup, bool deleted);
    // For the writer: a write failed (called on the document's thread).
    void reportWriteFailure(const QString &message);

Q_SIGNALS:
    void markupsChanged();
    void writeFailed(const QString &message);

private:
    struct Entry
    {
        Markup markup;
        bool deleted = false;
    };
    const Entry *entry(const QString &markupId) const;

    QString m_captureId;
    QString m_author;
    Writer m_writer;
    std::vector<Entry> m_entries; // in the order drawn, deleted ones kept so undo puts them back in place
    QUndoStack m_undo;
};

} // namespace sl
