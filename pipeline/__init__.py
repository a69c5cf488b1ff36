"""china-econ-facts pipeline: a plain-Python library (documents/, extract/, publish/) and the Dagster code
location over it (assets/, definitions.py). Only assets/ and definitions.py import Dagster."""
