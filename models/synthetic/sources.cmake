# Sources of models/synthetic.
