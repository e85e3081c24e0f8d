#pragma once

namespace sl {

struct CaptureManifest;

// The frame rate a player shows and steps by until its frame index is read
// (after that, the index's mean rate): the container's rate when it says a
// plausible one, else the rate of the capture's pose samples (devices
// usually log one pose per frame), else 30. Never used to find a frame
// once the index is there.
double nominalFrameRate(double containerFps, const CaptureManifest &manifest);
// Whether `fps` can be a video's frame rate (1..480 frames a second).
bool plausibleFrameRate(double fps);

} // namespace sl
