# Tests of models/media.
sl_add_test(tst_framedecoder LABEL core SOURCES media/tst_framedecoder.cpp media/testclip.cpp media/testclip.h)
sl_add_test(tst_mediaprobe LABEL core SOURCES media/tst_mediaprobe.cpp media/testclip.cpp media/testclip.h)
sl_add_test(tst_thumbnailer LABEL core SOURCES media/tst_thumbnailer.cpp media/testclip.cpp media/testclip.h)
