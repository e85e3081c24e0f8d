# Tests of models/render.
