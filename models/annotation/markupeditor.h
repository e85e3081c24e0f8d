#pragma once

#include "annotation/markupedit.h"
#include "store/markuprepository.h"

#include <QCoreApplication>

namespace sl {

class Database;

// Writes markup edits, on the calling thread's connection (the store
// worker's in the GUI): each edit is one write transaction holding the markup
// row (MarkupRepository::write: revision + 1), one outbox entry for the
// capture whose manifest carries the markup (sl_manifest: the whole manifest
// as it now is, CurrentManifest; coalescing into that capture's still queued
// update, through ChangeLog) and one audit row ("markup": what it was, what
// it is). A failure leaves nothing.
class MarkupEditor
{
    Q_DECLARE_TR_FUNCTIONS(MarkupEditor)
public:
    explicit MarkupEditor(Database &db);

    // Throws StoreError (unknown capture, a full disk, ...).
    StoredMarkup apply(const MarkupEdit &edit);

    // How the audit log shows a markup: kind, id, points, colour, width, text.
    static QString summary(const Markup &markup);

private:
    Database &m_db;
};

} // namespace sl
