"""Running a learner's function on test inputs without letting it harm the kernel.

Where the platform has ``fork`` (Linux, macOS, Binder) the function runs in a
forked child that starts a session of its own (:func:`os.setsid`), so the
child and anything it forks form one process group; that group is killed
when a case times out and again when the run ends, so a learner function that
forks leaves no process behind (unless one of its processes starts yet another
session of its own).  A child that dies (``os._exit``, a segfault, running out
of memory) is reported as a crash and the run goes on with a fresh child.
Where ``fork`` is missing (Windows) the function runs in a daemon thread with
the same time limit, but a hanging thread cannot be stopped and keeps running
until the kernel restarts.

What comes back is kept small: a numeric result with more than
:data:`KEEP_ELEMENTS` elements crosses back as a :class:`Summary` (shape,
dtype and its first values), never whole, and anything else as a short text.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import reprlib
import signal
import sys
import threading
import traceback
import warnings
from dataclasses import dataclass

import numpy as np

#: Numeric results larger than this are summarised, not kept (the test vectors are tiny).
KEEP_ELEMENTS = 10_000
_EXCERPT = 8

_repr = reprlib.Repr()
_repr.maxstring, _repr.maxother, _repr.maxlist, _repr.maxtuple = 200, 200, 12, 12


@dataclass(frozen=True)
class Unreadable:
    """A result that is not an array of numbers, kept as a short text."""

    text: str

    def __repr__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Summary:
    """A numeric result too large to keep: its shape, dtype and first values."""

    shape: tuple
    dtype: str
    excerpt: tuple

    def __repr__(self) -> str:
        first = ", ".join(f"{v:g}" for v in self.excerpt)
        return f"<array of shape {self.shape}, {self.dtype}, starting [{first}, ...]>"


def portable(value: object) -> object:
    """Something small that pickles and that the parent can compare.

    >>> portable([1, 2]).tolist(), repr(portable("nope"))
    ([1, 2], "'nope'")
    >>> portable(np.zeros(10**5))
    <array of shape (100000,), float64, starting [0, 0, 0, 0, 0, 0, 0, 0, ...]>
    """
    try:
        arr = np.asarray(value)
        if arr.dtype.kind in "biuf":
            if arr.size > KEEP_ELEMENTS:
                head = tuple(float(v) for v in arr.reshape(-1)[:_EXCERPT])
                return Summary(tuple(int(n) for n in arr.shape), str(arr.dtype), head)
            return arr.copy()
    except Exception:
        pass
    try:
        text = _repr.repr(value)
    except Exception as exc:  # a learner's __repr__ may raise
        text = f"<{type(value).__name__} object (its repr raised {type(exc).__name__})>"
    return Unreadable(text if len(text) <= 300 else text[:297] + "...")


def _call(fn, args: tuple, kwargs: dict) -> tuple[str, object]:
    args = tuple(a.copy() if isinstance(a, np.ndarray) else a for a in args)
    try:
        return "ok", portable(fn(*args, **kwargs))
    except BaseException as exc:  # the learner's code may raise anything, even SystemExit
        frames = traceback.extract_tb(exc.__traceback__)[1:]
        where = f" (line {frames[-1].lineno} of {frames[-1].name})" if frames else ""
        text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        text = text if len(text) <= 300 else text[:297] + "..."
        return ("stub" if isinstance(exc, NotImplementedError) else "raised"), f"{text}{where}"


def _child(fn, calls, conn) -> None:
    with contextlib.suppress(OSError):
        os.setsid()  # a process group of our own, killed as a whole by the parent
    sys.stdout = io.StringIO()  # never write to the parent kernel's streams from the fork
    sys.stderr = io.StringIO()
    for args, kwargs in calls:
        status, payload = _call(fn, args, kwargs)
        try:
            conn.send((status, payload))
        except Exception:
            conn.send((status, Unreadable(repr(payload)[:300])))
    conn.close()


def _end(proc) -> None:
    """Kill the child's whole process group (it and whatever it forked), then reap it."""
    with contextlib.suppress(OSError):  # no such group: the child never got to setsid
        os.killpg(proc.pid, signal.SIGKILL)
    if proc.is_alive():
        proc.kill()
    proc.join(5)


def run_forked(fn, calls, timeout: float, max_timeouts: int) -> list[tuple[str, object]]:
    """``(status, payload)`` per call, each call run in a forked child's process group.

    ``calls`` is a list of ``(args, kwargs)``; status is ``"ok"`` (payload the
    portable result), ``"raised"`` or ``"stub"`` (payload the error text),
    ``"timeout"``, ``"crashed"`` or ``"skipped"``.
    """
    ctx = multiprocessing.get_context("fork")
    out: list[tuple[str, object]] = []
    timeouts = 0
    while len(out) < len(calls):
        if timeouts >= max_timeouts:
            out.extend(("skipped", None) for _ in calls[len(out) :])
            break
        recv, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_child, args=(fn, calls[len(out) :], send), daemon=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # "fork() in a threaded process"
            proc.start()
        send.close()
        try:
            while len(out) < len(calls):
                if not recv.poll(timeout):
                    out.append(("timeout", None))
                    timeouts += 1
                    break
                try:
                    out.append(recv.recv())
                except EOFError:  # the child died: os._exit, a segfault, running out of memory
                    out.append(("crashed", None))
                    break
        finally:
            recv.close()
            _end(proc)
    return out


def run_threaded(fn, calls, timeout: float, max_timeouts: int) -> list[tuple[str, object]]:
    """Like :func:`run_forked`, in daemon threads (a hang cannot be stopped)."""
    out: list[tuple[str, object]] = []
    timeouts = 0
    for args, kwargs in calls:
        if timeouts >= max_timeouts:
            out.append(("skipped", None))
            continue
        box: list = []
        t = threading.Thread(
            target=lambda a=args, k=kwargs, b=box: b.append(_call(fn, a, k)), daemon=True
        )
        t.start()
        t.join(timeout)
        if t.is_alive() or not box:
            out.append(("timeout", None))
            timeouts += 1
        else:
            out.append(box[0])
    return out


def can_fork() -> bool:
    """True where :func:`run_forked` works.

    >>> isinstance(can_fork(), bool)
    True
    """
    return "fork" in multiprocessing.get_all_start_methods()
