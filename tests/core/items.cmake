# Tests of models/items.
