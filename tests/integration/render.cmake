# Integration tests: render.
