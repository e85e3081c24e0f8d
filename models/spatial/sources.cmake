# Sources of models/spatial (paths relative to models/).
