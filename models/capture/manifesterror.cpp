#include "capture/manifesterror.h"

namespace sl {

QString ManifestError::message() const
{
    QString text = file;
    if (!field.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(": ")) + field;
    if (!reason.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(": ")) + reason;
    return text;
}

} // namespace sl
