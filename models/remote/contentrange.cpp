#include "remote/contentrange.h"

#include <QRegularExpression>

namespace sl {

QByteArray ContentRange::toHeader() const
{
    return "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/' + QByteArray::number(total);
}

std::optional<ContentRange> ContentRange::parse(const QByteArray &field)
{
    static const QRegularExpression kForm(QStringLiteral("^\\s*bytes\\s+(\\d{1,18})-(\\d{1,18})/(\\d{1,18})\\s*$"));
    const QRegularExpressionMatch match = kForm.match(QString::fromLatin1(field));
    if (!match.hasMatch())
        return std::nullopt;
    ContentRange range{match.captured(1).toLongLong(), match.captured(2).toLongLong(), match.captured(3).toLongLong()};
    if (range.first > range.last || range.last >= range.total)
        return std::nullopt;
    return range;
}

} // namespace sl
