#pragma once

#include <QString>
#include <QStringList>

namespace sl {

// Turns what a user typed into the search box into safe FTS5 MATCH
// expressions: every whitespace-separated word is a term, quoted, so quotes,
// `*`, `NEAR(`, `OR`, `:` or parentheses are searched for as text and never
// parsed as FTS syntax. The one place that decides what a term is.
class SearchQuery
{
public:
    // The terms of the text, as the search uses them (also for highlighting
    // matches): words holding at least one letter or digit, at most 16, each
    // cut to 64 characters, control characters treated as spaces. Empty when
    // the text holds nothing searchable: the caller then matches everything.
    static QStringList terms(const QString &userText);

    // Every term as a word prefix, ANDed, for the word index asset_search:
    // "pump ch" -> "pump"* "ch"*. Empty for no terms.
    static QString ftsExpression(const QString &userText);
    static QString ftsExpression(const QStringList &terms);
    // One term as a word prefix: "pump" -> "pump"*.
    static QString prefixPhrase(const QString &term);
    // One term as a substring, for the trigram index asset_tag_search:
    // "01002" -> "01002". Empty when the term is too short for trigrams.
    static QString substringPhrase(const QString &term);
    // The trigram index cannot answer substrings shorter than this (in characters).
    static constexpr int kMinSubstringLength = 3;
};

} // namespace sl
