"""Tests of the guestbook."""
