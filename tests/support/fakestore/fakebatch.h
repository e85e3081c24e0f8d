#pragma once

#include "fakerequest.h"
#include "fakeresponse.h"

#include <QUrl>

#include <functional>

namespace sl::test {

// The fake Dataverse's $batch (OData 4.0 multipart/mixed, as Dataverse
// speaks it): parts run in order, each change set atomic (a failing
// request undoes the set's earlier ones, and the set answers with that one
// error part); without Prefer: odata.continue-on-error the batch stops
// at the first failure, like Dataverse. At most 1,000 requests; a batch
// that does not read answers 400 and runs nothing. The routes, the
// undo and the log are the server's (Hooks), so an inner request meets the
// same rules as a single one.
class FakeBatch
{
public:
    struct Hooks
    {
        std::function<FakeResponse(const FakeRequest &)> run; // one inner request
        std::function<void()> save;    // before a change set
        std::function<void()> restore; // a change set failed: back to the save
    };

    explicit FakeBatch(const QUrl &serviceRoot) : m_serviceRoot(serviceRoot) {}

    FakeResponse answer(const FakeRequest &batch, const Hooks &hooks) const;

private:
    // Reads one application/http part into a request; false when it does not read.
    bool readRequest(const QByteArray &content, FakeRequest *request) const;

    QUrl m_serviceRoot;
};

} // namespace sl::test
