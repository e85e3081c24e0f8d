# Tests of models/spatial.
sl_add_test(tst_cameraintrinsics LABEL core SOURCES spatial/tst_cameraintrinsics.cpp)
sl_add_test(tst_pose LABEL core SOURCES spatial/tst_pose.cpp)
sl_add_test(tst_posetrack LABEL core SOURCES spatial/tst_posetrack.cpp)
sl_add_test(tst_projector LABEL core SOURCES spatial/tst_projector.cpp spatial/spatialtestutil.h)
sl_add_test(tst_syntheticscene LABEL core SOURCES spatial/tst_syntheticscene.cpp spatial/spatialtestutil.h)
