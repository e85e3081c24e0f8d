# Tests of models/demo.
