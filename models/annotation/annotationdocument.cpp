#include "annotation/annotationdocument.h"

#include "annotation/markupcommands.h"

#include <QDateTime>

namespace sl {

AnnotationDocument::AnnotationDocument(const QString &captureId, std::vector<Markup> markups, const QString &author,
                                       Writer writer, QObject *parent)
    : QObject(parent), m_captureId(captureId), m_author(author), m_writer(std::move(writer))
{
    m_entries.reserve(markups.size());
    for (Markup &markup : markups)
        m_entries.push_back({std::move(markup), false});
}

std::vector<Markup> AnnotationDocument::markups() const
{
    std::vector<Markup> shown;
    for (const Entry &e : m_entries)
        if (!e.deleted)
            shown.push_back(e.markup);
    return shown;
}

const AnnotationDocument::Entry *AnnotationDocument::entry(const QString &markupId) const
{
    for (const Entry &e : m_entries)
        if (e.markup.id == markupId)
            return &e;
    return nullptr;
}

const Markup *AnnotationDocument::find(const QString &markupId) const
{
    const Entry *e = entry(markupId);
    return e && !e->deleted ? &e->markup : nullptr;
}

bool AnnotationDocument::add(const Markup &markup)
{
    if (markup.id.isEmpty() || entry(markup.id))
        return false;
    // New markup is signed by whoever annotates, when it is made (the
    // legend and the selection show both).
    Markup added = markup;
    if (added.author.isEmpty())
        added.author = m_author;
    if (added.createdAt.isEmpty())
        added.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    m_undo.push(new AddMarkupCommand(this, added));
    return true;
}

bool AnnotationDocument::change(const Markup &after, const QString &mergeKey)
{
    const Markup *before = find(after.id);
    if (!before)
        return false;
    m_undo.push(new ChangeMarkupCommand(this, *before, after, mergeKey));
    return true;
}

bool AnnotationDocument::remove(const QString &markupId)
{
    const Markup *markup = find(markupId);
    if (!markup)
        return false;
    m_undo.push(new DeleteMarkupCommand(this, *markup));
    return true;
}

void AnnotationDocument::put(const Markup &markup, bool deleted)
{
    auto it = std::find_if(m_entries.begin(), m_entries.end(),
                           [&markup](const Entry &e) { return e.markup.id == markup.id; });
    if (it == m_entries.end())
        m_entries.push_back({markup, deleted});
    else
        *it = {markup, deleted};
    if (m_writer)
        m_writer(MarkupEdit{m_captureId, markup, deleted, m_author});
    Q_EMIT markupsChanged();
}

void AnnotationDocument::reportWriteFailure(const QString &message)
{
    Q_EMIT writeFailed(message);
}

} // namespace sl
