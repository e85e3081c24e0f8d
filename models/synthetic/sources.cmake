# Sources of models/synthetic (paths relative to models/).
target_sources(sightline_models PRIVATE
    synthetic/cameratrajectory.cpp synthetic/cameratrajectory.h
    synthetic/democapturegenerator.cpp synthetic/democapturegenerator.h
    synthetic/democaptureplan.cpp synthetic/democaptureplan.h
    synthetic/demoscene.cpp synthetic/demoscene.h
    synthetic/meshbuilder.cpp synthetic/meshbuilder.h
    synthetic/scenerenderer.cpp synthetic/scenerenderer.h
)
