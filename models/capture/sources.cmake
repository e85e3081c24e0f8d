# Sources of models/capture (paths relative to models/).
target_sources(sightline_models PRIVATE
    capture/bookmark.h
    capture/bookmarkreader.cpp capture/bookmarkreader.h
    capture/capturemanifest.cpp capture/capturemanifest.h
    capture/jsonfieldreader.cpp capture/jsonfieldreader.h
    capture/jsonunicode.cpp capture/jsonunicode.h
    capture/manifesterror.cpp capture/manifesterror.h
    capture/manifestreader.cpp capture/manifestreader.h
    capture/manifestwriter.cpp capture/manifestwriter.h
    capture/markup.cpp capture/markup.h
    capture/markupreader.cpp capture/markupreader.h
)
