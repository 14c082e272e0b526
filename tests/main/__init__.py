"""Tests of the seed pages and the name form."""
