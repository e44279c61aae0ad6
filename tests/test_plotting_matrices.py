"""plot_conv_matrix: every entry written in its cell, zeros pale, titled, labelled, and
within the width budget; bad input is a clear error."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_rgba

from convlab.plotting import plot_conv_matrices, plot_conv_matrix
from convlab.plotting._style import WIDTH_PX
from convlab.plotting.matrices import ZERO_TEXT


def band(n, k, stride=1):
    """The matrix of valid cross-correlation, built row by row by hand."""
    rows = (n - len(k)) // stride + 1
    c = np.zeros((rows, n), dtype=int)
    for i in range(rows):
        c[i, i * stride:i * stride + len(k)] = k
    return c


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def width_px(fig):
    return fig.get_size_inches()[0] * fig.dpi


def test_every_entry_is_written_and_zeros_are_pale():
    c = band(6, [1, 2, 3])
    art = plot_conv_matrix(c)
    assert art.texts.shape == c.shape
    assert [[t.get_text() for t in row] for row in art.texts] == c.astype(str).tolist()
    for (i, j), value in np.ndenumerate(c):
        colour = art.texts[i, j].get_color()
        assert (colour == ZERO_TEXT) == (value == 0), (i, j)
    # the zero cells show the white background: the drawn pixels there are white
    art.figure.canvas.draw()
    rgba = art.image.to_rgba(art.image.get_array())
    assert np.allclose(rgba[c == 0], to_rgba("white"))
    assert not np.any(np.all(np.isclose(rgba[c != 0], to_rgba("white")), axis=-1))


def test_titles_labels_and_default_title():
    art = plot_conv_matrix(band(6, [1, 2, 3], stride=2))
    assert art.ax.get_title() == "C, 2 × 6"
    assert art.ax.get_xlabel() == "input index j" and art.ax.get_ylabel() == "output index i"
    art = plot_conv_matrix(band(5, [1, 1]).T, title="transpose", xlabel="a", ylabel="b")
    assert (art.ax.get_title(), art.ax.get_xlabel(), art.ax.get_ylabel()) == (
        "transpose", "a", "b")


def test_draws_on_a_given_axes():
    fig, ax = plt.subplots()
    art = plot_conv_matrix(band(4, [1, 2, 3]), ax)
    assert art.ax is ax and art.figure is fig and len(ax.texts) == 8


@pytest.mark.parametrize("shape", [(4, 6), (2, 6), (6, 2), (4, 16), (30, 36)])
def test_fits_a_notebook_column(shape):
    art = plot_conv_matrix(np.ones(shape, dtype=int))
    assert width_px(art.figure) <= WIDTH_PX
    arts = plot_conv_matrices({"a": np.ones(shape), "b": np.ones(shape[::-1])})
    assert width_px(arts[0].figure) <= WIDTH_PX


def test_side_by_side_panels():
    c = band(6, [1, 2, 3], stride=2)
    arts = plot_conv_matrices({"C": c, "C transposed": c.T},
                              labels={"C transposed": ("y index", "output index")})
    assert [a.ax.get_title() for a in arts] == ["C", "C transposed"]
    assert arts[0].figure is arts[1].figure
    assert arts[1].ax.get_xlabel() == "y index"
    assert [[t.get_text() for t in row] for row in arts[1].texts] == c.T.astype(str).tolist()


def test_signed_and_float_entries():
    c = np.array([[0.5, -0.25, 0.0], [0.0, 0.5, -0.25]])
    art = plot_conv_matrix(c)
    assert [t.get_text() for t in art.texts[0]] == ["0.5", "-0.25", "0"]
    low, high = art.image.get_clim()
    assert low == -high  # a map centred on zero for signed entries


def test_large_matrices_are_drawn_without_numbers():
    art = plot_conv_matrix(np.eye(40))
    assert art.texts is None and width_px(art.figure) <= WIDTH_PX


def test_a_sparse_matrix_is_drawn_densely():
    from scipy.sparse import csr_array

    c = band(5, [1, 2])
    art = plot_conv_matrix(csr_array(c))
    assert [[t.get_text() for t in row] for row in art.texts] == c.astype(str).tolist()


@pytest.mark.parametrize(("bad", "error", "words"), [
    (np.arange(3), ValueError, "2-D"),
    (np.zeros((0, 3)), ValueError, "non-empty"),
    (np.array([[1, np.nan]]), ValueError, "finite"),
    (np.array([["a", "b"]]), TypeError, "real numbers"),
    (np.array([[True, False]]), TypeError, "real numbers"),
    (np.array([[1j, 0]]), TypeError, "real numbers"),
    ([[1, 2], [3]], TypeError, "C must be"),
])
def test_bad_input_is_a_clear_error(bad, error, words):
    with pytest.raises(error, match=words):
        plot_conv_matrix(bad)


def test_bad_panels():
    with pytest.raises(ValueError, match="non-empty dict"):
        plot_conv_matrices({})
    with pytest.raises(ValueError, match="2-D"):
        plot_conv_matrices({"a": np.arange(3)})
