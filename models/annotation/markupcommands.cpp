#include "annotation/markupcommands.h"

#include "annotation/annotationdocument.h"

#include <QCoreApplication>

namespace sl {

namespace {

// QUndoCommand::id() of the commands that merge.
constexpr int kChangeCommandId = 0x534c01;

QString kindText(const Markup &markup)
{
    return markupKindName(markup.kind);
}

} // namespace

AddMarkupCommand::AddMarkupCommand(AnnotationDocument *document, const Markup &markup)
    : m_document(document), m_markup(markup)
{
    setText(QCoreApplication::translate("sl::AnnotationDocument", "Add %1").arg(kindText(markup)));
}

void AddMarkupCommand::redo()
{
    m_document->put(m_markup, false);
}

void AddMarkupCommand::undo()
{
    m_document->put(m_markup, true);
}

ChangeMarkupCommand::ChangeMarkupCommand(AnnotationDocument *document, const Markup &before, const Markup &after,
                                         const QString &mergeKey)
    : m_document(document), m_before(before), m_after(after), m_mergeKey(mergeKey)
{
    setText(QCoreApplication::translate("sl::AnnotationDocument", "Change %1").arg(kindText(after)));
}

void ChangeMarkupCommand::redo()
{
    m_document->put(m_after, false);
}

void ChangeMarkupCommand::undo()
{
    m_document->put(m_before, false);
}

int ChangeMarkupCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : kChangeCommandId;
}

bool ChangeMarkupCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const ChangeMarkupCommand *>(other);
    if (!next || next->m_mergeKey != m_mergeKey || next->m_after.id != m_after.id)
        return false;
    m_after = next->m_after; // undo still goes back to the state before the first
    return true;
}

DeleteMarkupCommand::DeleteMarkupCommand(AnnotationDocument *document, const Markup &markup)
    : m_document(document), m_markup(markup)
{
    setText(QCoreApplication::translate("sl::AnnotationDocument", "Delete %1").arg(kindText(markup)));
}

void DeleteMarkupCommand::redo()
{
    m_document->put(m_markup, true);
}

void DeleteMarkupCommand::undo()
{
    m_document->put(m_markup, false);
}

} // namespace sl
