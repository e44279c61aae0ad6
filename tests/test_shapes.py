"""The generated edges-and-corners data set: seeded, balanced, and each class what it says."""

import numpy as np
import pytest

from convlab.shapes import SHAPE_CLASSES, make_shapes


def test_same_seed_same_images_other_seed_other_images():
    a, la, _ = make_shapes(40, seed=3)
    b, lb, _ = make_shapes(40, seed=3)
    c, _, _ = make_shapes(40, seed=4)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(la, lb)
    assert not np.allclose(a, c)


def test_shapes_dtypes_and_balance():
    images, labels, names = make_shapes(41, size=16, seed=0)
    assert images.shape == (41, 1, 16, 16) and images.dtype == np.float64
    assert labels.dtype == np.int64 and names == SHAPE_CLASSES
    counts = np.bincount(labels, minlength=len(names))
    assert counts.max() - counts.min() <= 1


def test_each_class_has_its_edge_orientation():
    """Without noise, the brightness changes only across the edge the class names."""
    images, labels, names = make_shapes(200, noise=1e-12, seed=5)
    for image, label in zip(images[:, 0], labels):
        dx = np.abs(np.diff(image, axis=1)) > 0.3  # a step between horizontal neighbours
        dy = np.abs(np.diff(image, axis=0)) > 0.3
        name = names[label]
        if name == "vertical edge":
            assert dx.sum() == image.shape[0] and not dy.any()
        elif name == "horizontal edge":
            assert dy.sum() == image.shape[1] and not dx.any()
        elif name == "diagonal edge":
            assert dx.any() and dy.any()
            assert dx.sum() == dy.sum()  # a staircase: one step right per step down
        else:
            assert dx.any() and dy.any()
            assert dx.sum() < image.shape[0] and dy.sum() < image.shape[1]


def test_the_step_is_visible_above_the_noise():
    images, _, _ = make_shapes(100, seed=1)
    spread = images.reshape(100, -1).max(axis=1) - images.reshape(100, -1).min(axis=1)
    assert spread.min() > 0.6


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"n": 0}, ValueError, "n must be at least 1"),
        ({"n": 2.5}, TypeError, "n must be an integer"),
        ({"n": 4, "size": 3}, ValueError, "size must be at least 6"),
        ({"n": 4, "noise": -1}, ValueError, "noise"),
        ({"n": 4, "seed": "a"}, TypeError, "seed"),
        ({"n": 10**7, "size": 100}, ValueError, "at most 10**8"),
    ],
)
def test_bad_arguments_get_a_clear_error(kwargs, error, words):
    with pytest.raises(error) as info:
        make_shapes(**kwargs)
    assert words in str(info.value)
