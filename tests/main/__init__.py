"""Tests of the core pages: the welcome page and the greeting."""
