# Sources of models/media (paths relative to models/).
