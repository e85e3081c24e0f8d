#pragma once

#include <QString>
#include <QStringList>

namespace sl {

// Turns what a user typed into the search box into a safe FTS5 MATCH
// expression: every whitespace-separated word becomes a quoted prefix phrase
// ("pump ch" -> "pump"* "ch"*), so quotes, `*`, `NEAR(`, `OR`, `:` or
// parentheses are searched for as text and never parsed as FTS syntax.
class SearchQuery
{
public:
    // Empty when the text holds nothing searchable (only spaces or
    // punctuation): the caller then matches everything.
    static QString ftsExpression(const QString &userText);
    // The words of the text as searched for (for highlighting matches).
    static QStringList terms(const QString &userText);
};

} // namespace sl
