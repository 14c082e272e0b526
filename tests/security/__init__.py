"""Secure and reliable by default: one module per item of the checklist."""
