# Tests of models/synthetic.
sl_add_test(tst_scenerenderer LABEL core SOURCES synthetic/tst_scenerenderer.cpp)
sl_add_test(tst_cameratrajectory LABEL core SOURCES synthetic/tst_cameratrajectory.cpp)
sl_add_test(tst_democapturegenerator LABEL core SOURCES synthetic/tst_democapturegenerator.cpp)
