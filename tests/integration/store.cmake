# Integration tests: store.
