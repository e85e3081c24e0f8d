# Sources of models/store (paths relative to models/).
target_sources(sightline_models PRIVATE
    store/assetrepository.cpp store/assetrepository.h
    store/assetbatch.cpp store/assetbatch.h
    store/assetbulkload.cpp store/assetbulkload.h
    store/assetdetails.cpp store/assetdetails.h
    store/capturerefresh.cpp store/capturerefresh.h
    store/assetfacetcounter.cpp store/assetfacetcounter.h
    store/assetfiltersql.cpp store/assetfiltersql.h
    store/assetfinder.cpp store/assetfinder.h
    store/assetsortorder.cpp store/assetsortorder.h
    store/assetquery.h
    store/assetrows.cpp store/assetrows.h
    store/assettextmatcher.cpp store/assettextmatcher.h
    store/capturerepository.cpp store/capturerepository.h
    store/currentmanifest.cpp store/currentmanifest.h
    store/bulkwritescope.cpp store/bulkwritescope.h
    store/walcheckpointer.cpp store/walcheckpointer.h
    store/database.cpp store/database.h
    store/markupfill.h
    store/markuprepository.cpp store/markuprepository.h
    store/migrations.cpp store/migrations.h
    store/auditrepository.cpp store/auditrepository.h
    store/outboxrepository.cpp store/outboxrepository.h
    store/rowset.cpp store/rowset.h
    store/searchquery.cpp store/searchquery.h
    store/storeresult.h
    store/storeworker.cpp store/storeworker.h
    store/mediastore.cpp store/mediastore.h
    store/mediacache.cpp store/mediacache.h
    store/workspace.cpp store/workspace.h
    store/workspacecheck.cpp store/workspacecheck.h
    store/workspacelock.cpp store/workspacelock.h
)
