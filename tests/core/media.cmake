# Tests of models/media.
set(SL_MEDIA_TEST_CLIP media/testclip.cpp media/testclip.h)
set(SL_BAD_MEDIA media/badmedia.cpp media/badmedia.h)
find_package(ZLIB REQUIRED) # writes the PNGs of tst_photoreader
sl_add_test(tst_framesource LABEL core SOURCES media/tst_framesource.cpp ${SL_MEDIA_TEST_CLIP})
sl_add_test(tst_frametiming LABEL core SOURCES media/tst_frametiming.cpp ${SL_MEDIA_TEST_CLIP})
sl_add_test(tst_framesourceworker LABEL core SOURCES media/tst_framesourceworker.cpp ${SL_MEDIA_TEST_CLIP})
sl_add_test(tst_fillbehind LABEL core SOURCES media/tst_fillbehind.cpp ${SL_MEDIA_TEST_CLIP})
sl_add_test(tst_mediaprobe LABEL core SOURCES media/tst_mediaprobe.cpp ${SL_MEDIA_TEST_CLIP})
sl_add_test(tst_thumbnailer LABEL core SOURCES media/tst_thumbnailer.cpp ${SL_MEDIA_TEST_CLIP})
sl_add_test(tst_photoreader LABEL core SOURCES media/tst_photoreader.cpp ${SL_MEDIA_TEST_CLIP} ${SL_BAD_MEDIA} LIBS ZLIB::ZLIB)
sl_add_test(tst_badmedia LABEL core SOURCES media/tst_badmedia.cpp ${SL_MEDIA_TEST_CLIP} ${SL_BAD_MEDIA} LIBS ZLIB::ZLIB)
sl_add_test(tst_truncatedvideo LABEL core SOURCES media/tst_truncatedvideo.cpp ${SL_MEDIA_TEST_CLIP} ${SL_BAD_MEDIA} LIBS ZLIB::ZLIB)
sl_add_test(tst_thumbnailstrip LABEL core SOURCES media/tst_thumbnailstrip.cpp ${SL_MEDIA_TEST_CLIP})
