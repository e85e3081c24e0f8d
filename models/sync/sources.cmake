# Sources of models/sync (paths relative to models/): pulls from and pushes
# to the asset store through models/remote. See docs/ARCHITECTURE.md.
target_sources(sightline_models PRIVATE
    sync/synclogging.cpp sync/synclogging.h
    sync/synctable.cpp sync/synctable.h
    sync/storecolumns.cpp sync/storecolumns.h
    sync/capturecolumns.cpp sync/capturecolumns.h
    sync/remotecapture.cpp sync/remotecapture.h
    sync/capturemedia.cpp sync/capturemedia.h
    sync/mediafetchjob.cpp sync/mediafetchjob.h
    sync/syncstaterepository.cpp sync/syncstaterepository.h
    sync/syncconflictrepository.cpp sync/syncconflictrepository.h
    sync/syncconflictresolver.cpp sync/syncconflictresolver.h
    sync/syncpageapplier.cpp sync/syncpageapplier.h
    sync/assetpageparser.cpp sync/assetpageparser.h sync/decodedassets.h
    sync/fieldmerge.cpp sync/fieldmerge.h
    sync/tablepulljob.cpp sync/tablepulljob.h
    sync/pullsweep.cpp sync/pullsweep.h
    sync/deletedattachment.cpp sync/deletedattachment.h
    sync/idsweepschedule.cpp sync/idsweepschedule.h
    sync/pushconfirmation.cpp sync/pushconfirmation.h
    sync/outboxentrytable.cpp sync/outboxentrytable.h
    sync/outboxbatchsender.cpp sync/outboxbatchsender.h
    sync/outboxpushjob.cpp sync/outboxpushjob.h
    sync/syncsummary.cpp sync/syncsummary.h
    sync/syncengine.cpp sync/syncengine.h
    sync/syncthread.cpp sync/syncthread.h
    sync/syncstatuscounts.cpp sync/syncstatuscounts.h
    sync/syncconflictsettlement.cpp sync/syncconflictsettlement.h
)
