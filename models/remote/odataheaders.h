#pragma once

#include "remote/httprequest.h"

namespace sl::odata {

// The header fields every Dataverse request carries (ASSET-STORE.md,
// "Requests"): Accept, OData-MaxVersion, OData-Version, the bearer token,
// and Content-Type (JSON, unless the request sets its own) when there is
// a body. Replaces earlier values.
void applyStandardHeaders(HttpRequest &request, const QByteArray &accessToken);
// Adds one preference to the Prefer field (e.g. "odata.track-changes").
void addPreference(HttpRequest &request, const QByteArray &preference);
// Prefer: odata.maxpagesize=N, N clamped to 1..limits::kMaxPageSize.
void preferMaxPageSize(HttpRequest &request, int rows);

} // namespace sl::odata
