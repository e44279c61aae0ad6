"""The grader under abuse: kind names that say what they check, dtype-aware tolerances,
forking learners, huge results, bad arguments, stubs and wrong signatures.

Each test failed before the fix it names (issue 12, finding 5).
"""

import os
import pickle
import time

import numpy as np
import pytest
from scipy.signal import correlate2d

import convlab
from convlab.quiz import check_implementation
from convlab.quiz.grader import _SPECS

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # fork in a threaded process


# -- each kind's name says what it checks ---------------------------------------------------------
@pytest.mark.parametrize(
    ("fn", "kind"),
    [
        (convlab.conv1d, "conv1d"),
        (convlab.conv2d, "conv2d"),
        (convlab.convolve, "convolve"),
        (convlab.convolve, "convolve1d"),
        (convlab.output_size, "output_size"),  # stride and padding are keyword-only there
        (lambda x, h: convlab.correlate(x, h, "valid"), "correlate1d"),
        (lambda x, h: convlab.convolve(x, h, "valid"), "convolve2d"),
    ],
)
def test_convlab_own_function_passes_its_own_kind(fn, kind):
    report = check_implementation(fn, kind)
    assert report.ok, str(report)


def test_conv1d_is_the_layer_and_full_convolution_gets_a_pointer():
    report = check_implementation(np.convolve, "conv1d")
    assert report.kind == "correlate1d" and not report.ok
    assert "convolve1d" in str(report)  # says which kind full convolution is
    assert check_implementation(np.convolve, "convolve1d").ok
    assert check_implementation(lambda x, h: np.correlate(x, h, "valid"), "conv1d").ok


def test_no_case_or_convention_names_a_source_article():
    for spec in _SPECS.values():
        assert "seed" not in spec[1].casefold()
        for case in spec[2]():
            assert "seed" not in case.name.casefold(), case.name


# -- tolerances follow the dtype, messages show the difference ------------------------------------
def test_float32_result_gets_float32_tolerance():
    def conv32(x, h):
        y = correlate2d(x.astype(np.float32), h.astype(np.float32), "valid")
        assert y.dtype == np.float32
        return y

    report = check_implementation(conv32, "conv2d")
    assert report.ok, str(report)


def test_a_small_wrong_difference_is_visible_in_the_message():
    def nearly(x, h):
        y = np.asarray(correlate2d(x, h, "valid"), dtype=np.float32)
        return y * np.float32(1 + 1e-4)

    report = check_implementation(nearly, "conv2d")
    failed = [r for r in report.results if r.name == "random floats"]
    assert failed and failed[0].status == "failed"
    msg = failed[0].message
    expected_text, got_text = msg.split("expected ")[1].split(", got ")
    got_text = got_text.split(" ")[0]
    assert expected_text != got_text, msg
    assert "differs by" in msg


# -- a learner function that forks leaves no orphans ----------------------------------------------
def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc")
def test_a_forking_learner_function_leaves_no_orphans(tmp_path):
    pidfile = tmp_path / "grandchild.pid"

    def forks(x, h):
        if not pidfile.exists():
            pid = os.fork()
            if pid == 0:  # the grandchild: lives until someone kills it
                pidfile.write_text(str(os.getpid()))
                while True:
                    time.sleep(0.05)  # idles until killed (an idle loop, noqa: sleep)
            while not pidfile.exists():
                time.sleep(0.001)  # polls for the pid file (a poll, noqa: sleep)
        return np.convolve(x, h)

    report = check_implementation(forks, "convolve1d", timeout=10)
    assert report.ok, str(report)
    pid = int(pidfile.read_text())
    try:
        deadline = time.monotonic() + 20
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.01)  # polls for the orphan's death, with a deadline (a poll, noqa: sleep)
        assert not _alive(pid), "the learner's forked process is still running"
    finally:
        if _alive(pid):
            os.kill(pid, 9)


# -- a huge wrong result is not kept whole --------------------------------------------------------
def test_a_huge_wrong_result_is_summarised_not_kept():
    report = check_implementation(lambda x, h: np.zeros(2_000_000), "convolve1d")
    assert not report.ok
    assert len(pickle.dumps(report)) < 1_000_000
    first = report.first_failure
    assert "expected shape (9,), got shape (2000000,)" in first.message
    assert "2000000" in str(report)


# -- arguments are checked ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"timeout": float("inf")}, "timeout"),
        ({"timeout": float("nan")}, "timeout"),
        ({"timeout": 0}, "timeout"),
        ({"timeout": -1}, "timeout"),
        ({"max_timeouts": 0}, "max_timeouts"),
        ({"max_timeouts": -2}, "max_timeouts"),
    ],
)
def test_bad_limits_are_refused(kwargs, match):
    with pytest.raises(ValueError, match=match):
        check_implementation(np.convolve, "convolve1d", **kwargs)


@pytest.mark.parametrize(
    ("kwargs", "match"), [({"max_timeouts": 1.5}, "max_timeouts"), ({"timeout": "2"}, "timeout")]
)
def test_limits_of_the_wrong_type_are_refused(kwargs, match):
    with pytest.raises(TypeError, match=match):
        check_implementation(np.convolve, "convolve1d", **kwargs)


# -- stubs, wrong signatures and wrong shapes get a message, never a traceback ------------------
def test_a_stub_left_in_place_is_named():
    def my_conv(x, h):
        raise NotImplementedError

    report = check_implementation(my_conv, "convolve1d")
    assert not report.ok
    assert "not written yet" in report.first_failure.message
    assert "Traceback" not in str(report)


def test_a_function_with_the_wrong_signature_is_named():
    report = check_implementation(lambda x: x, "conv2d")
    assert not report.ok
    text = str(report)
    assert "fn(x, h)" in text and "Traceback" not in text
    assert "cannot be called as fn(x, h)" in report.first_failure.message


def test_a_wrong_shape_is_named():
    report = check_implementation(lambda x, h: np.zeros((3, 3)), "conv2d")
    assert "expected shape" in report.first_failure.message


# -- the engine's thread pool survives the fork ---------------------------------------------------
def test_a_learner_using_convlab_after_the_engine_ran_threads_passes():
    rng = np.random.default_rng(0)
    big, kernel = rng.normal(size=(700, 700)), rng.normal(size=(9, 9))
    convlab.conv2d(big, kernel, method="direct")  # the parent's thread pool has run

    def uses_convlab(x, h):
        convlab.conv2d(big, kernel, method="direct")
        return convlab.conv2d(x, h)

    report = check_implementation(uses_convlab, "conv2d", timeout=5, max_timeouts=1)
    assert report.ok, str(report)
