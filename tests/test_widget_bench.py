"""The widget benchmark runs and reports what it measured (no timing assertions here)."""

import pytest

from convlab.bench import main
from convlab.widgets import EXPLORERS, DiagonalExplorer
from convlab.widgets.bench import TARGETS, format_widget_table, widget_bench


def test_rows_cover_every_bench_move_and_compare_to_the_same_run_baseline():
    rows = widget_bench([DiagonalExplorer], repeats=1)
    assert [(r["explorer"], r["control"], r["kind"]) for r in rows] == [
        ("DiagonalExplorer", "k", "step")
    ]
    row = rows[0]
    assert row["frame_ms"] > 0 and row["baseline_ms"] > 0
    assert row["ratio"] == pytest.approx(row["frame_ms"] / row["baseline_ms"])
    assert row["ok"] == (row["ratio"] <= TARGETS["step"])
    assert "DiagonalExplorer" in format_widget_table(rows)


@pytest.mark.parametrize("cls", EXPLORERS, ids=lambda c: c.__name__)
def test_every_explorer_has_a_demo_and_bench_moves_it_accepts(cls):
    explorer = cls.demo()
    assert isinstance(explorer, cls) and cls.bench_moves
    assert set(cls.step_controls) <= set(explorer.controls)
    for control, values in cls.bench_moves.items():
        for value in values:
            explorer.update(**{control: value})
            assert explorer.error is None, explorer.error


def test_command_line_prints_the_table(capsys):
    status = main(["widgets", "--repeats", "1"])
    out = capsys.readouterr().out
    assert "DiagonalExplorer" in out and "baseline" in out
    assert status in (0, 1)  # 1 only if an explorer missed its target on this machine
