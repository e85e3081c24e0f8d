#pragma once

#include "remote/httpresponse.h"

#include <QCoreApplication>
#include <QString>

namespace sl {

// Why a request to the asset store failed, in words a user acts on.
struct RemoteError
{
    Q_DECLARE_TR_FUNCTIONS(RemoteError)

public:
    enum class Kind {
        None,
        StoreBusy,           // 429 beyond the waits we allow
        Unavailable,         // 502/503/504 after every retry
        Network,             // no connection, or it broke
        Timeout,
        Tls,
        Cancelled,
        ResponseTooLarge,
        SignInAgain,         // 401 after one token refresh
        MissingRole,         // 403
        NotFound,            // 404
        Conflict,            // 412: the record changed on the server (or exists)
        PreconditionRequired, // 428: the server wants a conditional write
        BadResponse,         // an answer we cannot read (e.g. truncated JSON)
        Server,              // any other status
    };

    Kind kind = Kind::None;
    int status = 0;         // HTTP status, 0 without one
    QString serverCode;     // the error shape's code, often empty
    QString message;        // one line for the user

    bool isError() const { return kind != Kind::None; }

    // None for a 2xx answer; otherwise the error the answer means.
    static RemoteError fromResponse(const HttpResponse &response);
    // An answer that arrived whole but does not read: `detail` says why.
    static RemoteError badResponse(const QString &detail);
    // The token was refused and the sign-in service could not renew it now
    // (TokenRefresh::Unavailable): Unavailable, not SignInAgain.
    static RemoteError signInUnavailable();
};

} // namespace sl
