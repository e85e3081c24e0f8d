#pragma once

#include "remote/remoteerror.h"

#include <functional>

namespace sl {

// The outcome of one write to the asset store.
struct WriteResult
{
    RemoteError error;          // Kind::None when the store took the write
    int status = 0;             // the last HTTP status
    QByteArray etag;            // the record's new ETag when the store said it
    bool alreadyExisted = false; // a create found the record there (a retried create)

    bool ok() const { return !error.isError(); }
};

using WriteDone = std::function<void(const WriteResult &)>;

// The ETag of a write's answer: the ETag header, else the body's @odata.etag
// (Prefer: return=representation); empty when neither is there.
QByteArray etagOf(const HttpResponse &response);

} // namespace sl
