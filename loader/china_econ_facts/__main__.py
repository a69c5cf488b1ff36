"""python -m china_econ_facts …: the same command line as `china-econ-facts`."""
from .cli import main

raise SystemExit(main())
