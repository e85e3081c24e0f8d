# Sources of models/render (paths relative to models/).
target_sources(sightline_models PRIVATE
    render/edgeindicator.cpp render/edgeindicator.h
    render/frameburner.cpp render/frameburner.h
    render/frameexporter.cpp render/frameexporter.h
    render/markuphittest.cpp render/markuphittest.h
    render/markuppicker.cpp render/markuppicker.h
    render/markupdensity.cpp render/markupdensity.h
    render/markupplan.cpp render/markupplan.h
    render/markuppainter.cpp render/markuppainter.h
    render/overlayfilter.cpp render/overlayfilter.h
    render/overlaylegend.cpp render/overlaylegend.h
    render/overlayrenderer.cpp render/overlayrenderer.h
    render/paintcost.cpp render/paintcost.h
    render/plannedshape.h
    render/reducedlayer.cpp render/reducedlayer.h
    render/redaction.cpp render/redaction.h
    render/redactionlayercache.cpp render/redactionlayercache.h
    render/renderbudget.cpp render/renderbudget.h
    render/strokebatch.cpp render/strokebatch.h
    render/strokeraster.cpp render/strokeraster.h
    render/strokesimplifier.cpp render/strokesimplifier.h
    render/videoexporter.cpp render/videoexporter.h
    render/videoexporttask.cpp render/videoexporttask.h
)
