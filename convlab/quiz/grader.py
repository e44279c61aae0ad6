"""Check a learner's own convolution code against test vectors, safely.

:func:`check_implementation` calls the learner's function on known inputs and
reports which cases passed, which failed and the first counterexample.  It is
built from three parts:

* :mod:`convlab.quiz.vectors`: the kinds and their test vectors;
* :mod:`convlab.quiz.sandbox`: running the function in a forked child (its own
  process group, killed on a timeout and at the end) or a thread;
* :mod:`convlab.quiz.report`: judging each result (tolerances that follow the
  dtype returned) and the report.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from numbers import Real

import numpy as np

from . import sandbox
from .report import CaseResult, ImplementationReport, compare
from .vectors import _CALLS, _SPECS, KINDS, resolve_kind

# The test vectors' builders, where tests (tests/test_nb09.py) have imported them from.
from .vectors import _cases_1d_full, _pairs_2d  # noqa: F401  isort: skip

__all__ = ["KINDS", "CaseResult", "ImplementationReport", "check_implementation"]

_MAX_TIMEOUT = 3600.0

# What each way of ending says; "ok" is judged against the expected answer.
_MESSAGES = {
    "crashed": "the process running it died",
    "skipped": "not run: earlier cases hung",
}


def _call_style(fn: Callable, canonical: str, args: tuple) -> tuple[str | None, str]:
    """``("positional" | "keywords", "")`` if ``fn`` can be called as the kind calls it,
    else ``(None, why)``."""
    shown, keywords = _CALLS[canonical]
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):  # some builtins have no signature: just call them
        return "positional", ""
    try:
        sig.bind(*args)
        return "positional", ""
    except TypeError as exc:
        problem = str(exc)
    if keywords:
        n = len(args) - len(keywords)
        try:
            sig.bind(*args[:n], **dict(zip(keywords, args[n:])))
            return "keywords", ""
        except TypeError:
            pass
    name = getattr(fn, "__name__", type(fn).__name__)
    return None, f"{name}{sig} cannot be called as {shown} ({problem})"


def _calls(style: str, canonical: str, cases: list) -> list[tuple[tuple, dict]]:
    keywords = _CALLS[canonical][1]
    if style == "positional" or not keywords:
        return [(case.args, {}) for case in cases]
    n = len(cases[0].args) - len(keywords)
    return [(c.args[:n], dict(zip(keywords, c.args[n:]))) for c in cases]


def _check_limits(timeout: object, max_timeouts: object) -> tuple[float, int]:
    if isinstance(timeout, bool) or not isinstance(timeout, Real):
        raise TypeError(f"timeout must be a number of seconds, got {type(timeout).__name__}")
    if not (math.isfinite(timeout) and 0 < timeout <= _MAX_TIMEOUT):
        raise ValueError(
            f"timeout must be a number of seconds above 0 and at most {_MAX_TIMEOUT:g} "
            f"(the time allowed per case), got {timeout!r}"
        )
    if isinstance(max_timeouts, bool) or not isinstance(max_timeouts, (int, np.integer)):
        raise TypeError(f"max_timeouts must be a whole number, got {type(max_timeouts).__name__}")
    if max_timeouts < 1:
        raise ValueError(
            "max_timeouts must be at least 1 (after that many cases time out the rest are "
            f"skipped), got {max_timeouts!r}"
        )
    return float(timeout), int(max_timeouts)


#: The whole report for a function that raises NotImplementedError in every case.
STUB = "Not written yet: replace `raise NotImplementedError()` with your code."


def _notes(kind: str, results: list[CaseResult]) -> tuple[str, ...]:
    notes = []
    if kind == "conv1d":
        full = [
            r
            for r in results
            if r.status == "failed"
            and np.shape(r.got) == (len(r.args[0]) + len(r.args[1]) - 1,)
            and len(r.args[1]) > 1
        ]
        if full:
            notes.append(
                "kind 'conv1d' checks the deep-learning layer, like convlab.conv1d: "
                "cross-correlation in 'valid' mode. Your function returns the 'full' length; "
                "for full true convolution like numpy.convolve use kind='convolve1d'."
            )
    return tuple(notes)


def check_implementation(
    fn: Callable, kind: str, *, timeout: float = 2.0, isolation: str = "auto", max_timeouts: int = 2
) -> ImplementationReport:
    """Run a learner's own function against test vectors and edge cases.

    Parameters
    ----------
    fn : callable
        The learner's function.  For a class such as a ``Conv2D`` layer, pass
        ``lambda x, h: Conv2D(h, 1, 0).forward(x)``.
    kind : str
        What ``fn`` should compute; each kind has one convention, and
        convlab's own function of the same name passes it:

        * ``"conv1d"`` or ``"correlate1d"``: ``fn(x, h)``, the deep-learning
          layer ``convlab.conv1d``: 1-D cross-correlation in valid mode (no
          flip), output length ``len(x) - len(h) + 1``;
        * ``"convolve1d"`` or ``"convolve"``: ``fn(x, h)``, true 1-D
          convolution in full mode, like ``numpy.convolve(x, h)``
          (``[1..5]``, ``[6..10]`` -> ``[6, 19, 40, 70, 110, 114, 106, 85, 50]``);
          before convlab 0.2 this was called ``"conv1d"``, and a report for
          ``"conv1d"`` says so when the function returns the full length;
        * ``"conv2d"`` or ``"correlate2d"``: ``fn(x, h)``, the deep-learning
          layer ``convlab.conv2d``: 2-D cross-correlation in valid mode,
          tested with non-square kernels (1×3, 3×1) and inputs;
        * ``"convolve2d"``: ``fn(x, h)``, true 2-D convolution in valid mode,
          like ``scipy.signal.convolve2d(x, h, mode="valid")``;
        * ``"output_size"``: ``fn(n, k, stride, padding)`` (stride and
          padding may also be keyword-only, as in ``convlab.output_size``),
          the integer ``floor((n + 2*padding - k) / stride) + 1``.

        Inputs are numpy arrays (integers, or floats in the random cases).
    timeout : float, optional
        Seconds allowed per case, above 0 and at most 3600.
    isolation : {"auto", "process", "thread"}, optional
        ``"process"`` runs ``fn`` in a forked child in a process group of its
        own, killed (with anything it forked) when it hangs and at the end;
        ``"thread"`` in a daemon thread (a hang cannot be stopped); ``"auto"``
        picks ``"process"`` where ``fork`` exists.
    max_timeouts : int, optional
        After this many cases time out, the rest are skipped (at least 1).

    Returns
    -------
    ImplementationReport
        ``.ok``, ``.passed``, ``.failed``, ``.first_failure``; prints as a
        readable list and shows as a table in Jupyter.  A stub, a signature
        that does not fit, a wrong shape or a hang is a message in the
        report, never a traceback.

    Raises
    ------
    TypeError
        If ``fn`` is not callable, or ``timeout`` / ``max_timeouts`` are not numbers.
    ValueError
        If ``kind`` or ``isolation`` is unknown, or ``timeout`` / ``max_timeouts``
        are out of range.

    Examples
    --------
    A correct output-size function passes everything:

    >>> report = check_implementation(lambda n, k, s, p: (n + 2 * p - k) // s + 1, "output_size")
    >>> report.ok, len(report.results)
    (True, 10)

    Forgetting the floor is caught, with a counterexample:

    >>> report = check_implementation(lambda n, k, s, p: (n + 2 * p - k) / s + 1, "output_size")
    >>> report.ok, report.first_failure.message
    (False, 'expected 112, got 112.5')

    A stub left in place gets one short report, not a failure per case:

    >>> def output_size(n, k, stride, padding):
    ...     raise NotImplementedError()
    >>> print(check_implementation(output_size, "output_size"))  # doctest: +ELLIPSIS
    output_size: ...
    Not written yet: replace `raise NotImplementedError()` with your code.
    0 of 10 cases passed: the function is not written yet.

    convlab's own layer passes its own kind:

    >>> import convlab
    >>> check_implementation(convlab.conv2d, "conv2d").ok
    True
    """
    if not callable(fn):
        raise TypeError(f"fn must be a function, got {type(fn).__name__}")
    canonical = resolve_kind(kind)
    if isolation not in ("auto", "process", "thread"):
        raise ValueError(f"isolation must be 'auto', 'process' or 'thread', got {isolation!r}")
    timeout, max_timeouts = _check_limits(timeout, max_timeouts)
    _, convention, build = _SPECS[canonical]
    cases = build()
    forkable = sandbox.can_fork()
    if isolation == "process" and not forkable:
        raise ValueError("isolation='process' needs fork, which this platform lacks")
    style, problem = _call_style(fn, canonical, cases[0].args)
    if style is None:
        results = [
            CaseResult(c.name, c.args, c.expected, None, "raised", f"TypeError: {problem}")
            for c in cases
        ]
        line = f"The function's signature does not fit: {problem}."
        return ImplementationReport(canonical, convention, results, problem=line)
    use_fork = forkable if isolation == "auto" else isolation == "process"
    run = sandbox.run_forked if use_fork else sandbox.run_threaded
    outcomes = run(fn, _calls(style, canonical, cases), timeout, max_timeouts)
    messages = {**_MESSAGES, "timeout": f"did not finish within {timeout:g} s (an endless loop?)"}
    stub = bool(outcomes) and all(status == "stub" for status, _ in outcomes)
    results = []
    for case, (status, payload) in zip(cases, outcomes):
        got = None
        if status == "ok":
            good, message = compare(case.expected, payload)
            got = payload if not isinstance(payload, sandbox.Unreadable) else repr(payload)
            status = "passed" if good else "failed"
        elif status == "stub":
            status = "raised"
            message = f"not written yet: it raises {payload}"
        elif status == "raised":
            message = str(payload)
        else:
            status = status if status in messages else "skipped"
            message = messages[status]
        results.append(CaseResult(case.name, case.args, case.expected, got, status, message))
    if stub:
        count = f"0 of {len(results)} cases passed: the function is not written yet."
        return ImplementationReport(canonical, convention, results, problem=f"{STUB}\n{count}")
    return ImplementationReport(canonical, convention, results, _notes(kind, results))
