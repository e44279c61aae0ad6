"""The course's test vectors for :func:`~convlab.quiz.check_implementation`.

Each *kind* names one convention and has its own cases; the expected values come
from plain numpy (``numpy.convolve``, ``numpy.correlate``, a sliding-window sum),
independent of convlab's own engine.  The kind names match the package's own
functions, so that ``convlab.conv1d`` passes ``"conv1d"`` and ``convlab.conv2d``
passes ``"conv2d"``:

======================  ==============================================================
kind                    convention
======================  ==============================================================
``"conv1d"``            the deep-learning layer: 1-D cross-correlation, valid mode
                        (alias of ``"correlate1d"``; before convlab 0.2 it meant full
                        true convolution, which is now ``"convolve1d"``)
``"conv2d"``            the deep-learning layer: 2-D cross-correlation, valid mode
                        (alias of ``"correlate2d"``)
``"convolve1d"``        true 1-D convolution, full mode, like ``numpy.convolve``
                        (``"convolve"`` is an alias)
``"convolve2d"``        true 2-D convolution, valid mode
``"output_size"``       the output length of a layer, ``fn(n, k, stride, padding)``
``"weight_grad2d"``     the weight gradient of a one-channel layer ``y = conv2d(x, k)``:
                        ``fn(x, grad_y) -> dL/dk``, checked against finite differences of
                        the forward pass (:func:`convlab.gradients.weight_gradient_cases`)
======================  ==============================================================
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

__all__ = ["KINDS", "resolve_kind"]


from .exercises import Case as _Case


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
        ("[1..5] * [6..10]", [1, 2, 3, 4, 5], [6, 7, 8, 9, 10]),
        ("[1, 2, 3] * [4, 5, 6]", [1, 2, 3], [4, 5, 6]),
        ("asymmetric kernel (needs the flip)", [1, 2, 3], [0.0, 1.0, 0.5]),
        ("different lengths, kernel longer than input", [1, 2], [1, 1, 1, 1]),
        ("length-1 kernel", [3, 1, 4, 1, 5], [2]),
        ("both of length 1", [7], [3]),
        ("negative values", [-1, 2, -3, 4], [1, -1]),
        (
            "pattern matching: a bump against itself",
            [0, 0, 0, 1, 2, 3, 2, 1, 0, 0],
            [1, 2, 3, 2, 1],
        ),
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
            "3×3 of 1..9 with [[0, 1], [1, 0]]",
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


def _cases_weight_grad2d() -> list[_Case]:
    from ..gradients import weight_gradient_cases

    return [_Case(n, args, want) for n, args, want in weight_gradient_cases()]


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
        "1-D cross-correlation in 'valid' mode (no flip: the deep-learning layer, like "
        "convlab.conv1d), fn(x, h) -> y of length len(x) - len(h) + 1",
        _cases_1d_valid,
    ),
    "correlate2d": (
        "correlate2d",
        "2-D cross-correlation in 'valid' mode (no flip: what deep-learning layers call "
        "convolution, like convlab.conv2d), fn(x, h) -> y of shape "
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
    "weight_grad2d": (
        "weight_grad2d",
        "the weight gradient dL/dk of a one-channel layer y = conv2d(x, k) (valid "
        "cross-correlation), fn(x, grad_y) -> an array of shape (rows - grad_rows + 1, "
        "cols - grad_cols + 1), checked against finite differences of the forward pass",
        _cases_weight_grad2d,
    ),
}
_ALIASES = {
    "conv1d": "correlate1d",
    "conv2d": "correlate2d",
    "convolve": "convolve1d",
}

#: How each canonical kind calls the learner's function: the call as shown to the
#: learner, and the names of the trailing arguments that may also go by keyword
#: (``convlab.output_size(n, k, *, stride, padding)``).
_CALLS: dict[str, tuple[str, tuple[str, ...]]] = {
    "convolve1d": ("fn(x, h)", ()),
    "correlate1d": ("fn(x, h)", ()),
    "correlate2d": ("fn(x, h)", ()),
    "convolve2d": ("fn(x, h)", ()),
    "output_size": ("fn(n, k, stride, padding)", ("stride", "padding")),
    "weight_grad2d": ("fn(x, grad_y)", ()),
}


def _discover_exercises() -> None:
    """Add the kinds of :mod:`convlab.quiz.exercises` (one module per notebook)."""
    import importlib
    import pkgutil

    from . import exercises

    for info in sorted(pkgutil.iter_modules(exercises.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{exercises.__name__}.{info.name}")
        for name, kind in module.KINDS.items():
            if name in _SPECS or name in _ALIASES:
                raise RuntimeError(f"two modules define the grader kind {name!r}")
            _SPECS[name] = (name, kind.convention, kind.cases)
            _CALLS[name] = (kind.call, tuple(kind.keywords))


_discover_exercises()

#: Every accepted ``kind`` of :func:`check_implementation`.
KINDS = tuple(sorted([*_SPECS, *_ALIASES]))


def resolve_kind(kind: str) -> str:
    """The canonical kind for ``kind`` (aliases resolved).

    Parameters
    ----------
    kind : str
        One of :data:`KINDS`.

    Returns
    -------
    str
        The name the report shows.

    Raises
    ------
    ValueError
        If ``kind`` is unknown.

    Examples
    --------
    >>> resolve_kind("conv2d"), resolve_kind("conv1d"), resolve_kind("convolve")
    ('correlate2d', 'correlate1d', 'convolve1d')
    """
    if not isinstance(kind, str) or kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(map(repr, KINDS))}, got {kind!r}")
    return _ALIASES.get(kind, kind)
