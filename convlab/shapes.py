"""A small generated image data set for training a CNN: edges and corners, made offline.

Every image is a dark-or-light background with one brightness step in it:

* ``"vertical edge"`` -- the left and right parts differ;
* ``"horizontal edge"`` -- the top and bottom parts differ;
* ``"diagonal edge"`` -- the step runs along a diagonal (either one);
* ``"corner"`` -- one quadrant differs from the rest (an L-shaped boundary).

Where the step sits, which side is brighter and by how much, the background
level and a little Gaussian noise are random, so a classifier cannot memorise
pixels: it has to detect the *orientation* of the edges, which is what the
first layer of a CNN learns to do.  The same ``seed`` always gives the same
images.
"""

from __future__ import annotations

import numpy as np

from ._validation import check_int, check_positive_float

__all__ = ["SHAPE_CLASSES", "make_shapes"]

#: The class names, in label order.
SHAPE_CLASSES = ("vertical edge", "horizontal edge", "diagonal edge", "corner")


def _mask(label, size, rng):
    """Where the brighter (or darker) side of the step is, as a boolean (size, size) array."""
    rows, cols = np.indices((size, size))
    margin = max(2, size // 4)
    cut = int(rng.integers(margin, size - margin + 1))
    if label == 0:
        mask = cols >= cut
    elif label == 1:
        mask = rows >= cut
    elif label == 2:
        shift = int(rng.integers(-(size // 4), size // 4 + 1))
        diagonal = rows - cols if rng.random() < 0.5 else rows + cols - (size - 1)
        mask = diagonal > shift
    else:
        other = int(rng.integers(margin, size - margin + 1))
        mask = (rows >= cut) & (cols >= other)
        if rng.random() < 0.5:
            mask = mask[::-1]
        if rng.random() < 0.5:
            mask = mask[:, ::-1]
    return mask


def make_shapes(n, *, size=12, noise=0.1, seed=0):
    """Generate ``n`` labelled images of edges and corners.

    Parameters
    ----------
    n : int
        Number of images, at least 1.  Labels cycle through the classes and are
        then shuffled, so the classes are balanced to within one image.
    size : int, optional
        Height and width in pixels, at least 6.
    noise : float, optional
        Standard deviation of the Gaussian noise added to every pixel (> 0).
    seed : int, optional
        Seed of the random generator: the same seed gives the same images.

    Returns
    -------
    images : (n, 1, size, size) ndarray of float64
        One channel each (the layout of :func:`convlab.channels.conv2d_layer`).
        The background is uniform in [-0.5, 0.5]; the step changes the
        brightness by 0.6 to 1.2, upwards or downwards.
    labels : (n,) ndarray of int64
        Indices into ``class_names``.
    class_names : tuple of str
        :data:`SHAPE_CLASSES`.

    Raises
    ------
    TypeError, ValueError
        For a non-integer ``n``, ``size`` or ``seed``, ``n`` below 1, ``size``
        below 6, or ``noise`` that is not a positive number.

    Examples
    --------
    >>> images, labels, names = make_shapes(8, seed=1)
    >>> images.shape, labels.shape
    ((8, 1, 12, 12), (8,))
    >>> np.bincount(labels).tolist()
    [2, 2, 2, 2]
    >>> bool((make_shapes(8, seed=1)[0] == images).all())
    True
    """
    n = check_int(n, "n", minimum=1)
    size = check_int(size, "size", minimum=6)
    noise = check_positive_float(noise, "noise")
    seed = check_int(seed, "seed", minimum=0)
    if n * size * size > 10**8:
        raise ValueError(f"n * size**2 must be at most 10**8 values, got n={n}, size={size}")
    rng = np.random.default_rng(seed)
    labels = rng.permutation(np.arange(n) % len(SHAPE_CLASSES))
    images = np.empty((n, 1, size, size))
    for i, label in enumerate(labels):
        background = rng.uniform(-0.5, 0.5)
        step = rng.uniform(0.6, 1.2) * rng.choice([-1.0, 1.0])
        images[i, 0] = background + step * _mask(int(label), size, rng)
    images += rng.normal(scale=noise, size=images.shape)
    return images, labels.astype(np.int64), SHAPE_CLASSES
