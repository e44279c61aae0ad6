"""ChannelExplorer driven headless (Agg): partial maps, the sum plus bias, blitting, bad input."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.signal

from convlab.data import photo
from convlab.widgets import ChannelExplorer
from convlab.widgets.channels import colour_filters

from .support import assert_looks_like_a_full_redraw, blit_steps, record_redraws

# d2l's two-channel example ("Multiple Input and Multiple Output Channels"), typed in.
X = np.array([[[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[1, 2, 3], [4, 5, 6], [7, 8, 9]]])
K = np.array([[[0, 1], [2, 3]], [[1, 2], [3, 4]]])


def reference(x, k, b):
    """One output channel with scipy: each channel correlated with its slice, summed, + b."""
    return sum(scipy.signal.correlate2d(x[c], k[c], mode="valid") for c in range(len(x))) + b


def test_the_published_two_channel_example():
    explorer = ChannelExplorer(X, K[None], bias=[0.0], names=["d2l"])
    np.testing.assert_array_equal(explorer.output, [[56, 72], [104, 120]])
    partials = explorer.artists.partials
    np.testing.assert_array_equal(partials[0], [[19, 25], [37, 43]])  # by hand: 0+1+6+12 = 19
    np.testing.assert_array_equal(partials[1], [[37, 47], [67, 77]])
    assert "19.000 + 37.000 + bias 0.000 = 56.000" in explorer.message.value


def test_bias_is_added_once_per_output_pixel():
    explorer = ChannelExplorer(X, K[None], bias=[1.5], names=["d2l"])
    np.testing.assert_array_equal(explorer.output, np.array([[56, 72], [104, 120]]) + 1.5)


@pytest.mark.parametrize("name", colour_filters()[0])
def test_every_default_filter_matches_scipy_on_the_photo(name):
    names, w, b = colour_filters()
    explorer = ChannelExplorer(filter=name)
    o = names.index(name)
    x = photo(downsample=8, colour=True)
    np.testing.assert_allclose(explorer.output, reference(x, w[o], b[o]), atol=1e-12)
    np.testing.assert_allclose(explorer.layer[o], reference(x, w[o], b[o]), atol=1e-12)


def test_colour_photo_is_the_grey_photo_in_three_channels():
    rgb, grey = photo(downsample=8, colour=True), photo(downsample=8)
    assert rgb.shape == (3, *grey.shape)
    np.testing.assert_allclose(np.tensordot([0.299, 0.587, 0.114], rgb, axes=1), grey)


def test_step_moves_the_windows_and_the_marks():
    explorer = ChannelExplorer()
    cols = explorer.output.shape[1]  # 62
    explorer.update(step=3 * cols + 7)
    for window in explorer.artists.windows:
        assert window.get_xy() == (6.5, 2.5) and window.get_width() == 3
    for mark in explorer.artists.marks:
        assert list(mark.get_xdata()) == [7] and list(mark.get_ydata()) == [3]
    assert "output (3, 7)" in explorer.message.value


def test_a_blitted_step_looks_exactly_like_a_full_redraw():
    moved = blit_steps(ChannelExplorer(), [{"step": s} for s in (5, 100, 400)])
    fresh = ChannelExplorer()
    fresh.update(step=400)
    assert_looks_like_a_full_redraw(moved, fresh)


def test_steps_blit_and_a_new_filter_redraws(monkeypatch):
    explorer = ChannelExplorer()
    calls = record_redraws(explorer, monkeypatch)
    explorer.update(step=9)
    explorer.update(filter="blur")
    assert calls == ["blit", "draw"]


def test_display_bundle():
    bundle = ChannelExplorer()._repr_mimebundle_()
    data = bundle if "text/plain" in bundle else bundle[0]
    assert data["image/png"].startswith(b"\x89PNG")
    assert "0x" not in data["text/plain"]


def test_figure_fits_880_pixels():
    fig = ChannelExplorer().figure
    assert fig.get_size_inches()[0] * fig.dpi <= 880


def test_bad_values_are_refused_by_name():
    explorer = ChannelExplorer()
    with pytest.raises(ValueError, match="filter must be one of"):
        explorer.update(filter="no such filter")
    with pytest.raises(ValueError, match="step must be between"):
        explorer.update(step=10**6)
    assert explorer.error is None


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"x": np.ones((2, 5, 5))}, "C_in = 2"),
        ({"x": np.ones((5, 5))}, "x must"),
        ({"weights": np.ones((2, 3, 3, 3)), "bias": [1.0]}, "bias must have 2"),
        ({"weights": np.ones((2, 3, 3, 3)), "names": ["a"]}, "names must have 2"),
        ({"filter": "nope"}, "filter must be one of"),
        ({"step": -1}, "step must be an integer"),
    ],
)
def test_bad_arguments(kwargs, match):
    with pytest.raises((TypeError, ValueError), match=match):
        ChannelExplorer(**kwargs)
