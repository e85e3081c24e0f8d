# Sources of models/render (paths relative to models/).
target_sources(sightline_models PRIVATE
    render/frameexporter.cpp render/frameexporter.h
    render/markuppainter.cpp render/markuppainter.h
    render/overlayrenderer.cpp render/overlayrenderer.h
    render/strokesimplifier.cpp render/strokesimplifier.h
)
