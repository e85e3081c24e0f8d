#include "common/logging.h"

Q_LOGGING_CATEGORY(lcCapture, "sightline.capture", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSpatial, "sightline.spatial", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "sightline.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMedia, "sightline.media", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRender, "sightline.render", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDemo, "sightline.demo", QtInfoMsg)
Q_LOGGING_CATEGORY(lcImport, "sightline.import", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "sightline.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "sightline.app", QtInfoMsg)
