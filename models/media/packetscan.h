#pragma once

#include "media/frameindex.h"

#include <QByteArray>

#include <optional>
#include <vector>

namespace sl {

// What VideoDecoder reads from a video's packets to index it (FrameIndex):
// every usable packet's timestamps and whether every one had a pts, and
// whether the file could not be read to its end. Kept on disk beside the
// video's thumbnails (ThumbnailCache::writeIndex), so that a long video
// opened again is not read through once more (108,000 packets of a
// 60-minute video: about half a second).
struct PacketScan
{
    std::vector<PacketRecord> packets;
    bool ptsEverywhere = true;
    bool readError = false;

    QByteArray toBytes() const;
    // Nullopt for bytes that are not a scan of this version (or claim more
    // than limits allow): the caller reads the packets again.
    static std::optional<PacketScan> fromBytes(const QByteArray &bytes);
};

} // namespace sl
