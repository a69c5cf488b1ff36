"""The environment for commands run in the loader's fresh venv."""
from __future__ import annotations

import os


def clean_env(**extra) -> dict:
    """No PYTHONPATH (the Makefile exports the repo root) and no data, URL or cache override: the venv must stand
    alone."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "CHINA_ECON_FACTS_DATA", "CHINA_ECON_FACTS_URL", "CHINA_ECON_FACTS_CACHE",
                        "VIRTUAL_ENV", "PYTHONHOME")}
    return {**env, **extra}
