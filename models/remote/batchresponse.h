#pragma once

#include "remote/httpresponse.h"

#include <QCoreApplication>

#include <optional>
#include <vector>

namespace sl {

// The answer to one change set of a $batch: one HttpResponse per request,
// in order; or, when the store refused the set as a whole (it rolled it
// back), the one error answer it gave for the set (failedWhole).
struct ChangeSetAnswer
{
    std::vector<HttpResponse> answers;
    bool failedWhole = false;
};

// Reads the answer to a BatchRequest (pure, no I/O): multipart/mixed with
// one part per change set, each a nested multipart/mixed of application/http
// answers ("HTTP/1.1 <code> ..." with headers and a body), or one
// application/http error answer for a set that failed. It reads the whole
// answer or nothing: a missing boundary, a truncated part, a status line
// that is not one, a Content-ID that is not the request's, or a number of
// answers other than the requests' is an error naming the reason, and no
// answer is handed back, so nothing is applied.
class BatchResponse
{
    Q_DECLARE_TR_FUNCTIONS(BatchResponse)

public:
    // `layout`: requests per change set, as BatchRequest::layout() gave it.
    static std::optional<std::vector<ChangeSetAnswer>> parse(const HttpResponse &response,
                                                             const std::vector<int> &layout, QString *error);

private:
    static bool readAnswer(const QByteArray &content, HttpResponse *answer, QString *error);
};

} // namespace sl
