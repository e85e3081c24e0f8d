# Sources of models/editing (paths relative to models/): asset edits with
# their outbox entries and audit rows, and the CSV import.
target_sources(sightline_models PRIVATE
    editing/assetchangelog.cpp editing/assetchangelog.h
    editing/assetcsvimport.cpp editing/assetcsvimport.h
    editing/assetedit.cpp editing/assetedit.h
    editing/asseteditor.cpp editing/asseteditor.h
    editing/asseteditrequest.cpp editing/asseteditrequest.h
    editing/assetfield.cpp editing/assetfield.h
    editing/assetfieldparser.cpp editing/assetfieldparser.h
    editing/assetreferenceresolver.cpp editing/assetreferenceresolver.h
    editing/assetvalidator.cpp editing/assetvalidator.h
    editing/capturechanges.h
    editing/changelog.cpp editing/changelog.h
    editing/revieweditor.cpp editing/revieweditor.h
    editing/csvreader.cpp editing/csvreader.h
    editing/csvwriter.cpp editing/csvwriter.h
    editing/editauthor.cpp editing/editauthor.h
)
