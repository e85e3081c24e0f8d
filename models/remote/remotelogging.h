#pragma once

#include <QLoggingCategory>

// Logging of the asset store client: QT_LOGGING_RULES="sightline.remote.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcRemote)
