# Sources of models/annotation (paths relative to models/): the annotation
# document with undo, its commands, and the writers of markup and bookmark
# edits.
target_sources(sightline_models PRIVATE
    annotation/annotationdocument.cpp annotation/annotationdocument.h
    annotation/bookmarkeditor.cpp annotation/bookmarkeditor.h
    annotation/markupcommands.cpp annotation/markupcommands.h
    annotation/markupedit.h
    annotation/markupeditor.cpp annotation/markupeditor.h
)
