# Tests of models/media.
