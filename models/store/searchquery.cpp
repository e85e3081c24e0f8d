#include "store/searchquery.h"

#include <QStringList>

#include <algorithm>

namespace sl {

QString SearchQuery::ftsExpression(const QString &userText)
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
    QStringList phrases;
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        // A word without a letter or digit yields no token (FTS5 unicode61
        // splits on everything else) and would make the AND match nothing.
        const bool searchable =
            std::any_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); });
        if (!searchable)
            continue;
        QString term = word.left(kMaxTermLength);
        // Inside an FTS5 string a double quote is escaped by doubling it;
        // everything else in the quotes is plain text to the tokenizer.
        term.replace(QLatin1Char('"'), QLatin1String("\"\""));
        phrases.append(QLatin1Char('"') + term + QLatin1String("\"*"));
        if (phrases.size() == kMaxTerms)
            break;
    }
    return phrases.join(QLatin1Char(' '));
}

} // namespace sl

namespace sl {

QStringList SearchQuery::terms(const QString &userText)
{
    return userText.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace sl
