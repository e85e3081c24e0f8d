#include "editing/editauthor.h"

namespace sl {

QString EditAuthor::current(const QString &explicitName)
{
    // One line, whatever the source holds: the audit log shows it in a cell.
    for (const QString &candidate :
         {explicitName, qEnvironmentVariable("USER"), qEnvironmentVariable("USERNAME")}) {
        const QString name = candidate.simplified();
        if (!name.isEmpty())
            return name;
    }
    return tr("unknown user");
}

} // namespace sl
