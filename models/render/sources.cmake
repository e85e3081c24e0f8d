# Sources of models/render (paths relative to models/).
