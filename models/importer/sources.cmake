# Sources of models/importer (paths relative to models/).
target_sources(sightline_models PRIVATE
    importer/captureimporter.cpp importer/captureimporter.h
    importer/workspacerebuilder.cpp importer/workspacerebuilder.h
)
