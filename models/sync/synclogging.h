#pragma once

#include <QLoggingCategory>

// The sync engine's log category: QT_LOGGING_RULES="sightline.sync.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcSync)
