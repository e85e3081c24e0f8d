# Sources of models/spatial (paths relative to models/).
target_sources(sightline_models PRIVATE
    spatial/cameraintrinsics.cpp spatial/cameraintrinsics.h
    spatial/pose.cpp spatial/pose.h
    spatial/posetrack.cpp spatial/posetrack.h
    spatial/projector.cpp spatial/projector.h
)
