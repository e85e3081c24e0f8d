#pragma once

#include "remote/httptransport.h"

#include <QList>
#include <QObject>

#include <deque>
#include <map>

namespace sl::test {

// An HttpTransport that answers from a script: each send takes the next
// scripted answer (delivered from the event loop, as a real transport
// does) and is recorded, so tests see exactly what went out.
class ScriptedTransport : public QObject, public HttpTransport
{
    Q_OBJECT

public:
    RequestId send(const HttpRequest &request, Callback done) override;
    void cancel(RequestId id) override;

    void answer(const HttpResponse &response) { m_script.push_back(response); }
    void answerStatus(int status, const QByteArray &body = {}, const HttpHeaders &headers = {});
    void answerError(TransportError error);

    const QList<HttpRequest> &sent() const { return m_sent; }
    int unanswered() const { return int(m_callbacks.size()); }

private:
    void deliver(RequestId id, const HttpResponse &response);

    std::deque<HttpResponse> m_script;
    QList<HttpRequest> m_sent;
    std::map<RequestId, Callback> m_callbacks;
    RequestId m_lastId = 0;
};

} // namespace sl::test
