# Integration tests: app.
