# Sources of models/annotation (paths relative to models/): the annotation
# document with undo, its commands, the writers of markup and bookmark
# edits, and snapshots (a frame or photo stored as a new capture).
target_sources(sightline_models PRIVATE
    annotation/annotationdocument.cpp annotation/annotationdocument.h
    annotation/bookmarkeditor.cpp annotation/bookmarkeditor.h
    annotation/markupcommands.cpp annotation/markupcommands.h
    annotation/markupedit.h
    annotation/markuphandles.cpp annotation/markuphandles.h
    annotation/markupeditor.cpp annotation/markupeditor.h
    annotation/snapshotmaker.cpp annotation/snapshotmaker.h
    annotation/snapshotmanifest.cpp annotation/snapshotmanifest.h
    annotation/snapshotturn.cpp annotation/snapshotturn.h
)
