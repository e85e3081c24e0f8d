#include "scriptedtransport.h"

namespace sl::test {

HttpTransport::RequestId ScriptedTransport::send(const HttpRequest &request, Callback done)
{
    const RequestId id = ++m_lastId;
    m_sent.append(request);
    m_callbacks[id] = std::move(done);
    HttpResponse response;
    if (m_script.empty()) {
        response.error = TransportError::Connection;
        response.errorDetail = QStringLiteral("no scripted answer left");
    } else {
        response = m_script.front();
        m_script.pop_front();
    }
    QMetaObject::invokeMethod(this, [this, id, response] { deliver(id, response); }, Qt::QueuedConnection);
    return id;
}

void ScriptedTransport::cancel(RequestId id)
{
    HttpResponse cancelled;
    cancelled.error = TransportError::Cancelled;
    QMetaObject::invokeMethod(this, [this, id, cancelled] { deliver(id, cancelled); }, Qt::QueuedConnection);
}

void ScriptedTransport::answerStatus(int status, const QByteArray &body, const HttpHeaders &headers)
{
    HttpResponse response;
    response.status = status;
    response.body = body;
    response.headers = headers;
    answer(response);
}

void ScriptedTransport::answerError(TransportError error)
{
    HttpResponse response;
    response.error = error;
    response.errorDetail = QStringLiteral("scripted");
    answer(response);
}

void ScriptedTransport::deliver(RequestId id, const HttpResponse &response)
{
    const auto it = m_callbacks.find(id);
    if (it == m_callbacks.end())
        return;
    Callback done = std::move(it->second);
    m_callbacks.erase(it);
    done(response);
}

} // namespace sl::test
