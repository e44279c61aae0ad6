"""The frequency explorer, driven through its controls; what it draws is checked against
closed forms, ``scipy.signal.chirp`` and ``numpy.convolve`` computed here, not by convlab."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from scipy.signal import chirp as scipy_chirp

from convlab.widgets import FrequencyExplorer

N = 512
T = np.arange(N)
SINES = (0.02, 0.1, 0.3)
CHIRP = scipy_chirp(T, 0.0, N - 1, 0.5, method="linear")
SUM = sum(np.sin(2 * np.pi * f * T) for f in SINES)


def _stems(line):
    """(positions, heights) of a stem plot drawn as one polyline (base, top, gap)."""
    xs, ys = np.asarray(line.get_xdata(), float), np.asarray(line.get_ydata(), float)
    return xs[1::3], ys[1::3]


def _gaussian(size, sigma):
    t = np.arange(size) - size // 2
    g = np.array([math.exp(-(v * v) / (2 * sigma * sigma)) for v in t])
    return g / g.sum()


def _zero_phase_gain(h, f):
    """H(f) of a symmetric odd kernel about its centre: real, Σ h[k] cos(2πf(k − c))."""
    c = (len(h) - 1) / 2
    k = np.arange(len(h))
    return np.array([sum(h * np.cos(2 * np.pi * fi * (k - c))) for fi in np.atleast_1d(f)])


def test_the_notebook_cell_draws_a_box_of_9_on_the_chirp():
    explorer = FrequencyExplorer()  # notebook 08's cell, exactly
    art = explorer.artists
    assert explorer.error is None
    taps_at, taps = _stems(art.taps)
    assert taps_at.tolist() == list(range(-4, 5))
    np.testing.assert_allclose(taps, 1 / 9)
    # the gain curve: the Dirichlet kernel |sin(9πf) / (9 sin(πf))|
    f, gain = (np.asarray(v, float) for v in art.response.line.get_data())
    assert f[0] == 0 and f[-1] == 0.5 and len(f) >= 257
    with np.errstate(invalid="ignore", divide="ignore"):
        expected = np.abs(np.sin(9 * np.pi * f) / (9 * np.sin(np.pi * f)))
    expected[0] = 1
    np.testing.assert_allclose(gain, expected, atol=1e-12)
    # before: the chirp; after: numpy's 'same' convolution with the box
    np.testing.assert_allclose(art.before.get_ydata(), CHIRP, atol=1e-9)
    np.testing.assert_allclose(art.after.get_ydata(),
                               np.convolve(CHIRP, np.full(9, 1 / 9), mode="same"), atol=1e-9)
    assert explorer.filtered.shape == (N,)


def test_the_envelope_is_the_gain_at_the_chirps_frequency():
    explorer = FrequencyExplorer()
    xs, ys = (np.asarray(v, float) for v in explorer.artists.envelope.get_data())
    upper = ys[:N]
    assert xs[:N].tolist() == T.tolist() and np.isnan(ys[N])
    sweep = 0.5 * T / (N - 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        expected = np.abs(np.sin(9 * np.pi * sweep) / (9 * np.sin(np.pi * sweep)))
    expected[0] = 1
    np.testing.assert_allclose(upper, expected, atol=1e-12)
    np.testing.assert_allclose(ys[N + 1:], -expected, atol=1e-12)


def test_a_filtered_chirp_follows_the_gain_at_its_frequency():
    """Physics, not bookkeeping: the output's envelope (|analytic signal|, from scipy's
    Hilbert transform) is the gain at the chirp's frequency there, f = 0.5 n / 511."""
    from scipy.signal import hilbert

    explorer = FrequencyExplorer(kernel="gaussian", size=13, sigma=2.0)
    y = np.asarray(explorer.artists.after.get_ydata(), float)
    h = _gaussian(13, 2.0)
    envelope = np.abs(hilbert(y))
    inside = T[100:300]  # away from the ends and the slow start, where Hilbert is rough
    gain = np.abs(_zero_phase_gain(h, 0.5 * inside / (N - 1)))
    np.testing.assert_allclose(envelope[inside], gain, atol=0.03)
    assert gain[0] > 10 * gain[-1]  # and it does fall a long way: a low-pass filter


def test_the_gaussian_slider_values_redraw_taps_gain_and_output():
    explorer = FrequencyExplorer()
    explorer.controls["kernel"].value = "gaussian"  # as the browser sets it
    explorer.controls["size"].value = 21
    explorer.controls["sigma"].value = 3.0
    art = explorer.artists
    h = _gaussian(21, 3.0)
    np.testing.assert_allclose(_stems(art.taps)[1], h, atol=1e-12)
    f, gain = (np.asarray(v, float) for v in art.response.line.get_data())
    # sampled and normalised: its transform is the aliased Gaussian; |H| = |zero-phase H|
    np.testing.assert_allclose(gain, np.abs(_zero_phase_gain(h, f)), atol=1e-12)
    # ≈ exp(-2π²σ²f²), the Gaussian's own transform, while the bell fits its 21 taps
    np.testing.assert_allclose(gain, np.exp(-2 * np.pi**2 * 9 * f**2), atol=2e-3)
    np.testing.assert_allclose(art.after.get_ydata(), np.convolve(CHIRP, h, mode="same"),
                               atol=1e-9)
    assert art.kernel_ax.get_title() == "Gaussian: 21 taps, σ = 3.0"
    assert not explorer.controls["sigma"].disabled and explorer.controls["taps"].disabled


def test_your_own_taps_on_the_sum_of_sines():
    explorer = FrequencyExplorer()
    explorer.update(kernel="own", taps="1, -2, 1", signal="sines")
    art = explorer.artists
    assert explorer.error is None
    np.testing.assert_array_equal(explorer.kernel, [1.0, -2.0, 1.0])
    f, gain = (np.asarray(v, float) for v in art.response.line.get_data())
    np.testing.assert_allclose(gain, 4 * np.sin(np.pi * f) ** 2, atol=1e-12)  # |2 − 2cos 2πf|
    np.testing.assert_allclose(art.before.get_ydata(), SUM, atol=1e-12)
    y = np.asarray(art.after.get_ydata(), float)
    np.testing.assert_allclose(y, np.convolve(SUM, [1, -2, 1], mode="same"), atol=1e-12)
    # away from the ends each sine comes out scaled by H(f) = 2cos(2πf) − 2 (no shift)
    inside = T[1:-1]
    steady = sum((2 * np.cos(2 * np.pi * f0) - 2) * np.sin(2 * np.pi * f0 * inside)
                 for f0 in SINES)
    np.testing.assert_allclose(y[1:-1], steady, atol=1e-12)
    # the stems mark the three frequencies, as tall as the gain there
    at, tops = _stems(art.response.marks)
    np.testing.assert_allclose(at, SINES)
    np.testing.assert_allclose(tops, [4 * math.sin(math.pi * f0) ** 2 for f0 in SINES])
    assert not np.asarray(art.envelope.get_xdata()).size  # no chirp, no envelope
    assert "the sines keep " in explorer.message.value
    for f0 in SINES:
        assert f"{4 * math.sin(math.pi * f0) ** 2:.3g} at {f0:g}" in explorer.message.value
    assert explorer.controls["size"].disabled and explorer.controls["sigma"].disabled


def test_a_box_on_the_sum_of_sines_marks_the_gain_of_each_sine():
    """A box of 5 on the sines: each marked stem is the Dirichlet gain at its frequency."""
    explorer = FrequencyExplorer(kernel="box", size=5, signal="sines")
    _, tops = _stems(explorer.artists.response.marks)
    expected = [abs(math.sin(5 * math.pi * f) / (5 * math.sin(math.pi * f))) for f in SINES]
    np.testing.assert_allclose(tops, expected, atol=1e-12)
    np.testing.assert_allclose(explorer.artists.after.get_ydata(),
                               np.convolve(SUM, np.full(5, 0.2), mode="same"), atol=1e-12)


def test_the_status_line_reads_the_gains_at_0_and_half():
    explorer = FrequencyExplorer(kernel="own", taps="1/4 1/2 1/4")
    # H(0) = 1, H(0.5) = 1/4 − 1/2 + 1/4 = 0
    assert explorer.message.value == "3 taps summing to 1: gain 1 at f = 0, 0 at f = 0.5"


def test_one_tap_is_one_tap():
    explorer = FrequencyExplorer(kernel="own", taps="2")
    assert explorer.message.value == "1 tap summing to 2: gain 2 at f = 0, 2 at f = 0.5"
    assert explorer.artists.kernel_ax.get_title() == "Your kernel: 1 tap"
    np.testing.assert_allclose(explorer.artists.after.get_ydata(), 2 * CHIRP, atol=1e-9)


def test_the_gain_axis_holds_a_kernel_with_gain_above_one():
    explorer = FrequencyExplorer(kernel="own", taps="-1 4 -1")
    top = explorer.artists.response_ax.get_ylim()[1]
    assert top >= 6  # the gain peaks at f = 0.5: |−1·1 + 4·(−1) − 1·1| = 6
    low, high = explorer.artists.signal_ax.get_ylim()
    y = np.asarray(explorer.artists.after.get_ydata(), float)
    assert low <= y.min() and y.max() <= high


@pytest.mark.parametrize(
    ("taps", "words"),
    [
        ("1 two 1", "couldn't read 'two'"),
        ("", "Type the values first"),
        ("1 2; 3 4", "type one row of numbers"),
        (" ".join(["1"] * 32), "32 taps; at most 31"),
        ("__import__('os').system('true')", "your kernel"),
        ("[1, 2", "bracket is not closed"),
    ],
)
def test_a_bad_entry_is_a_message_and_the_figure_stays(taps, words):
    explorer = FrequencyExplorer(kernel="own", taps="1 2 1")
    before = np.asarray(explorer.artists.after.get_ydata(), float).copy()
    explorer.update(taps=taps)
    assert explorer.error and words in explorer.error
    assert "Cannot draw this" in explorer.message.value
    assert explorer.errors.outputs == ()
    np.testing.assert_array_equal(explorer.artists.after.get_ydata(), before)
    np.testing.assert_array_equal(explorer.kernel, [1, 2, 1])
    explorer.update(taps="1 1")  # and it recovers
    assert explorer.error is None
    np.testing.assert_allclose(explorer.artists.after.get_ydata(),
                               np.convolve(CHIRP, [1, 1], mode="same"), atol=1e-9)


def test_typed_taps_are_ignored_while_a_box_is_chosen():
    explorer = FrequencyExplorer(kernel="box", size=3, taps="nonsense")
    assert explorer.error is None
    np.testing.assert_allclose(explorer.kernel, [1 / 3] * 3)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"kernel": "sinc"}, ValueError, "kernel must be one of"),
        ({"size": 4}, ValueError, "size must be an odd integer from 1 to 31"),
        ({"size": 33}, ValueError, "size must be an odd integer"),
        ({"size": 3.0}, TypeError, "size must be an odd integer"),
        ({"sigma": 0.0}, ValueError, "sigma must be between 0.3 and 6"),
        ({"sigma": "2"}, TypeError, "sigma must be a number"),
        ({"taps": [1, 2, 1]}, TypeError, "taps must be text"),
        ({"signal": "noise"}, ValueError, "signal must be one of"),
        ({"kernel": "own", "taps": "1 two"}, ValueError, "^taps: your kernel: .*'two'"),
        ({"kernel": "own", "taps": "1 2; 3 4"}, ValueError, "^taps: your kernel: type one row"),
    ],
)
def test_bad_arguments_are_refused_by_name(kwargs, error, match):
    with pytest.raises(error, match=match):
        FrequencyExplorer(**kwargs)


def test_controls_are_laid_out_in_the_widget():
    explorer = FrequencyExplorer()
    box = explorer.widget
    controls = box.children[1]
    shown = [w for column in controls.children for w in column.children]
    assert set(shown) == set(explorer.controls.values())
