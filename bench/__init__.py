"""Benchmarks and performance budgets: `python -m bench` (see `python -m bench --help`)."""
