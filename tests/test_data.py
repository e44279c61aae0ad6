"""Offline signals and images."""

import subprocess
import sys

import numpy as np
import pytest

from convlab import chart_trend, noisy_chart, photo, random_image, sawtooth
from convlab.data import hi_image

HI_ROWS = [
    [255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255],
    [255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 238, 238],
    [255, 255, 255, 0, 255, 255, 0, 255, 255, 0, 255, 255, 255, 255, 221, 221],
    [255, 255, 255, 0, 255, 255, 0, 255, 255, 0, 255, 255, 255, 255, 204, 204],
    [255, 255, 255, 0, 255, 255, 0, 255, 255, 255, 255, 255, 255, 255, 187, 187],
    [255, 255, 255, 0, 255, 255, 0, 255, 255, 0, 255, 255, 255, 255, 170, 170],
    [255, 255, 255, 0, 0, 0, 0, 255, 255, 0, 255, 255, 255, 255, 153, 153],
    [255, 255, 255, 0, 255, 255, 0, 255, 255, 0, 255, 255, 255, 255, 136, 136],
    [255, 255, 255, 0, 255, 255, 0, 255, 255, 0, 255, 255, 255, 255, 119, 119],
    [255, 255, 255, 0, 255, 255, 0, 255, 255, 0, 255, 255, 255, 255, 102, 102],
    [255, 255, 255, 0, 255, 255, 0, 255, 255, 0, 255, 255, 255, 255, 85, 85],
    [255, 255, 255, 0, 255, 255, 0, 255, 255, 0, 255, 255, 255, 255, 68, 68],
    [255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 51, 51],
    [255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 34, 34],
    [255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 17, 17],
    [255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0, 0],
]


def test_sawtooth_is_the_tiled_ramp():
    np.testing.assert_array_equal(sawtooth(), np.tile(np.linspace(-1, 1, 50), 4))
    np.testing.assert_array_equal(sawtooth(100, 25), np.tile(np.linspace(-1, 1, 25), 4))


def test_hi_image_is_the_printed_16x16_array():
    img = hi_image()
    assert img.shape == (16, 16)
    assert img.tolist() == HI_ROWS
    img[0, 0] = 0
    assert hi_image()[0, 0] == 255  # a fresh copy each call


def test_random_image_is_seeded():
    a = random_image((20, 30), seed=7)
    assert a.shape == (20, 30)
    assert a.dtype == np.int64
    assert a.min() >= 0 and a.max() <= 255
    np.testing.assert_array_equal(a, random_image((20, 30), seed=7))
    assert not np.array_equal(a, random_image((20, 30), seed=8))
    assert random_image(5).shape == (5, 5)


def test_noisy_chart_is_seeded_and_noisy():
    y = noisy_chart(300, seed=1)
    np.testing.assert_array_equal(y, noisy_chart(300, seed=1))
    residual = y - chart_trend(300)
    assert 0.3 < residual.std() < 0.5
    assert not np.array_equal(y, noisy_chart(300, seed=2))


def test_photo_is_offline_grey_and_in_range():
    img = photo()
    assert img.shape == (600, 512)
    assert img.dtype == np.float64
    assert 0.0 <= img.min() < 0.2 and 0.8 < img.max() <= 1.0
    small = photo(downsample=2)
    assert small.shape == (300, 256)
    np.testing.assert_allclose(small[0, 0], img[:2, :2].mean())
    img[0, 0] = -1
    assert photo()[0, 0] >= 0  # a fresh copy each call


def test_importing_data_does_not_import_matplotlib():
    code = "import sys, convlab.data, convlab.kernels; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- test signals of the frequency explorer ------------------------------------------------


def test_chirp_is_scipys_linear_chirp():
    from scipy.signal import chirp as scipy_chirp

    from convlab import chirp

    t = np.arange(512)
    np.testing.assert_allclose(chirp(), scipy_chirp(t, 0.0, 511, 0.5, method="linear"),
                               atol=1e-9)
    np.testing.assert_allclose(chirp(100, 0.1, 0.3), scipy_chirp(np.arange(100), 0.1, 99, 0.3),
                               atol=1e-9)


def test_chirp_frequency_rises_in_a_straight_line():
    """The phase's slope (instantaneous frequency) is f0 + (f1 - f0) t / (n - 1)."""
    from convlab import chirp

    n, f0, f1 = 400, 0.05, 0.45
    t = np.arange(n)
    phase = 2 * np.pi * (f0 * t + (f1 - f0) * t**2 / (2 * (n - 1)))
    np.testing.assert_allclose(chirp(n, f0, f1), np.cos(phase), atol=1e-12)
    slope = np.diff(phase) / (2 * np.pi)
    np.testing.assert_allclose(slope[[0, -1]], [f0 + (f1 - f0) * 0.5 / (n - 1),
                                                f1 - (f1 - f0) * 0.5 / (n - 1)])
    # a falling sweep works too, and ends at cos(2π (f0 + f1)(n - 1) / 2)
    x = chirp(11, 0.5, 0.0)
    assert x[-1] == pytest.approx(np.cos(2 * np.pi * 0.25 * 10))


def test_sum_of_sines_closed_form():
    import math

    from convlab import sum_of_sines

    x = sum_of_sines()
    assert x.shape == (512,)
    for t in (0, 1, 7, 100, 511):
        expected = sum(math.sin(2 * math.pi * f * t) for f in (0.02, 0.1, 0.3))
        assert x[t] == pytest.approx(expected, abs=1e-12)
    y = sum_of_sines(64, freqs=[1 / 16, 0.5], amplitudes=[3, 2])
    for t in range(64):
        assert y[t] == pytest.approx(3 * math.sin(math.pi * t / 8) + 2 * math.sin(math.pi * t),
                                     abs=1e-12)


def test_sum_of_sines_puts_its_energy_at_its_frequencies():
    from convlab import sum_of_sines

    n = 400  # 0.025 · 400 = 10 and 0.1 · 400 = 40 cycles: exact DFT bins
    spectrum = np.abs(np.fft.rfft(sum_of_sines(n, freqs=[0.025, 0.1], amplitudes=[1, 0.5])))
    assert set(np.flatnonzero(spectrum > 1)) == {10, 40}
    np.testing.assert_allclose(spectrum[[10, 40]], [n / 2, n / 4])


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: __import__("convlab").chirp(1), ValueError, "n must be at least 2"),
        (lambda: __import__("convlab").chirp(8.0), TypeError, "n must be an integer"),
        (lambda: __import__("convlab").chirp(8, f0=-0.1), ValueError, "f0 must be between 0"),
        (lambda: __import__("convlab").chirp(8, f1=0.7), ValueError, "f1 must be between 0"),
        (lambda: __import__("convlab").chirp(8, f1="x"), TypeError, "f1 must be a number"),
        (lambda: __import__("convlab").chirp(8, f1=np.nan), ValueError, "f1 must be between"),
        (lambda: __import__("convlab").sum_of_sines(8, freqs=[]), ValueError,
         "freqs must hold at least one"),
        (lambda: __import__("convlab").sum_of_sines(8, freqs=0.1), TypeError,
         "freqs must be a sequence"),
        (lambda: __import__("convlab").sum_of_sines(8, freqs=[0.6]), ValueError,
         "freqs must be between 0 and 0.5"),
        (lambda: __import__("convlab").sum_of_sines(8, freqs=[0.1], amplitudes=[1, 2]),
         ValueError, "amplitudes must have one value per frequency"),
        (lambda: __import__("convlab").sum_of_sines(8, freqs=[0.1], amplitudes=[np.inf]),
         ValueError, "amplitudes must be finite"),
        (lambda: __import__("convlab").sum_of_sines(8, freqs=[0.1], amplitudes=["a"]),
         TypeError, "amplitudes must hold real numbers"),
        (lambda: __import__("convlab").sum_of_sines(0), ValueError, "n must be at least 2"),
    ],
)
def test_test_signals_refuse_bad_input_by_name(call, error, match):
    with pytest.raises(error, match=match):
        call()
