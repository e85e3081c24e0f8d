# Sources of models/domain (paths relative to models/).
target_sources(sightline_models PRIVATE
    domain/asset.h
    domain/capturerecord.h
    domain/reviewstatus.cpp
)
