# Sources of models/demo (paths relative to models/).
