"""Helpers shared by Kith's benchmark scripts (FEBRL conversion, synthetic contacts, scoring)."""
