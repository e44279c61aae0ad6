"""One kernel applied layer after layer, and what one output pixel sees (notebook 06).

:func:`stack_layers` gives the input and every feature map of a stack of valid-mode
convolutions; :func:`receptive_field` the side of the input square one output pixel of the
last layer depends on.  The layer-stack figure (:func:`convlab.plotting.plot_layer_stack`)
and its explorer draw them.
"""

from __future__ import annotations

import numpy as np

from ._validation import as_array
from .core import convolve

__all__ = ["receptive_field", "stack_layers"]


def stack_layers(image, kernel, layers, *, relu=False) -> list[np.ndarray]:
    """Convolve ``image`` with ``kernel`` ``layers`` times in valid mode.

    Parameters
    ----------
    image : (N1, N2) array_like
        The input.
    kernel : (M1, M2) array_like
        The kernel of every layer (true convolution, as ``scipy.signal.convolve2d``).
    layers : int
        How many layers, at least 0.
    relu : bool, optional
        Apply ``max(0, ·)`` after every layer.

    Returns
    -------
    list of ndarray
        ``[image, layer 1, ..., layer layers]``; each map is ``M - 1`` smaller per axis.

    Raises
    ------
    ValueError
        When the maps would shrink to nothing (the message says after how many layers).

    Examples
    --------
    >>> maps = stack_layers(np.arange(49).reshape(7, 7), [[0, 1, 0], [1, -4, 1], [0, 1, 0]], 2)
    >>> [m.shape for m in maps]
    [(7, 7), (5, 5), (3, 3)]
    >>> stack_layers(np.ones((4, 4)), np.ones((3, 3)), 2)
    Traceback (most recent call last):
    ...
    ValueError: layers: a 4×4 input shrinks to nothing after 2 valid layers of a 3×3 kernel ...
    """
    x = as_array(image, "image", ndim=(2,))
    k = as_array(kernel, "kernel", ndim=(2,))
    if isinstance(layers, bool) or not isinstance(layers, (int, np.integer)) or layers < 0:
        raise ValueError(f"layers must be an integer of at least 0, got {layers!r}")
    fits = min((n - 1) // (m - 1) if m > 1 else layers for n, m in zip(x.shape, k.shape))
    if layers > fits:
        raise ValueError(
            f"layers: a {x.shape[0]}×{x.shape[1]} input shrinks to nothing after {layers} "
            f"valid layers of a {k.shape[0]}×{k.shape[1]} kernel (at most {fits})"
        )
    maps = [x]
    for _ in range(layers):
        y = convolve(maps[-1], k, mode="valid")
        maps.append(np.maximum(y, 0) if relu else y)
    return maps


def receptive_field(layers: int, k: int) -> int:
    """Side of the input square one output pixel sees after ``layers`` valid ``k × k`` layers.

    >>> [receptive_field(layers, 3) for layers in range(5)]
    [1, 3, 5, 7, 9]
    """
    return 1 + layers * (k - 1)
