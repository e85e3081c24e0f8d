#pragma once

#include <QCoreApplication>
#include <QString>

namespace sl {

// Who makes an edit, as the audit log records it: the name given (a
// setting, a command-line option), else the operating system's user name,
// never empty.
class EditAuthor
{
    Q_DECLARE_TR_FUNCTIONS(EditAuthor)
public:
    static QString current(const QString &explicitName = QString());
};

} // namespace sl
