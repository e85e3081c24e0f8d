# Tests of models/capture.
