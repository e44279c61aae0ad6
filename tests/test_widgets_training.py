"""TrainingExplorer driven headless (Agg): snapshots, curves, feature maps, blitting, bad input."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.signal

from convlab.cnn import train
from convlab.widgets import TrainingExplorer
from convlab.widgets.training import feature_maps

from .support import assert_looks_like_a_full_redraw, blit_steps, record_redraws


@pytest.fixture(scope="module")
def history():
    return train(n_train=60, n_test=6, epochs=3)


def test_feature_maps_are_relu_of_correlation_plus_bias(history):
    image = history.test_images[2, 0]
    maps = feature_maps(history, image)
    assert maps.shape == (4, 8, 10, 10)
    for s in (0, 3):
        for f in range(8):
            want = scipy.signal.correlate2d(image, history.kernels[s, f], mode="valid")
            np.testing.assert_allclose(maps[s, f], np.maximum(want + history.biases[s, f], 0),
                                       atol=1e-12)


def test_snapshot_shows_that_epochs_kernels_maps_and_marker(history):
    explorer = TrainingExplorer(history, image=2)
    explorer.update(snapshot=3)
    art = explorer.artists
    for f, im in enumerate(art.kernel_images):
        np.testing.assert_array_equal(im.get_array(), history.kernels[3, f])
    maps = feature_maps(history, history.test_images[2, 0])
    for f, im in enumerate(art.map_images):
        np.testing.assert_array_equal(im.get_array(), maps[3, f])
    assert all(list(m.get_xdata()) == [3, 3] for m in art.markers)
    acc = history.test_accuracy[3]
    assert f"held-out accuracy {acc:.1%}" in explorer.message.value


def test_a_blitted_snapshot_looks_exactly_like_a_full_redraw(history):
    moved = blit_steps(TrainingExplorer(history), [{"snapshot": s} for s in (1, 2, 3)])
    fresh = TrainingExplorer(history)
    fresh.update(snapshot=3)
    assert_looks_like_a_full_redraw(moved, fresh)


def test_snapshots_blit_and_a_new_image_redraws(history, monkeypatch):
    explorer = TrainingExplorer(history)
    calls = record_redraws(explorer, monkeypatch)
    explorer.update(snapshot=1)
    explorer.update(image=4)
    assert calls == ["blit", "draw"]


def test_display_bundle_and_width(history):
    explorer = TrainingExplorer(history)
    bundle = explorer._repr_mimebundle_()
    data = bundle if "text/plain" in bundle else bundle[0]
    assert data["image/png"].startswith(b"\x89PNG")
    assert explorer.figure.get_size_inches()[0] * explorer.figure.dpi <= 880


def test_bad_values_are_refused_by_name(history):
    explorer = TrainingExplorer(history)
    with pytest.raises(ValueError, match="snapshot must be between"):
        explorer.update(snapshot=99)
    with pytest.raises(ValueError, match="image must be between"):
        explorer.update(image=-1)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"image": 6}, ValueError, "image must be an integer between 0 and 5"),
        ({"snapshot": 4}, ValueError, "snapshot must be an integer between 0 and 3"),
        ({"snapshot": True}, ValueError, "snapshot must be an integer"),
    ],
)
def test_bad_arguments(history, kwargs, error, match):
    with pytest.raises(error, match=match):
        TrainingExplorer(history, **kwargs)


def test_history_must_be_a_history():
    with pytest.raises(TypeError, match=r"history must be what convlab\.cnn\.train returned"):
        TrainingExplorer({"kernels": []})
