# Tests of models/spatial.
