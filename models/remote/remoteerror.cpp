#include "remote/remoteerror.h"

#include "remote/odataerrorbody.h"

namespace sl {

namespace {

RemoteError make(RemoteError::Kind kind, const QString &message, int status = 0)
{
    RemoteError error;
    error.kind = kind;
    error.status = status;
    error.message = message;
    return error;
}

RemoteError fromTransport(const HttpResponse &response)
{
    using K = RemoteError::Kind;
    switch (response.error) {
    case TransportError::Timeout:
        return make(K::Timeout, RemoteError::tr("The asset store did not answer in time."));
    case TransportError::Tls:
        return make(K::Tls, RemoteError::tr("The asset store's certificate could not be verified (%1).")
                                .arg(response.errorDetail));
    case TransportError::Cancelled:
        return make(K::Cancelled, RemoteError::tr("Cancelled."));
    case TransportError::ResponseTooLarge:
        return make(K::ResponseTooLarge, RemoteError::tr("The asset store's answer is too large (%1).")
                                             .arg(response.errorDetail));
    default:
        return make(K::Network, RemoteError::tr("Cannot reach the asset store (%1).").arg(response.errorDetail));
    }
}

} // namespace

RemoteError RemoteError::fromResponse(const HttpResponse &response)
{
    if (!response.completed())
        return fromTransport(response);
    const int status = response.status;
    if (status >= 200 && status < 300)
        return {};

    const ODataErrorBody body = ODataErrorBody::parse(response.body);
    const QString said = body.message.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(body.message);
    RemoteError error;
    switch (status) {
    case 401:
        error = make(Kind::SignInAgain, tr("Your sign-in has expired: sign in again."), status);
        break;
    case 403:
        error = make(Kind::MissingRole,
                     tr("You lack the permission for this in the asset store: ask for the role "
                        "\"Remote Assist - App User\"%1.").arg(said),
                     status);
        break;
    case 404:
        error = make(Kind::NotFound, tr("The record is not in the asset store%1.").arg(said), status);
        break;
    case 412:
        error = make(Kind::Conflict, tr("The record was changed in the asset store meanwhile%1.").arg(said),
                     status);
        break;
    case 428:
        error = make(Kind::PreconditionRequired,
                     tr("The asset store refused a write without a version check%1.").arg(said), status);
        break;
    case 429:
        error = make(Kind::StoreBusy, tr("The asset store is busy; try again later."), status);
        break;
    case 502:
    case 503:
    case 504:
        error = make(Kind::Unavailable, tr("The asset store is unavailable (HTTP %1)%2.").arg(status).arg(said),
                     status);
        break;
    default:
        error = make(Kind::Server, tr("The asset store answered HTTP %1%2.").arg(status).arg(said), status);
        break;
    }
    error.serverCode = body.code;
    return error;
}

RemoteError RemoteError::signInUnavailable()
{
    return make(Kind::Unavailable, tr("The sign-in service cannot renew your sign-in just now (no connection, or it "
                                      "is not answering): your edits stay queued and are sent later."));
}

RemoteError RemoteError::badResponse(const QString &detail)
{
    return make(Kind::BadResponse, tr("The asset store's answer cannot be read: %1").arg(detail));
}

} // namespace sl
