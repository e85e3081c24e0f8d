# Sources of models/annotation (paths relative to models/): the annotation
# document with undo, its commands, and the writer of markup edits.
target_sources(sightline_models PRIVATE
    annotation/annotationdocument.cpp annotation/annotationdocument.h
    annotation/markupcommands.cpp annotation/markupcommands.h
    annotation/markupedit.h
    annotation/markuphandles.cpp annotation/markuphandles.h
    annotation/markupeditor.cpp annotation/markupeditor.h
)
