# Sources of models/remote (paths relative to models/): the asset store
# client (Dataverse Web API over libcurl). See docs/ASSET-STORE.md.
target_sources(sightline_models PRIVATE
    remote/remotelimits.h
    remote/remotelogging.cpp remote/remotelogging.h
    remote/httpheaders.cpp remote/httpheaders.h
    remote/httprequest.h remote/httpresponse.h
    remote/httptransport.h
    remote/watchedtransport.cpp remote/watchedtransport.h
    remote/curltransportoptions.h
    remote/curltransfer.cpp remote/curltransfer.h
    remote/curlworker.cpp remote/curlworker.h
    remote/curltransport.cpp remote/curltransport.h
    remote/clock.h
    remote/systemclock.cpp remote/systemclock.h
    remote/retrypolicy.cpp remote/retrypolicy.h
    remote/tokensource.h
    remote/odataerrorbody.cpp remote/odataerrorbody.h
    remote/remoteerror.cpp remote/remoteerror.h
    remote/odataheaders.cpp remote/odataheaders.h
    remote/odataquery.cpp remote/odataquery.h
    remote/contentrange.cpp remote/contentrange.h
    remote/fileuploadjob.cpp remote/fileuploadjob.h
    remote/filedownloadjob.cpp remote/filedownloadjob.h
    remote/odatapage.h
    remote/odatapageparser.cpp remote/odatapageparser.h
    remote/requestrunner.cpp remote/requestrunner.h
    remote/pagedreadjob.cpp remote/pagedreadjob.h
    remote/writeresult.cpp remote/writeresult.h
    remote/recordwriter.cpp remote/recordwriter.h
    remote/recordcreator.cpp remote/recordcreator.h
    remote/multipartmixed.cpp remote/multipartmixed.h
    remote/batchrequest.cpp remote/batchrequest.h
    remote/batchresponse.cpp remote/batchresponse.h
)
