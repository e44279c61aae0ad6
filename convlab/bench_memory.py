"""Peak memory and time of very large convolutions, each in a fresh process.

``python -m convlab.bench memory`` prints :func:`format_memory_table` of
:func:`memory_bench`: every case of :data:`MEMORY_CASES` runs in a child process
whose peak resident memory (VmHWM) is read from ``/proc``, next to
``method="fft"``, all under the engine's stated limits (1 GB).  Re-exported by
:mod:`convlab.bench`.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence

__all__ = ["MEMORY_CASES", "format_memory_table", "memory_bench"]


#: The large cases of the memory benchmark: label -> (function, inputs, keyword arguments),
#: the inputs an expression of numpy ``np`` and a seeded generator ``rng``.
MEMORY_CASES: dict[str, tuple[str, str, str]] = {
    "conv1d 20000 * 19999": ("conv1d", "rng.random(20000), rng.random(19999)", ""),
    "conv1d 40000 * 39999": ("conv1d", "rng.random(40000), rng.random(39999)", ""),
    "conv2d 200² * 199²": ("conv2d", "rng.random((200, 200)), rng.random((199, 199))", ""),
    "conv2d 1² * 2², d=p=500": (
        "conv2d", "np.ones((1, 1)), np.ones((2, 2))", "dilation=500, padding=500"
    ),
    "conv2d 2048² * 31²": ("conv2d", "rng.random((2048, 2048)), rng.random((31, 31))", ""),
}

_MEMORY_PROBE = """
import re, time
import numpy as np
from convlab import conv1d, conv2d
def status(field):  # MB, from the kernel's accounting of this process
    text = open("/proc/self/status").read()
    return int(re.search(field + r":\\s+(\\d+) kB", text).group(1)) / 1024
rng = np.random.default_rng(0)
args = [{inputs}]
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")  # reset the high-water mark VmHWM to the current size
base = status("VmRSS")
start = time.perf_counter()
try:
    y = {function}(*args, {keywords}method={method!r})
    outcome = "ok"
except ValueError as exc:
    outcome = "refused: " + str(exc).split(";")[0]
seconds = time.perf_counter() - start
print(seconds, status("VmHWM") - base, outcome, sep="\\t")
"""


def memory_bench(
    cases: dict[str, str] | None = None,
    methods: Sequence[str] = ("auto", "direct", "fft"),
    *,
    timeout: float = 300.0,
) -> list[dict]:
    """Peak memory and time of large convolutions, each in a fresh Python process.

    The peak is the growth of the process's resident high-water mark (Linux's
    ``VmHWM``, reset just before the call) during the call, so it counts what C
    code such as ``scipy.ndimage`` allocates too, which :mod:`tracemalloc` does
    not see (``ru_maxrss`` would not do: it starts from the size of the parent).
    The inputs are made before the measurement starts.

    Parameters
    ----------
    cases : dict of str to (str, str, str), optional
        Label -> (``"conv1d"`` or ``"conv2d"``, the inputs, keyword arguments),
        as in :data:`MEMORY_CASES` (the default).
    methods : sequence of str
        The methods to run each case with.
    timeout : float, optional
        Seconds a case may run before it is reported as "timed out".

    Returns
    -------
    list of dict
        One row per (case, method): ``case``, ``method``, ``seconds``, ``MB``
        (peak growth) and ``outcome`` ("ok", "refused: ...", or "timed out").

    Examples
    --------
    >>> rows = memory_bench({"tiny": ("conv1d", "[1, 2, 3], [1, 1]", "")}, ["fft"])
    >>> rows[0]["case"], rows[0]["method"], rows[0]["outcome"]
    ('tiny', 'fft', 'ok')
    """
    cases = MEMORY_CASES if cases is None else cases
    rows = []
    for label, (function, inputs, keywords) in cases.items():
        for method in methods:
            probe = _MEMORY_PROBE.format(
                function=function, inputs=inputs, method=method,
                keywords=f"{keywords}, " if keywords else "",
            )
            try:
                out = subprocess.run(
                    [sys.executable, "-c", probe], capture_output=True, text=True,
                    timeout=timeout,
                )
            except subprocess.TimeoutExpired:
                rows.append({"case": label, "method": method, "seconds": timeout,
                             "MB": float("nan"), "outcome": "timed out"})
                continue
            if out.returncode != 0:
                last = (out.stderr.strip().splitlines() or ["crashed"])[-1]
                rows.append({"case": label, "method": method, "seconds": float("nan"),
                             "MB": float("nan"), "outcome": "failed: " + last})
                continue
            seconds, megabytes, outcome = out.stdout.strip().splitlines()[-1].split("\t")
            rows.append({"case": label, "method": method, "seconds": float(seconds),
                         "MB": float(megabytes), "outcome": outcome})
    return rows


def format_memory_table(rows: list[dict]) -> str:
    """Format :func:`memory_bench` rows: one line per case, ``time, peak MB`` per method.

    Examples
    --------
    >>> rows = [{"case": "c", "method": "fft", "seconds": 0.002, "MB": 1.5, "outcome": "ok"}]
    >>> print(format_memory_table(rows))
    case                            fft
    c                               2.00 ms      1.5 MB
    """
    methods = list(dict.fromkeys(row["method"] for row in rows))
    cells: dict[str, dict[str, dict]] = {}
    for row in rows:
        cells.setdefault(row["case"], {})[row["method"]] = row
    lines = [f"{'case':<32}" + "".join(f"{m:<24}" for m in methods).rstrip()]
    notes = []
    for case, cell in cells.items():
        entries = []
        for m in methods:
            row = cell.get(m)
            if row is None:
                entries.append("")
            elif row["outcome"] == "ok":
                entries.append(f"{_seconds(row['seconds']):<9}{row['MB']:>6.1f} MB")
            else:
                entries.append(row["outcome"].split(":")[0])
                notes.append(f"{case}, {m}: {row['outcome']}")
        lines.append(f"{case:<32}" + "".join(f"{e:<24}" for e in entries).rstrip())
    return "\n".join([*lines, "", *notes] if notes else lines)


def _seconds(t):
    return f"{t:.0f} s" if t >= 10 else f"{t * 1e3:.0f} ms" if t >= 0.1 else f"{t * 1e3:.2f} ms"
