"""The test suite: one folder per feature, mirroring app/."""
