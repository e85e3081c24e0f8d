# Sources of models/media (paths relative to models/).
target_sources(sightline_models PRIVATE
    media/framedecoder.cpp media/framedecoder.h
    media/imageconversion.cpp media/imageconversion.h
    media/mediafile.cpp media/mediafile.h
    media/mediaprobe.cpp media/mediaprobe.h
    media/thumbnailer.cpp media/thumbnailer.h
)
