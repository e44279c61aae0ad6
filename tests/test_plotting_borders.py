"""plot_border_modes: one titled panel per mode, one shared grey scale, within the width
budget, and clear errors for bad input."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

from convlab.plotting import plot_border_modes

matplotlib.use("Agg")

MODES = ["zeros", "reflect", "replicate", "circular"]


@pytest.fixture
def results():
    rng = np.random.default_rng(0)
    return {m: rng.random((20, 17)) + i for i, m in enumerate(MODES)}


def test_one_panel_per_mode_in_order(results):
    art = plot_border_modes(results, ring=3)
    assert [ax.get_title() for ax in art.axes] == MODES
    assert len(art.images) == len(art.rings) == 4
    for img, arr in zip(art.images, results.values()):
        np.testing.assert_array_equal(img.get_array(), arr)
    low = min(a.min() for a in results.values())
    high = max(a.max() for a in results.values())
    assert all(img.get_clim() == pytest.approx((low, high)) for img in art.images)
    ring = art.rings[0]
    assert (ring.get_width(), ring.get_height()) == (17 - 6, 20 - 6)
    assert art.axes[0].get_xlabel() == "column" and art.axes[0].get_ylabel() == "row"


def test_fits_the_column(results):
    art = plot_border_modes(results)
    width = art.figure.get_size_inches()[0] * art.figure.dpi
    assert width <= 860 and art.rings == []
    wide = plot_border_modes(results, figsize=(14, 3))
    assert wide.figure.get_size_inches()[0] * wide.figure.dpi <= 860


def test_shared_scale_can_be_given(results):
    art = plot_border_modes(results, clim=(0, 1))
    assert all(img.get_clim() == (0, 1) for img in art.images)


@pytest.mark.parametrize(
    ("results", "ring", "words"),
    [
        ({}, 0, "non-empty dict"),
        ([np.ones((3, 3))], 0, "non-empty dict"),
        ({"a": np.ones((3, 3)), "b": np.ones((4, 3))}, 0, "one shape"),
        ({"a": np.ones(3)}, 0, "2-D images"),
        ({"a": np.ones((3, 3))}, -1, "ring must be"),
        ({"a": np.ones((3, 3))}, 1.5, "ring must be"),
    ],
)
def test_bad_input(results, ring, words):
    with pytest.raises(ValueError, match=words):
        plot_border_modes(results, ring=ring)
