"""Tests of the forms layer (the name form, and CSRF on every POST)."""
