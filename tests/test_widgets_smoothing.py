"""SmoothingExplorer driven headless (Agg): sliders, artists' data, bad input, saving SVG."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.ndimage
import scipy.signal

import convlab
from convlab.widgets.smoothing import SmoothingExplorer

from .support import assert_looks_like_a_full_redraw, blit_steps, record_redraws

SAW = np.tile(np.linspace(-1, 1, 50), 4)  # seed 004, typed in independently of convlab


def gaussian(size, sigma):
    """Seed 004's gaussian_kernel, written out again here."""
    t = np.linspace(-(size // 2), size // 2, size)
    g = np.exp(-(t**2) / (2 * sigma**2))
    return g / g.sum()


def kernel_stems(explorer):
    xs, ys = explorer.artists.kernel.get_data()
    return np.asarray(xs)[1::3], np.asarray(ys)[1::3]


@pytest.fixture
def explorer():
    return SmoothingExplorer(convlab.sawtooth())


def test_seed_defaults(explorer):
    assert explorer.controls["step"].max == 200 - 21 + 1 - 1
    assert explorer.controls["size"].value == 21 and explorer.controls["sigma"].value == 3.0
    np.testing.assert_allclose(explorer.kernel, gaussian(21, 3.0))
    assert explorer.kernel.sum() == pytest.approx(1.0)
    expected = np.convolve(SAW, gaussian(21, 3.0), mode="valid")
    assert len(expected) == 180
    np.testing.assert_allclose(explorer.result, expected)
    assert "180 outputs" in explorer.message.value


@pytest.mark.parametrize("step", [0, 1, 37, 179])
def test_step_moves_window_kernel_and_partial_result(explorer, step):
    explorer.update(step=step)
    art = explorer.artists
    assert art.window.get_x() + 0.5 == step and art.window.get_width() == 21
    taps, weights = kernel_stems(explorer)
    assert taps.tolist() == list(range(step, step + 21))
    np.testing.assert_allclose(weights, gaussian(21, 3.0))
    xs, ys = art.result.get_data()
    expected = scipy.signal.convolve(SAW, gaussian(21, 3.0), mode="valid")
    assert len(ys) == step + 1
    np.testing.assert_allclose(ys, expected[: step + 1])
    assert np.asarray(xs).tolist() == [i + 10 for i in range(step + 1)]  # under window centres
    assert art.current.get_xdata().tolist() == [step + 10]
    assert f"= {expected[step]:.3f}" in explorer.message.value


def test_smoothed_value_is_a_weighted_average_of_the_window(explorer):
    explorer.update(step=60)
    window = SAW[60:81]
    assert explorer.artists.current.get_ydata()[0] == pytest.approx(window @ gaussian(21, 3.0))


@pytest.mark.parametrize(("size", "sigma"), [(3, 0.1), (9, 1.5), (51, 10.0), (35, 4.2)])
def test_size_and_sigma_rebuild_kernel_and_output(explorer, size, sigma):
    explorer.update(size=size, sigma=sigma)
    assert explorer.error is None
    np.testing.assert_allclose(explorer.kernel, gaussian(size, sigma))
    assert explorer.controls["step"].max == 200 - size
    explorer.update(step=200 - size)
    ys = explorer.artists.result.get_ydata()
    np.testing.assert_allclose(ys, np.convolve(SAW, gaussian(size, sigma), "valid"))
    assert len(ys) == 200 - size + 1
    assert explorer.artists.window.get_width() == size


def test_away_from_the_edges_valid_matches_scipy_gaussian_filter(explorer):
    explorer.update(size=31, sigma=3.0)
    # scipy's gaussian_filter1d with truncate = 15 / 3 uses the same 31 taps
    ref = scipy.ndimage.gaussian_filter1d(SAW, 3.0, truncate=5.0, mode="constant")
    np.testing.assert_allclose(explorer.result, ref[15:-15], atol=1e-12)


def test_bigger_kernel_clamps_the_step(explorer):
    explorer.update(step=179)
    explorer.update(size=51)
    assert explorer.controls["step"].value == 149 == explorer.controls["step"].max
    assert explorer._stepper.play.max == 149
    assert explorer.artists.step == 149


def test_larger_sigma_flattens_the_teeth(explorer):
    spans = []
    for sigma in (1.0, 3.0, 8.0):
        explorer.update(size=51, sigma=sigma)
        spans.append(np.ptp(explorer.result))
    assert spans[0] > spans[1] > spans[2]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"size": 4}, "kernel size must be odd"),
        ({"size": 50}, "got 50 (try 49 or 51)"),
    ],
)
def test_impossible_values_show_a_message_and_keep_the_figure(explorer, values, message):
    explorer.update(step=5)
    before = np.asarray(explorer.artists.result.get_ydata()).copy()
    explorer.update(**values)
    assert message in explorer.error
    assert "Cannot draw" in explorer.message.value
    np.testing.assert_array_equal(explorer.artists.result.get_ydata(), before)
    explorer.update(size=21)
    assert explorer.error is None


def test_out_of_range_sliders_are_refused(explorer):
    with pytest.raises(ValueError, match=r"sigma must be between 0\.1 and 10"):
        explorer.update(sigma=0)
    with pytest.raises(ValueError, match="size must be between 3 and 51"):
        explorer.update(size=53)


def test_kernel_longer_than_a_short_signal():
    explorer = SmoothingExplorer(np.arange(12.0), size=11, sigma=2.0)
    assert explorer.controls["size"].max == 11
    assert explorer.controls["step"].max == 1
    short = SmoothingExplorer(np.arange(6.0), size=5, sigma=1.0)
    with pytest.raises(ValueError, match="longer than the signal"):  # past the slider's max
        short._set_kernel(size=7, sigma=1.0)


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        (([],), {}, ValueError, "signal must not be empty"),
        (([1.0, 2.0],), {}, ValueError, "at least 3 samples"),
        ((SAW,), {"size": 20}, ValueError, "size must be odd"),
        ((SAW,), {"size": 53}, ValueError, "from 3 to 51"),
        ((SAW,), {"size": 2.5}, TypeError, "odd integer"),
        ((SAW,), {"sigma": 0}, ValueError, "sigma must be between"),
        ((SAW,), {"step": 180}, ValueError, "step must be an integer between 0 and 179"),
        (("abc",), {}, TypeError, "signal must hold real numbers"),
    ],
)
def test_bad_arguments(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        SmoothingExplorer(*args, **kwargs)


# -- saving SVG -------------------------------------------------------------------


def test_save_button_writes_svg_into_the_named_folder(explorer, tmp_path):
    explorer.update(step=42, size=25, sigma=4.0)
    explorer.folder.value = str(tmp_path)
    explorer.save_button.click()
    path = tmp_path / "smoothing_size25_sigma4.0_step42.svg"
    assert path.exists()
    text = path.read_text()
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert str(path) in explorer.message.value and "Saved" in explorer.message.value


def test_saving_never_overwrites(explorer, tmp_path):
    explorer.folder.value = str(tmp_path)
    first = explorer.save_svg()
    first.write_text("learner's own edits")
    second = explorer.save_svg()
    third = explorer.save_svg()
    assert first.read_text() == "learner's own edits"
    assert second.name == "smoothing_size21_sigma3.0_step0-1.svg"
    assert third.name == "smoothing_size21_sigma3.0_step0-2.svg"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [first.name, second.name, third.name]
    )


def test_saving_into_a_new_subfolder(explorer, tmp_path):
    path = explorer.save_svg(tmp_path / "figures" / "nb03")
    assert path.parent == tmp_path / "figures" / "nb03" and path.exists()


def test_save_refuses_a_file_or_empty_name_with_a_message(explorer, tmp_path):
    target = tmp_path / "not_a_folder.txt"
    target.write_text("x")
    explorer.folder.value = str(target)
    explorer.save_button.click()
    assert "Not saved" in explorer.message.value and "is a file" in explorer.message.value
    explorer.folder.value = "  "
    explorer.save_button.click()
    assert "type a folder name" in explorer.message.value
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not_a_folder.txt"]


def test_default_folder_is_the_working_directory(explorer, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert explorer.folder.value == "."
    path = explorer.save_svg()
    assert path.resolve().parent == tmp_path.resolve()


def test_saved_svg_shows_the_current_step_and_blitting_survives(explorer, tmp_path):
    explorer.figure.canvas.draw()
    explorer.update(step=100)
    explorer.save_svg(tmp_path)
    assert all(a.get_animated() for a in explorer.animated)
    explorer.update(step=101)  # still blits after a save
    assert explorer.artists.step == 101


# -- display and speed ------------------------------------------------------------


def test_display_bundle_and_controls_order(explorer):
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["image/png"].startswith(b"\x89PNG")
    assert "0x" not in bundle["text/plain"]
    rows = explorer.widget.children[1].children[0].children
    assert explorer.controls["step"] in rows[0].children  # step first, in the Play row
    assert explorer.folder in rows[2].children and explorer.save_button in rows[2].children


def test_play_drives_the_step(explorer):
    explorer._stepper.play.value = 12
    assert explorer.controls["step"].value == 12 and explorer.artists.step == 12


@pytest.mark.parametrize("step", [1, 7])
def test_a_blitted_step_looks_exactly_like_a_full_redraw(step):
    stepped = blit_steps(SmoothingExplorer(SAW), [{"step": j} for j in range(1, step + 1)])
    assert_looks_like_a_full_redraw(stepped, SmoothingExplorer(SAW, step=step))


def test_steps_blit_and_parameters_redraw(explorer, monkeypatch):
    calls = record_redraws(explorer, monkeypatch)
    explorer.update(step=3)
    explorer.update(size=23)
    explorer.update(sigma=2.0)
    assert calls == ["blit", "draw", "draw"]
