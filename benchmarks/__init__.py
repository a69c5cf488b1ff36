"""Benchmarks (`make bench`): speed and memory figures, never asserted in tests."""
