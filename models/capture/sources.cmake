# Sources of models/capture (paths relative to models/).
