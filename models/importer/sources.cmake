# Sources of models/importer (paths relative to models/).
