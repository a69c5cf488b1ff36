"""Reading the pages of one long PDF in several processes, through the per-page cache.

pdfminer's parsing is pure Python and holds the GIL, so only processes help. Each forked worker opens the
PDF itself, reads its share of the pages and writes them to the cache; the caller then finds them there, and
reads itself whatever a worker did not deliver (a worker that died, an unwritable cache), so the result
never depends on the workers. Off unless CEF_PDF_WORKERS > 1: a build that already runs one document per
core gains nothing from it."""
from __future__ import annotations

import os

ENV_VAR = "CEF_PDF_WORKERS"
MIN_PAGES = 8  # below this, forking costs more than it saves


def workers() -> int:
    try:
        n = int(os.environ.get(ENV_VAR, "1"))
    except ValueError:
        return 1
    return max(1, min(n, os.cpu_count() or 1))


def prefetch(path, todo: list[int], cache, read_page, n_workers: int | None = None) -> None:
    """Read pages `todo` (1-based) of `path` into `cache` in forked workers, and wait for them."""
    n_workers = workers() if n_workers is None else n_workers
    if n_workers <= 1 or len(todo) < MIN_PAGES or not hasattr(os, "fork"):
        return
    pids = []
    for k in range(n_workers):
        share = todo[k::n_workers]
        pid = os.fork()
        if pid == 0:  # the worker never returns into the caller's code
            try:
                import pdfplumber

                with pdfplumber.open(path) as pdf:
                    for n in share:
                        page = pdf.pages[n - 1]
                        try:
                            cache.put_page(n, read_page(page))
                        except Exception:  # noqa: BLE001 - the caller reads (and reports) this page itself
                            pass
                        page.close()
            finally:
                os._exit(0)
        pids.append(pid)
    for pid in pids:
        os.waitpid(pid, 0)
