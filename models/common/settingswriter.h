#pragma once

#include <memory>

class QSettings;

namespace sl::SettingsWriter {

// Writes settings to their file on a worker thread. QSettings writes its
// whole file (a new file, flushed to disk, renamed) when it is destroyed:
// 2-16 ms on a laptop's disk, once per slider step if done on the GUI
// thread. Set the values on the calling thread, then hand the object over:
// every QSettings of the process sees the values at once (they share the
// file's cache), and the file is written in the background, in the order
// handed over, by one worker that the application waits for when it ends.
// Needs a QCoreApplication.
void writeInBackground(std::unique_ptr<QSettings> settings);

// Waits until everything handed over is written (tests; the application's
// end waits by itself).
void waitForWrites();

} // namespace sl::SettingsWriter
