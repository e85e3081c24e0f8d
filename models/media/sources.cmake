# Sources of models/media (paths relative to models/).
target_sources(sightline_models PRIVATE
    media/displayrotation.cpp media/displayrotation.h
    media/ffmpeghandles.h
    media/framecache.cpp media/framecache.h
    media/frameindex.cpp media/frameindex.h
    media/packetscan.cpp media/packetscan.h
    media/framesource.cpp media/framesource.h
    media/framesourceworker.cpp media/framesourceworker.h
    media/imageconversion.cpp media/imageconversion.h
    media/mediafile.cpp media/mediafile.h
    media/mediaprobe.cpp media/mediaprobe.h
    media/mp4videowriter.cpp media/mp4videowriter.h
    media/photoreader.cpp media/photoreader.h
    media/rgbconverter.cpp media/rgbconverter.h
    media/soundsettings.cpp media/soundsettings.h
    media/thirdpartylog.cpp media/thirdpartylog.h
    media/thumbnailcache.cpp media/thumbnailcache.h
    media/thumbnailer.cpp media/thumbnailer.h
    media/thumbnailplan.cpp media/thumbnailplan.h
    media/thumbnailstripmaker.cpp media/thumbnailstripmaker.h
    media/thumbnailstripworker.cpp media/thumbnailstripworker.h
    media/videodecoder.cpp media/videodecoder.h
    media/videoheader.cpp media/videoheader.h
)

# FFmpeg's demuxer, decoders and colour conversion (FrameSource,
# VideoHeader) and log hook (ThirdPartyLog). Debian: libavformat-dev,
# libavcodec-dev, libswscale-dev, libavutil-dev.
find_package(PkgConfig REQUIRED)
pkg_check_modules(SL_FFMPEG REQUIRED IMPORTED_TARGET libavformat libavcodec libswscale libavutil)
target_link_libraries(sightline_models PRIVATE PkgConfig::SL_FFMPEG)
