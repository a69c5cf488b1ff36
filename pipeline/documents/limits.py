"""Per-document limits, so that one pathological file costs a bounded amount of time and memory and ends as a
documents row with status `error` saying which limit stopped it, instead of hanging or killing the build.

- Text files (txt, md, html) larger than CEF_MAX_TEXT_MB (default 20 MB) are not read at all: their size is
  known from the file system, their SHA-256 is computed in 1 MB chunks, and the document gets status `error`
  with "... exceeds the 20 MB limit for text files". Publishing the first N MB instead would publish a text
  that is not the file (and facts from a part of it) under a status that says `ok`; a researcher is better
  served by a clear refusal and a knob to raise. Real statistical reports are far below 20 MB of text.
- PDF parsing and the extraction of one document run under a wall-clock limit, CEF_DOC_TIMEOUT_S (default
  300 s; 0 turns the limit off). PDFs are always parsed in a forked worker (a fork costs about 7 ms here, a
  PDF page 2 to 70 ms), which is killed when the time is up and which also holds a memory ceiling,
  CEF_DOC_MAX_MEM_MB (default 4096 MB over what the parent already maps; 0 = none). Extraction forks only for
  texts of at least CEF_FORK_MIN_CHARS characters (default 100 000); smaller documents run in the calling
  process, where the same time limit is kept by SIGALRM when that is possible (main thread), so small
  documents pay nothing.
- The worker answers in JSON through a pipe: nothing is pickled.
"""
from __future__ import annotations

import json
import os
import resource
import select
import signal
import threading
import time
from contextlib import contextmanager
from typing import Any, Callable

DEFAULT_MAX_TEXT_MB = 20.0
DEFAULT_TIMEOUT_S = 300.0
DEFAULT_MAX_MEM_MB = 4096.0
DEFAULT_FORK_MIN_CHARS = 100_000


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError:
        return default


def max_text_mb() -> float:
    return _env_float("CEF_MAX_TEXT_MB", DEFAULT_MAX_TEXT_MB)


def max_text_bytes() -> int:
    return int(max_text_mb() * 1024 * 1024)


def doc_timeout_s() -> float | None:
    """The per-document wall-clock limit in seconds, or None when switched off (CEF_DOC_TIMEOUT_S=0)."""
    t = _env_float("CEF_DOC_TIMEOUT_S", DEFAULT_TIMEOUT_S)
    return t if t > 0 else None


def max_mem_mb() -> float | None:
    m = _env_float("CEF_DOC_MAX_MEM_MB", DEFAULT_MAX_MEM_MB)
    return m if m > 0 else None


def fork_min_chars() -> int:
    return int(_env_float("CEF_FORK_MIN_CHARS", DEFAULT_FORK_MIN_CHARS))


def signature() -> str:
    """The limits in force, for staged results: a document stopped by a limit is read again once it changes."""
    return f"text{_fmt(max_text_mb())}MB-time{_fmt(doc_timeout_s() or 0)}s-mem{_fmt(max_mem_mb() or 0)}MB"


def can_fork() -> bool:
    return hasattr(os, "fork")


def _fmt(x: float) -> str:
    return f"{x:g}"


def too_big_message(size: int) -> str:
    return (f"text file is {size / 1024 / 1024:.1f} MB, which exceeds the {_fmt(max_text_mb())} MB limit for "
            f"text files (CEF_MAX_TEXT_MB); not read")


class LimitExceeded(Exception):
    """A per-document limit stopped the work. `limit` is 'time', 'memory' or 'crash'."""

    def __init__(self, limit: str, message: str):
        super().__init__(message)
        self.limit = limit


class WorkerError(Exception):
    """The work raised in the worker; `kind` is the exception's type name."""

    def __init__(self, kind: str, message: str):
        super().__init__(f"{kind}: {message}")
        self.kind = kind


def time_limit_message(what: str, seconds: float) -> str:
    return f"{what} was stopped by the {_fmt(seconds)} s per-document time limit (CEF_DOC_TIMEOUT_S)"


def _vm_bytes() -> int:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_in_worker(fn: Callable[..., Any], *args, what: str, timeout: float | None = None,
                  mem_mb: float | None = None) -> Any:
    """fn(*args) in a forked child; its JSON-able result comes back through a pipe. Raises LimitExceeded when
    the child is still busy after `timeout` seconds (it is killed), runs out of its memory ceiling or dies,
    and WorkerError when fn raised."""
    vm_now = _vm_bytes()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker: never returns into the caller's code
        code = 0
        try:
            os.close(r)
            if mem_mb and vm_now:
                cap = vm_now + int(mem_mb * 1024 * 1024)
                resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
            try:
                payload = {"ok": fn(*args)}
            except MemoryError:
                payload = {"limit": "memory"}
            except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent as data
                payload = {"error": type(exc).__name__, "message": str(exc)}
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            view = memoryview(data)
            while view:
                view = view[os.write(w, view):]
        except BaseException:  # noqa: BLE001
            code = 70
        finally:
            os._exit(code)
    os.close(w)
    chunks: list[bytes] = []
    deadline = None if timeout is None else time.monotonic() + timeout
    timed_out = False
    try:
        while True:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([r], [], [], left)
            if not ready:
                continue
            chunk = os.read(r, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(r)
        if timed_out:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        _, status = os.waitpid(pid, 0)
    if timed_out:
        raise LimitExceeded("time", time_limit_message(what, timeout))
    if not chunks:
        if os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            raise LimitExceeded("crash", f"{what} crashed the worker process (signal {signal.Signals(sig).name})"
                                + (f"; the {_fmt(mem_mb)} MB memory limit (CEF_DOC_MAX_MEM_MB) may have been hit"
                                   if mem_mb else ""))
        raise LimitExceeded("crash", f"{what} ended the worker process without an answer "
                                     f"(exit status {os.waitstatus_to_exitcode(status)})")
    payload = json.loads(b"".join(chunks).decode("utf-8"))
    if "ok" in payload:
        return payload["ok"]
    if payload.get("limit") == "memory":
        raise LimitExceeded("memory", f"{what} ran out of the {_fmt(mem_mb or 0)} MB per-document memory limit "
                                      f"(CEF_DOC_MAX_MEM_MB)")
    raise WorkerError(payload.get("error", "Exception"), payload.get("message", ""))


class _Alarm(BaseException):
    """BaseException, so that an `except Exception` inside the limited code cannot swallow it."""


@contextmanager
def alarm(seconds: float | None, what: str):
    """Keep a wall-clock limit on the code inside, in this process, with SIGALRM. Only where that is safe:
    the main thread, with no other SIGALRM handler installed; elsewhere the code runs unlimited.
    Raises LimitExceeded('time') when the time is up. Code stuck inside one C call is not interrupted."""
    usable = (seconds is not None and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread()
              and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
              and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0))
    if not usable:
        yield
        return

    def _on_alarm(signum, frame):
        raise _Alarm()

    old = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Alarm:
        raise LimitExceeded("time", time_limit_message(what, seconds)) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
