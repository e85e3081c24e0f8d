# Tests of models/importer.
