#include "remote/batchresponse.h"

#include "remote/multipartmixed.h"
#include "remote/remotelimits.h"

#include <QRegularExpression>

namespace sl {

namespace {

bool isHttpPart(const HttpHeaders &headers)
{
    return headerValue(headers, "Content-Type").split(';').first().trimmed().toLower() == "application/http";
}

} // namespace

bool BatchResponse::readAnswer(const QByteArray &content, HttpResponse *answer, QString *error)
{
    static const QRegularExpression kStatusLine(QStringLiteral("^HTTP/1\\.[01] ([1-5][0-9][0-9])(?: .*)?$"));
    qsizetype next = -1;
    const QByteArray line = multipart::readLine(content, 0, &next);
    const QRegularExpressionMatch match = kStatusLine.match(QString::fromLatin1(line));
    if (!match.hasMatch()) {
        *error = tr("\"%1\" is not an HTTP status line").arg(QString::fromLatin1(line.left(80)));
        return false;
    }
    answer->status = match.captured(1).toInt();
    // A 204 ends with its headers: the line break before the delimiter went with it.
    const QByteArray rest = next < 0 ? QByteArray("\r\n") : content.mid(next) + "\r\n";
    const qsizetype bodyStart = multipart::readHeaders(rest, 0, &answer->headers, error);
    if (bodyStart < 0)
        return false;
    answer->body = content.mid(next).mid(qMin(bodyStart, rest.size() - 2));
    return true;
}

std::optional<std::vector<ChangeSetAnswer>> BatchResponse::parse(const HttpResponse &response,
                                                                 const std::vector<int> &layout, QString *error)
{
    if (response.body.size() > limits::kBatchResponseBytes) {
        *error = tr("the batch answer is larger than %1 bytes").arg(limits::kBatchResponseBytes);
        return std::nullopt;
    }
    std::vector<multipart::MimePart> parts;
    QString why;
    const QByteArray boundary = multipart::boundaryOf(headerValue(response.headers, "Content-Type"));
    if (boundary.isEmpty()) {
        *error = tr("the batch answer is not multipart/mixed with a boundary");
        return std::nullopt;
    }
    if (!multipart::split(response.body, boundary, &parts, &why)) {
        *error = tr("the batch answer: %1").arg(why);
        return std::nullopt;
    }
    if (parts.size() != layout.size()) {
        *error = tr("the batch answer has %1 parts for %2 change sets").arg(parts.size()).arg(layout.size());
        return std::nullopt;
    }
    std::vector<ChangeSetAnswer> answers(layout.size());
    int contentId = 0; // the requests' Content-IDs run 1, 2, ... across the batch
    for (size_t i = 0; i < parts.size(); ++i) {
        const multipart::MimePart &part = parts[i];
        const QString where = tr("change set %1").arg(i + 1);
        if (isHttpPart(part.headers)) {
            // One answer for the whole set: only a refusal may stand for it.
            HttpResponse answer;
            if (!readAnswer(part.content, &answer, &why)) {
                *error = tr("%1: %2").arg(where, why);
                return std::nullopt;
            }
            if (answer.status < 400) {
                *error = tr("%1: one answer (HTTP %2) for %3 requests").arg(where).arg(answer.status).arg(layout[i]);
                return std::nullopt;
            }
            answers[i].failedWhole = true;
            answers[i].answers.push_back(std::move(answer));
            contentId += layout[i];
            continue;
        }
        const QByteArray inner = multipart::boundaryOf(headerValue(part.headers, "Content-Type"));
        std::vector<multipart::MimePart> innerParts;
        if (inner.isEmpty() || !multipart::split(part.content, inner, &innerParts, &why)) {
            *error = tr("%1: %2").arg(where, inner.isEmpty() ? tr("neither an HTTP answer nor a change set") : why);
            return std::nullopt;
        }
        if (int(innerParts.size()) != layout[i]) {
            *error = tr("%1: %2 answers for %3 requests").arg(where).arg(innerParts.size()).arg(layout[i]);
            return std::nullopt;
        }
        for (const multipart::MimePart &leaf : innerParts) {
            ++contentId;
            const QByteArray said = headerValue(leaf.headers, "Content-ID").trimmed();
            if (!isHttpPart(leaf.headers)) {
                *error = tr("%1: request %2's answer is not application/http").arg(where).arg(contentId);
                return std::nullopt;
            }
            if (!said.isEmpty() && said != QByteArray::number(contentId)) {
                *error = tr("%1: the answer with Content-ID %2 stands where request %3's should")
                             .arg(where, QString::fromLatin1(said.left(20)))
                             .arg(contentId);
                return std::nullopt;
            }
            HttpResponse answer;
            if (!readAnswer(leaf.content, &answer, &why)) {
                *error = tr("%1, request %2: %3").arg(where).arg(contentId).arg(why);
                return std::nullopt;
            }
            answers[i].answers.push_back(std::move(answer));
        }
    }
    return answers;
}

} // namespace sl
