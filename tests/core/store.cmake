# Tests of models/store.
