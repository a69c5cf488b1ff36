"""Thin Dagster wrappers over the library, one module per stage (ingest, parse, extract, combine/validate,
publish) plus checks, sensors and the warehouse resource."""
import warnings

import dagster as dg

# single-run backfills and partitioned checks are marked beta/preview in Dagster 1.13; we rely on them knowingly
warnings.filterwarnings("ignore", category=dg.BetaWarning)
warnings.filterwarnings("ignore", category=dg.PreviewWarning)
