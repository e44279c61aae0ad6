"""Check a learner's own convolution code against test vectors, safely.

:func:`check_implementation` calls the learner's function on known inputs and
reports which cases passed, which failed and the first counterexample.  The
function runs in a forked child process (where the platform has ``fork``, as
Linux and Binder do): if it raises, the error is reported; if it hangs, the
child is terminated after the time limit and the kernel stays responsive; if
it crashes the process, that case is reported as a crash.  Where ``fork`` is
missing (Windows) it runs in a daemon thread with the same time limit, but a
hanging thread cannot be stopped and keeps running until the kernel restarts.
"""

from __future__ import annotations

import html
import io
import multiprocessing
import sys
import threading
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

__all__ = ["KINDS", "CaseResult", "ImplementationReport", "check_implementation"]


@dataclass(frozen=True)
class _Case:
    name: str
    args: tuple
    expected: object


@dataclass(frozen=True)
class CaseResult:
    """The outcome of one test case.

    Attributes
    ----------
    name : str
        What the case tests (e.g. "1×3 kernel (non-square)").
    args : tuple
        The inputs the function was called with.
    expected : ndarray or int
        The right answer.
    got : object
        What the function returned (None if it raised, hung or crashed).
    status : {"passed", "failed", "raised", "timeout", "crashed", "skipped"}
    message : str
        Why it failed, in a sentence ("" when it passed).
    """

    name: str
    args: tuple
    expected: object
    got: object
    status: str
    message: str = ""

    @property
    def passed(self) -> bool:
        return self.status == "passed"


def _show(value: object) -> str:
    if isinstance(value, np.ndarray):
        text = np.array2string(value, separator=", ", max_line_width=80, threshold=60)
    else:
        text = repr(value)
    text = text if len(text) <= 600 else text[:597] + "..."
    return text.replace("\n", "\n" + " " * 12)


@dataclass(frozen=True)
class ImplementationReport:
    """What :func:`check_implementation` found.

    Attributes
    ----------
    kind : str
        The kind checked (aliases resolved, e.g. "conv2d" -> "correlate2d").
    convention : str
        What the function was expected to compute.
    results : list of CaseResult
        One per case, in order.
    """

    kind: str
    convention: str
    results: list = field(default_factory=list)

    @property
    def passed(self) -> list:
        """The cases that passed."""
        return [r for r in self.results if r.passed]

    @property
    def failed(self) -> list:
        """The cases that did not pass (wrong, raised, hung, crashed or skipped)."""
        return [r for r in self.results if not r.passed]

    @property
    def ok(self) -> bool:
        """True when every case passed."""
        return not self.failed

    @property
    def first_failure(self) -> CaseResult | None:
        """The first counterexample, or None."""
        return self.failed[0] if self.failed else None

    def __str__(self) -> str:
        n, total = len(self.passed), len(self.results)
        lines = [f"{self.kind}: {self.convention}", f"{n} of {total} cases passed."]
        for r in self.results:
            mark = "✓" if r.passed else "✗"
            extra = "" if r.passed else f" — {r.status}: {r.message}"
            lines.append(f"  {mark} {r.name}{extra}")
        first = self.first_failure
        if first is not None:
            lines.append(f"First counterexample ({first.name}):")
            for i, a in enumerate(first.args):
                lines.append(f"  argument {i + 1}: {_show(a)}")
            lines.append(f"  expected: {_show(first.expected)}")
            if first.status == "failed":
                lines.append(f"  got:      {_show(first.got)}")
            else:
                lines.append(f"  {first.status}: {first.message}")
        else:
            lines.append("All cases passed. Well done!")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (
            f"<ImplementationReport {self.kind}: {len(self.passed)} of {len(self.results)} passed>"
        )

    def _repr_html_(self) -> str:
        rows = []
        for r in self.results:
            mark = "✓ passed" if r.passed else f"✗ {r.status}"
            rows.append(
                f"<tr><td>{mark}</td><td>{html.escape(r.name)}</td>"
                f"<td>{html.escape(r.message)}</td></tr>"
            )
        first = self.first_failure
        detail = ""
        if first is not None:
            parts = [f"argument {i + 1}: {_show(a)}" for i, a in enumerate(first.args)]
            parts.append(f"expected: {_show(first.expected)}")
            if first.status == "failed":
                parts.append(f"got:      {_show(first.got)}")
            detail = (
                f"<p><b>First counterexample</b> ({html.escape(first.name)}):</p>"
                f"<pre>{html.escape(chr(10).join(parts))}</pre>"
            )
        head = (
            f"<p><b>{html.escape(self.kind)}</b>: {html.escape(self.convention)}<br>"
            f"{len(self.passed)} of {len(self.results)} cases passed.</p>"
        )
        return f'<div class="convlab-report">{head}<table>{"".join(rows)}</table>{detail}</div>'


# ---------------------------------------------------------------------------------------
# references (plain numpy, independent of convlab's own engine) and test vectors
# ---------------------------------------------------------------------------------------


def _corr2d(x, h):
    from numpy.lib.stride_tricks import sliding_window_view

    x, h = np.asarray(x), np.asarray(h)
    return np.einsum("ijkl,kl->ij", sliding_window_view(x, h.shape), h)


def _conv2d_true(x, h):
    return _corr2d(x, np.asarray(h)[::-1, ::-1])


def _corr1d(x, h):
    return np.correlate(np.asarray(x), np.asarray(h), mode="valid")


def _arr(v, dtype=None):
    return np.array(v, dtype=dtype)


def _cases_1d_full() -> list[_Case]:
    rng = np.random.default_rng(20240501)
    pairs = [
        ("seed 000: [1..5] * [6..10]", [1, 2, 3, 4, 5], [6, 7, 8, 9, 10]),
        ("[1, 2, 3] * [4, 5, 6]", [1, 2, 3], [4, 5, 6]),
        ("asymmetric kernel (needs the flip)", [1, 2, 3], [0.0, 1.0, 0.5]),
        ("different lengths, kernel longer than input", [1, 2], [1, 1, 1, 1]),
        ("length-1 kernel", [3, 1, 4, 1, 5], [2]),
        ("both of length 1", [7], [3]),
        ("negative values", [-1, 2, -3, 4], [1, -1]),
        ("pattern matching (seed 002)", [0, 0, 0, 1, 2, 3, 2, 1, 0, 0], [1, 2, 3, 2, 1]),
        ("random floats", rng.normal(size=9).round(3), rng.normal(size=4).round(3)),
    ]
    return [_Case(n, (_arr(x), _arr(h)), np.convolve(x, h)) for n, x, h in pairs]


def _cases_1d_valid() -> list[_Case]:
    rng = np.random.default_rng(20240502)
    pairs = [
        ("difference kernel [1, 0, -1]", [1, 2, 3, 4, 5], [1, 0, -1]),
        ("asymmetric kernel (no flip)", [1, 2, 3], [1, 2]),
        ("kernel as long as the input", [1, 2, 3, 4], [4, 3, 2, 1]),
        ("length-1 kernel", [3, 1, 4, 1, 5], [2]),
        ("negative values", [-1, 2, -3, 4, -5], [1, -1]),
        ("random floats", rng.normal(size=10).round(3), rng.normal(size=3).round(3)),
    ]
    return [_Case(n, (_arr(x), _arr(h)), _corr1d(x, h)) for n, x, h in pairs]


def _pairs_2d() -> list[tuple[str, np.ndarray, np.ndarray]]:
    rng = np.random.default_rng(20240503)
    step = np.array([[0, 0, 0, 9, 9, 9]] * 4)
    return [
        (
            "seed 001: 3×3 of 1..9 with [[0, 1], [1, 0]]",
            np.arange(1, 10).reshape(3, 3),
            np.array([[0, 1], [1, 0]]),
        ),
        ("1×3 kernel (non-square)", np.arange(20).reshape(4, 5), np.array([[1, 0, -1]])),
        ("3×1 kernel (non-square)", np.arange(20).reshape(4, 5), np.array([[1], [0], [-1]])),
        (
            "non-square input and kernel",
            np.arange(15).reshape(3, 5) % 7,
            np.array([[1, 2, 0], [0, -1, 3]]),
        ),
        (
            "asymmetric 2×2 kernel",
            np.array([[1, 2, 3], [4, 5, 6], [7, 8, 10]]),
            np.array([[1, 2], [3, 4]]),
        ),
        ("kernel as large as the input", np.array([[1, 2], [3, 4]]), np.array([[5, 6], [7, 8]])),
        ("1×1 kernel", np.arange(6).reshape(2, 3), np.array([[3]])),
        ("vertical-edge kernel on a step", step, np.array([[1, 0, -1]] * 3)),
        ("random floats", rng.normal(size=(6, 7)).round(3), rng.normal(size=(3, 2)).round(3)),
    ]


def _cases_2d(flip: bool) -> list[_Case]:
    ref = _conv2d_true if flip else _corr2d
    return [_Case(n, (x, h), ref(x, h)) for n, x, h in _pairs_2d()]


def _cases_output_size() -> list[_Case]:
    rows = [
        ("3 kernel on 5, stride 1, no padding", (5, 3, 1, 0)),
        ("padding keeps the size: 32, kernel 5, padding 2", (32, 5, 1, 2)),
        ("stride 2 with padding 1", (7, 3, 2, 1)),
        ("ResNet stem: 224, kernel 7, stride 2, padding 3", (224, 7, 2, 3)),
        ("floor division: 6, kernel 3, stride 2", (6, 3, 2, 0)),
        ("floor division: 5, kernel 2, stride 2", (5, 2, 2, 0)),
        ("stride 3 with padding 1", (10, 3, 3, 1)),
        ("kernel as large as the input", (4, 4, 1, 0)),
        ("no padding shrinks: 28, kernel 5", (28, 5, 1, 0)),
        ("1×1 everything", (1, 1, 1, 0)),
    ]
    return [_Case(n, args, (args[0] + 2 * args[3] - args[1]) // args[2] + 1) for n, args in rows]


#: kind -> (canonical kind, convention, case builder)
_SPECS: dict[str, tuple[str, str, Callable[[], list[_Case]]]] = {
    "convolve1d": (
        "convolve1d",
        "true 1-D convolution in 'full' mode, fn(x, h) -> y of length len(x) + len(h) - 1, "
        "the same as numpy.convolve(x, h)",
        _cases_1d_full,
    ),
    "correlate1d": (
        "correlate1d",
        "1-D cross-correlation in 'valid' mode (no flip, the deep-learning convention), "
        "fn(x, h) -> y of length len(x) - len(h) + 1",
        _cases_1d_valid,
    ),
    "correlate2d": (
        "correlate2d",
        "2-D cross-correlation in 'valid' mode (no flip: what deep-learning layers call "
        "convolution, like seed 001's convolution2D), fn(x, h) -> y of shape "
        "(rows - kh + 1, cols - kw + 1)",
        lambda: _cases_2d(flip=False),
    ),
    "convolve2d": (
        "convolve2d",
        "true 2-D convolution in 'valid' mode (kernel flipped in both directions, like "
        "scipy.signal.convolve2d(x, h, mode='valid')), fn(x, h) -> y of shape "
        "(rows - kh + 1, cols - kw + 1)",
        lambda: _cases_2d(flip=True),
    ),
    "output_size": (
        "output_size",
        "output length of a convolution layer, fn(n, k, stride, padding) -> "
        "floor((n + 2*padding - k) / stride) + 1, an integer",
        _cases_output_size,
    ),
}
_ALIASES = {"conv1d": "convolve1d", "conv2d": "correlate2d"}

#: Every accepted ``kind`` of :func:`check_implementation`.
KINDS = tuple(sorted([*_SPECS, *_ALIASES]))


# ---------------------------------------------------------------------------------------
# running the learner's code
# ---------------------------------------------------------------------------------------


def _portable(value: object) -> object:
    """Something that pickles and that the parent can compare: an array, a number or a repr."""
    try:
        arr = np.asarray(value)
        if arr.dtype.kind in "biuf":
            return arr.copy()
    except Exception:
        pass
    text = repr(value)
    return _Unreadable(text if len(text) <= 300 else text[:297] + "...")


@dataclass(frozen=True)
class _Unreadable:
    text: str

    def __repr__(self) -> str:
        return self.text


def _call(fn, case: _Case) -> tuple[str, object]:
    args = tuple(a.copy() if isinstance(a, np.ndarray) else a for a in case.args)
    try:
        return "ok", _portable(fn(*args))
    except BaseException as exc:  # the learner's code may raise anything, even SystemExit
        frames = traceback.extract_tb(exc.__traceback__)[1:]
        where = f" (line {frames[-1].lineno} of {frames[-1].name})" if frames else ""
        text = f"{type(exc).__name__}: {exc}"
        text = text if len(text) <= 300 else text[:297] + "..."
        return "raised", f"{text}{where}"


def _child(fn, cases, conn) -> None:
    sys.stdout = io.StringIO()  # never write to the parent kernel's streams from the fork
    sys.stderr = io.StringIO()
    for case in cases:
        status, payload = _call(fn, case)
        try:
            conn.send((status, payload))
        except Exception:
            conn.send((status, _Unreadable(repr(payload)[:300])))
    conn.close()


def _run_forked(fn, cases, timeout, max_timeouts) -> list[tuple[str, object]]:
    ctx = multiprocessing.get_context("fork")
    out: list[tuple[str, object]] = []
    timeouts = 0
    while len(out) < len(cases):
        if timeouts >= max_timeouts:
            out.extend(("skipped", None) for _ in cases[len(out) :])
            break
        recv, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_child, args=(fn, cases[len(out) :], send), daemon=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # "fork() in a threaded process"
            proc.start()
        send.close()
        try:
            while len(out) < len(cases):
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
            if proc.is_alive():
                proc.terminate()
                proc.join(1)
                if proc.is_alive():
                    proc.kill()
            proc.join(1)
    return out


def _run_threaded(fn, cases, timeout, max_timeouts) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    timeouts = 0
    for case in cases:
        if timeouts >= max_timeouts:
            out.append(("skipped", None))
            continue
        box: list = []
        t = threading.Thread(target=lambda c=case, b=box: b.append(_call(fn, c)), daemon=True)
        t.start()
        t.join(timeout)
        if t.is_alive() or not box:
            out.append(("timeout", None))
            timeouts += 1
        else:
            out.append(box[0])
    return out


def _compare(case: _Case, got: object) -> tuple[bool, str]:
    expected = case.expected
    if isinstance(got, _Unreadable) or got is None:
        if repr(got) == "None":
            return False, "returned None — is a `return` statement missing?"
        return False, f"returned {got!r}, which is not an array of numbers"
    got_arr = np.asarray(got)
    if isinstance(expected, int):
        if got_arr.ndim != 0:
            return False, f"expected one integer, got an array of shape {got_arr.shape}"
        value = got_arr.item()
        if isinstance(value, float) and value.is_integer() and int(value) == expected:
            return True, ""
        if value == expected and not isinstance(value, bool):
            return True, ""
        return False, f"expected {expected}, got {value!r}"
    expected = np.asarray(expected)
    if got_arr.shape != expected.shape:
        return False, f"expected shape {expected.shape}, got shape {got_arr.shape}"
    got_f = got_arr.astype(float)
    if not np.all(np.isfinite(got_f)):
        return False, "the result contains NaN or infinity"
    if not np.allclose(got_f, expected, rtol=1e-9, atol=1e-9):
        bad = np.argwhere(~np.isclose(got_f, expected, rtol=1e-9, atol=1e-9))[0]
        where = tuple(int(i) for i in bad)
        where_text = where[0] if len(where) == 1 else where
        return False, (
            f"wrong value at index {where_text}: expected "
            f"{expected[where].item():g}, got {got_f[where].item():g}"
        )
    return True, ""


def check_implementation(
    fn: Callable, kind: str, *, timeout: float = 2.0, isolation: str = "auto", max_timeouts: int = 2
) -> ImplementationReport:
    """Run a learner's own function against test vectors and edge cases.

    Parameters
    ----------
    fn : callable
        The learner's function.  For a class such as seed 003's ``Conv2D``,
        pass ``lambda x, h: Conv2D(h, 1, 0).forward(x)``.
    kind : str
        What ``fn`` should compute; each kind has one convention:

        * ``"conv1d"`` or ``"convolve1d"``: ``fn(x, h)``, true 1-D
          convolution in full mode, like ``numpy.convolve(x, h)``
          (``[1..5]``, ``[6..10]`` -> ``[6, 19, 40, 70, 110, 114, 106, 85, 50]``);
        * ``"correlate1d"``: ``fn(x, h)``, 1-D cross-correlation in valid
          mode (no flip);
        * ``"conv2d"`` or ``"correlate2d"``: ``fn(x, h)``, 2-D
          cross-correlation in valid mode, the deep-learning convention
          (seed 001's ``convolution2D(input, kernel)``), tested with
          non-square kernels (1×3, 3×1) and inputs;
        * ``"convolve2d"``: ``fn(x, h)``, true 2-D convolution in valid mode,
          like ``scipy.signal.convolve2d(x, h, mode="valid")``;
        * ``"output_size"``: ``fn(n, k, stride, padding)``, the integer
          ``floor((n + 2*padding - k) / stride) + 1``.

        Inputs are numpy arrays (integers, or floats in the random cases).
    timeout : float, optional
        Seconds allowed per case.
    isolation : {"auto", "process", "thread"}, optional
        ``"process"`` runs ``fn`` in a forked child that is terminated when
        it hangs; ``"thread"`` in a daemon thread (a hang cannot be stopped);
        ``"auto"`` picks ``"process"`` where ``fork`` exists.
    max_timeouts : int, optional
        After this many cases time out, the rest are skipped.

    Returns
    -------
    ImplementationReport
        ``.ok``, ``.passed``, ``.failed``, ``.first_failure``; prints as a
        readable list and shows as a table in Jupyter.

    Raises
    ------
    TypeError
        If ``fn`` is not callable.
    ValueError
        If ``kind`` or ``isolation`` is unknown.

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
    """
    if not callable(fn):
        raise TypeError(f"fn must be a function, got {type(fn).__name__}")
    if not isinstance(kind, str) or kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(map(repr, KINDS))}, got {kind!r}")
    if isolation not in ("auto", "process", "thread"):
        raise ValueError(f"isolation must be 'auto', 'process' or 'thread', got {isolation!r}")
    if not timeout > 0:
        raise ValueError(f"timeout must be positive, got {timeout!r}")
    canonical, convention, build = _SPECS[_ALIASES.get(kind, kind)]
    cases = build()
    forkable = "fork" in multiprocessing.get_all_start_methods()
    if isolation == "process" and not forkable:
        raise ValueError("isolation='process' needs fork, which this platform lacks")
    use_fork = forkable if isolation == "auto" else isolation == "process"
    run = _run_forked if use_fork else _run_threaded
    outcomes = run(fn, cases, float(timeout), int(max_timeouts))
    # What each way of ending says; "ok" is judged against the expected answer below.
    messages = {
        "timeout": f"did not finish within {timeout:g} s (an endless loop?)",
        "crashed": "the process running it died",
        "skipped": "not run: earlier cases hung",
    }
    results = []
    for case, (status, payload) in zip(cases, outcomes):
        got = None
        if status == "ok":
            good, message = _compare(case, payload)
            got = payload if not isinstance(payload, _Unreadable) else repr(payload)
            status = "passed" if good else "failed"
        elif status == "raised":
            message = str(payload)
        else:
            status = status if status in messages else "skipped"
            message = messages[status]
        results.append(CaseResult(case.name, case.args, case.expected, got, status, message))
    return ImplementationReport(canonical, convention, results)
