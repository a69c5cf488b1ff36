"""`make bench`: run every benchmark module's main() in turn (extraction MB/s, PDF pages/s and memory)."""
from __future__ import annotations

import importlib
import sys

MODULES = ["benchmarks.extract_throughput", "benchmarks.pdf_throughput"]


def main() -> int:
    failed = 0
    for name in MODULES:
        print(f"== {name}", flush=True)
        try:
            importlib.import_module(name).main()
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            print(f"   (missing: {name})")
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
