# Replaced at build time by the release's version (pipeline/publish/version.py).
__version__ = "0.0.0.dev0"
