# Sources of models/media (paths relative to models/).
target_sources(sightline_models PRIVATE
    media/framedecoder.cpp media/framedecoder.h
    media/imageconversion.cpp media/imageconversion.h
    media/mediafile.cpp media/mediafile.h
    media/mediaprobe.cpp media/mediaprobe.h
    media/photoreader.cpp media/photoreader.h
    media/thirdpartylog.cpp media/thirdpartylog.h
    media/thumbnailer.cpp media/thumbnailer.h
    media/videoheader.cpp media/videoheader.h
)

# FFmpeg's demuxer (VideoHeader) and log hook (ThirdPartyLog): the same
# libraries OpenCV's video I/O uses (Debian: libavformat-dev, libavutil-dev).
find_package(PkgConfig REQUIRED)
pkg_check_modules(SL_FFMPEG REQUIRED IMPORTED_TARGET libavformat libavutil)
target_link_libraries(sightline_models PRIVATE PkgConfig::SL_FFMPEG)
