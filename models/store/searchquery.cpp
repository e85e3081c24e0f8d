#include "store/searchquery.h"

#include <algorithm>

namespace sl {

namespace {

// Inside an FTS5 string a double quote is escaped by doubling it; everything
// else in the quotes is plain text to the tokenizer.
QString quoted(const QString &term)
{
    QString text = term;
    text.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

} // namespace

QStringList SearchQuery::terms(const QString &userText)
{
    // Bound the work a pasted novel can cause.
    constexpr int kMaxTerms = 16;
    constexpr int kMaxTermLength = 64;

    // Control characters (a NUL among them) would end the query text early.
    QString text = userText;
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    QStringList result;
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        // A word without a letter or digit yields no token (FTS5 unicode61
        // splits on everything else) and would make the AND match nothing.
        const bool searchable =
            std::any_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); });
        if (!searchable)
            continue;
        QString term = word.left(kMaxTermLength);
        if (term.size() == kMaxTermLength && term.back().isHighSurrogate())
            term.chop(1); // never cut a character in half
        result.append(term);
        if (result.size() == kMaxTerms)
            break;
    }
    return result;
}

QString SearchQuery::ftsExpression(const QString &userText)
{
    return ftsExpression(terms(userText));
}

QString SearchQuery::ftsExpression(const QStringList &terms)
{
    QStringList phrases;
    for (const QString &term : terms)
        phrases.append(prefixPhrase(term));
    return phrases.join(QLatin1Char(' '));
}

QString SearchQuery::prefixPhrase(const QString &term)
{
    return quoted(term) + QLatin1Char('*');
}

QString SearchQuery::substringPhrase(const QString &term)
{
    if (term.toUcs4().size() < kMinSubstringLength)
        return {};
    return quoted(term);
}

} // namespace sl
