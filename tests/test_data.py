"""Offline signals and images."""

import subprocess
import sys

import numpy as np

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
