#include "media/packetscan.h"

#include <QtEndian>

#include <cstring>

namespace sl {

namespace {

constexpr quint32 kMagic = 0x534c5049; // "SLPI"
constexpr quint32 kVersion = 2;
// Magic, version, packet count, then two flags; every number little endian.
constexpr qsizetype kHeaderBytes = 4 + 4 + 8 + 1 + 1;
// pts, dts, duration, then the keyframe flag.
constexpr qsizetype kPacketBytes = 8 + 8 + 8 + 1;
// Ten hours at 240 frames a second: more is not a scan this code wrote.
constexpr quint64 kMaxPackets = 8'640'000;

} // namespace

QByteArray PacketScan::toBytes() const
{
    // Written and read as a fixed layout, not field by field through a
    // stream: a 60-minute video's 108,000 packets read back in a few ms.
    QByteArray bytes(kHeaderBytes + qsizetype(packets.size()) * kPacketBytes, Qt::Uninitialized);
    char *at = bytes.data();
    qToLittleEndian(kMagic, at);
    qToLittleEndian(kVersion, at + 4);
    qToLittleEndian(quint64(packets.size()), at + 8);
    at[16] = char(ptsEverywhere);
    at[17] = char(readError);
    at += kHeaderBytes;
    for (const PacketRecord &p : packets) {
        qToLittleEndian(p.pts, at);
        qToLittleEndian(p.dts, at + 8);
        qToLittleEndian(p.duration, at + 16);
        at[24] = char(p.keyframe);
        at += kPacketBytes;
    }
    return bytes;
}

std::optional<PacketScan> PacketScan::fromBytes(const QByteArray &bytes)
{
    if (bytes.size() < kHeaderBytes)
        return std::nullopt;
    const char *at = bytes.constData();
    const quint64 count = qFromLittleEndian<quint64>(at + 8);
    const auto flag = [](char c) { return c == 0 || c == 1; };
    // The count must be what the bytes hold, exactly: a cut or padded scan,
    // or a count that lies, is refused.
    if (qFromLittleEndian<quint32>(at) != kMagic || qFromLittleEndian<quint32>(at + 4) != kVersion
        || count > kMaxPackets || quint64(bytes.size() - kHeaderBytes) != count * quint64(kPacketBytes)
        || !flag(at[16]) || !flag(at[17]))
        return std::nullopt;
    PacketScan scan;
    scan.ptsEverywhere = at[16] == 1;
    scan.readError = at[17] == 1;
    scan.packets.resize(size_t(count));
    at += kHeaderBytes;
    for (PacketRecord &p : scan.packets) {
        p.pts = qFromLittleEndian<qint64>(at);
        p.dts = qFromLittleEndian<qint64>(at + 8);
        p.duration = qFromLittleEndian<qint64>(at + 16);
        if (!flag(at[24]))
            return std::nullopt;
        p.keyframe = at[24] == 1;
        at += kPacketBytes;
    }
    return scan;
}

} // namespace sl
