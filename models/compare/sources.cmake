# Sources of models/compare (paths relative to models/): what comparing two
# captures of one asset computes, without widgets: which captures and in
# what order, how two videos' clocks line up and how a side's sound follows them, and the shared view and wipe
# geometry.
target_sources(sightline_models PRIVATE
    compare/comparecandidates.cpp compare/comparecandidates.h
    compare/comparetimeline.cpp compare/comparetimeline.h
    compare/compareviewgeometry.cpp compare/compareviewgeometry.h
    compare/soundfollow.cpp compare/soundfollow.h
)
