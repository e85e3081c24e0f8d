# Sources of models/items (paths relative to models/).
