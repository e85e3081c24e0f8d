# Tests of models/editing.
