# Sources of models/store (paths relative to models/).
