"""Browser tests: headless Chromium uses the real app, served by gunicorn, as a person would."""
