# Sources of models/demo (paths relative to models/).
target_sources(sightline_models PRIVATE
    demo/demoassetgenerator.cpp demo/demoassetgenerator.h
    demo/demoworkspacebuilder.cpp demo/demoworkspacebuilder.h
)
