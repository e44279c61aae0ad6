"""Grader kinds for notebook 02's exercises: flip and slide in the three modes.

======================  ==============================================================
kind                    convention
======================  ==============================================================
``"convolve_modes"``    ``fn(x, h, mode)`` with ``mode`` one of ``"full"``, ``"same"``,
                        ``"valid"`` and ``len(x) >= len(h)``: the same as
                        ``numpy.convolve(x, h, mode)``; ``"same"`` follows NumPy's
                        convention for an even kernel too (the centre of the full result,
                        starting at index ``(len(h) - 1) // 2``)
======================  ==============================================================

Notebook 02's second exercise, cross-correlation in valid mode, uses the shared kind
``"correlate1d"`` of :mod:`convlab.quiz.vectors`.

>>> import numpy as np
>>> from convlab.quiz import check_implementation
>>> check_implementation(np.convolve, "convolve_modes").ok
True
>>> report = check_implementation(lambda x, h, mode: np.convolve(x, h), "convolve_modes")
>>> report.ok, report.results[3].message
(False, 'expected shape (5,), got shape (7,)')
"""

from __future__ import annotations

import numpy as np

from . import Case, Kind

__all__ = ["KINDS"]


def _mode_cases() -> list[Case]:
    rng = np.random.default_rng(20240201)
    a, b = rng.normal(size=8).round(3), rng.normal(size=3).round(3)
    rows = [
        ("full: [1..5] and [1, 2, 3]", [1, 2, 3, 4, 5], [1, 2, 3], "full"),
        ("full: asymmetric kernel (needs the flip)", [1, 2, 3, 4], [0.0, 1.0, 0.5], "full"),
        ("full: random floats", a, b, "full"),
        ("same: [1..5] and [1, 2, 3]", [1, 2, 3, 4, 5], [1, 2, 3], "same"),
        ("same: even kernel [1, -1] (NumPy's centre)", [1, 4, 9, 16, 25, 36], [1, -1], "same"),
        ("same: even kernel of length 4", [1, 2, 3, 4, 5, 6, 7], [1, 2, 3, 4], "same"),
        ("same: length-1 kernel", [3, 1, 4, 1, 5], [2], "same"),
        ("valid: [1..5] and [1, 2, 3]", [1, 2, 3, 4, 5], [1, 2, 3], "valid"),
        ("valid: kernel as long as the input", [1, 2, 3], [4, 5, 6], "valid"),
        ("valid: random floats", a, b, "valid"),
    ]
    return [
        Case(name, (np.array(x), np.array(h), mode), np.convolve(x, h, mode))
        for name, x, h, mode in rows
    ]


KINDS = {
    "convolve_modes": Kind(
        convention="true 1-D convolution in the mode asked for, fn(x, h, mode) with mode "
        "'full', 'same' or 'valid' and len(x) >= len(h), the same as "
        "numpy.convolve(x, h, mode): lengths len(x) + len(h) - 1, len(x) and "
        "len(x) - len(h) + 1",
        cases=_mode_cases,
        call="fn(x, h, mode)",
        keywords=("mode",),
    ),
}
