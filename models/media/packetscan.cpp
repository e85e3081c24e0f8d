#include "media/packetscan.h"

#include <QDataStream>
#include <QIODevice>

namespace sl {

namespace {

constexpr quint32 kMagic = 0x534c5049; // "SLPI"
constexpr quint32 kVersion = 1;
// Ten hours at 240 frames a second: more is not a scan this code wrote.
constexpr quint64 kMaxPackets = 8'640'000;

} // namespace

QByteArray PacketScan::toBytes() const
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << kMagic << kVersion << quint64(packets.size()) << ptsEverywhere << readError;
    for (const PacketRecord &p : packets)
        out << p.pts << p.dts << p.duration << p.keyframe;
    return bytes;
}

std::optional<PacketScan> PacketScan::fromBytes(const QByteArray &bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_0);
    quint32 magic = 0, version = 0;
    quint64 count = 0;
    PacketScan scan;
    in >> magic >> version >> count >> scan.ptsEverywhere >> scan.readError;
    // Each packet takes 3 x 8 + 1 bytes: a count the bytes cannot hold is a lie.
    if (in.status() != QDataStream::Ok || magic != kMagic || version != kVersion || count > kMaxPackets
        || count * 25 > quint64(bytes.size()))
        return std::nullopt;
    scan.packets.resize(size_t(count));
    for (PacketRecord &p : scan.packets)
        in >> p.pts >> p.dts >> p.duration >> p.keyframe;
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return std::nullopt;
    return scan;
}

} // namespace sl
