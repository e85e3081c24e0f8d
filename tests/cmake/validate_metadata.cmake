# Validates the desktop entry and the AppStream metainfo with Debian's tools.
execute_process(COMMAND desktop-file-validate ${SRC}/com.example.Sightline.desktop
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "desktop-file-validate failed (${rc}): ${out}${err}")
endif()
execute_process(COMMAND appstreamcli validate --no-net ${SRC}/com.example.Sightline.metainfo.xml
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "appstreamcli validate failed (${rc}): ${out}${err}")
endif()
message(STATUS "metadata valid")
