#pragma once

#include "remote/httpheaders.h"

#include <QString>

#include <vector>

namespace sl::multipart {

// One body part of a multipart/mixed entity (RFC 2046): its MIME headers
// and its content, the line break before the next delimiter taken off.
struct MimePart
{
    HttpHeaders headers;
    QByteArray content;
};

// The boundary of a "multipart/mixed; boundary=..." Content-Type (quotes
// taken off); empty when the type is not multipart/mixed or names none.
QByteArray boundaryOf(const QByteArray &contentType);

// Splits `body` at its delimiter lines ("--boundary" at the start of a
// line; CRLF or LF) into parts, up to the close delimiter ("--boundary--").
// Everything is checked before anything is handed back: no first
// delimiter, no close delimiter (a truncated body), or a part without the
// blank line after its headers is an error, in *error, and no parts.
bool split(const QByteArray &body, const QByteArray &boundary, std::vector<MimePart> *parts, QString *error);

// Reads header lines ("Name: value") from `from` up to the first empty
// line; the offset after that empty line, or -1 when there is none or a
// line is not a header (the reason in *error). Names keep their case.
qsizetype readHeaders(const QByteArray &text, qsizetype from, HttpHeaders *headers, QString *error);

// The first line of `text` from `from` (without its CR LF) and, in *next,
// the offset after it (-1 when the text ends without a line break).
QByteArray readLine(const QByteArray &text, qsizetype from, qsizetype *next);

} // namespace sl::multipart
