#include "remote/remotelogging.h"

Q_LOGGING_CATEGORY(lcRemote, "sightline.remote", QtInfoMsg)
