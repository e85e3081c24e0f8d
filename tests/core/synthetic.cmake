# Tests of models/synthetic.
