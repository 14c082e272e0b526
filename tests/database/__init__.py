"""Tests of the database layer (settings, migrations, readiness and faults)."""
