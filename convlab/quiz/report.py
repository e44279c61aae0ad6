"""Judging a learner's results and reporting them: per case, then as a whole.

:func:`compare` decides one case.  Tolerances follow the dtype the learner
returned: float64 and integer results must agree to about 1e-9 (relative to
the size of the expected values), float32 and float16 results to 32 units of
their own machine epsilon, so a correct float32 implementation passes.  A
wrong value is shown with enough digits to see the difference.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import numpy as np

from .sandbox import Summary, Unreadable

__all__ = ["CaseResult", "ImplementationReport", "compare", "tolerance"]


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
        What the function returned (None if it raised, hung or crashed); a
        short summary instead of a result too large to keep.
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
    """What :func:`~convlab.quiz.check_implementation` found.

    Attributes
    ----------
    kind : str
        The kind checked (aliases resolved, e.g. "conv2d" -> "correlate2d").
    convention : str
        What the function was expected to compute.
    results : list of CaseResult
        One per case, in order.
    notes : tuple of str
        Hints about the whole run (a kind that checks something else); shown
        under the score.
    problem : str
        Set when the function could not be graded case by case (a stub left in
        place, a signature that does not fit): the report is then these line(s)
        under the convention, without the list of cases or a counterexample.
    """

    kind: str
    convention: str
    results: list = field(default_factory=list)
    notes: tuple = ()
    problem: str = ""

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

    def _counterexample(self) -> list[str]:
        first = self.first_failure
        parts = [f"argument {i + 1}: {_show(a)}" for i, a in enumerate(first.args)]
        parts.append(f"expected: {_show(first.expected)}")
        if first.status == "failed":
            parts.append(f"got:      {_show(first.got)}")
        return parts

    def __str__(self) -> str:
        if self.problem:
            return f"{self.kind}: {self.convention}\n{self.problem}"
        n, total = len(self.passed), len(self.results)
        lines = [f"{self.kind}: {self.convention}", f"{n} of {total} cases passed."]
        lines += [f"Note: {note}" for note in self.notes]
        for r in self.results:
            mark = "✓" if r.passed else "✗"
            extra = "" if r.passed else f" — {r.status}: {r.message}"
            lines.append(f"  {mark} {r.name}{extra}")
        first = self.first_failure
        if first is not None:
            lines.append(f"First counterexample ({first.name}):")
            lines += [f"  {part}" for part in self._counterexample()]
            if first.status != "failed":
                lines.append(f"  {first.status}: {first.message}")
        else:
            lines.append("All cases passed. Well done!")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (
            f"<ImplementationReport {self.kind}: {len(self.passed)} of {len(self.results)} passed>"
        )

    def _repr_html_(self) -> str:
        if self.problem:
            return (
                f'<div class="convlab-report"><p><b>{html.escape(self.kind)}</b>: '
                f"{html.escape(self.convention)}</p>"
                + "".join(f"<p>{_code(line)}</p>" for line in self.problem.split("\n"))
                + "</div>"
            )
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
            detail = (
                f"<p><b>First counterexample</b> ({html.escape(first.name)}):</p>"
                f"<pre>{html.escape(chr(10).join(self._counterexample()))}</pre>"
            )
        notes = "".join(f"<p>Note: {html.escape(note)}</p>" for note in self.notes)
        if first is None:
            notes += "<p>All cases passed. Well done!</p>"
        head = (
            f"<p><b>{html.escape(self.kind)}</b>: {html.escape(self.convention)}<br>"
            f"{len(self.passed)} of {len(self.results)} cases passed.</p>{notes}"
        )
        return f'<div class="convlab-report">{head}<table>{"".join(rows)}</table>{detail}</div>'


def _code(text: str) -> str:
    """``text`` as HTML, with `backquoted` parts in ``<code>``.

    >>> _code("replace `raise X()` <now>")
    'replace <code>raise X()</code> &lt;now&gt;'
    """
    parts = html.escape(text).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))


def tolerance(dtype: np.dtype) -> float:
    """The relative tolerance for a result of ``dtype``.

    >>> tolerance(np.dtype("float64")), tolerance(np.dtype("int64"))
    (1e-09, 1e-09)
    >>> round(tolerance(np.dtype("float32")), 8)
    3.81e-06
    """
    if dtype.kind == "f" and dtype.itemsize < 8:
        return float(32 * np.finfo(dtype).eps)
    return 1e-9


def _number(value) -> str:
    """A value with as many digits as its own dtype needs to be told apart."""
    v = float(value)
    if v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    if isinstance(value, np.floating):
        return str(value)  # the shortest text that reads back as this value, in its dtype
    return repr(v)


def compare(expected: object, got: object) -> tuple[bool, str]:
    """``(passed, message)`` for one case's result.

    >>> compare(np.array([6, 19]), np.array([6, 19]))
    (True, '')
    >>> compare(np.array([1.0, 3.12337]), np.array([1, 3.1233], dtype=np.float32))
    (False, 'wrong value at index 1: expected 3.12337, got 3.1233 (differs by 7e-05)')
    """
    if isinstance(got, Unreadable) or got is None:
        if repr(got) == "None":
            return False, "returned None — is a `return` statement missing?"
        return False, f"returned {got!r}, which is not an array of numbers"
    if isinstance(got, Summary):
        if isinstance(expected, int):
            return False, f"expected one integer, got an array of shape {got.shape}"
        return False, f"expected shape {np.shape(expected)}, got shape {got.shape}"
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
    tol = tolerance(got_arr.dtype)
    scale = max(1.0, float(np.max(np.abs(expected)))) if expected.size else 1.0
    close = np.abs(got_f - expected) <= tol * (np.abs(expected) + scale)
    if np.all(close):
        return True, ""
    where = tuple(int(i) for i in np.argwhere(~close)[0])
    want, have = expected[where], got_arr[where]
    text = f"expected {_number(want)}, got {_number(have)}"
    if not (float(want).is_integer() and float(have).is_integer()):
        text += f" (differs by {abs(float(have) - float(want)):.2g})"
    return False, f"wrong value at index {where[0] if len(where) == 1 else where}: {text}"
