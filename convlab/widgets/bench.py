"""How fast do the explorers answer a slider?  ``python -m convlab.bench widgets``.

For every explorer in :data:`convlab.widgets.EXPLORERS` and every control in its
``bench_moves``, the median time from setting the control to a fully rendered frame on the
Agg canvas, next to a baseline measured in the same run: the same figure re-created from
scratch and rendered to PNG, which is what ``interact`` with the inline backend does on every
slider move.  Targets (from the course's explorer issue): moving a step costs at most 0.1× the
baseline; changing a parameter (kernel, size, ...) at most 0.3×.
"""

from __future__ import annotations

import io
import statistics
import time

import matplotlib

from . import EXPLORERS

__all__ = ["TARGETS", "format_widget_table", "widget_bench"]

#: Ratio to the baseline that a control's median frame time must stay under.
TARGETS = {"step": 0.1, "parameter": 0.3}


def _baseline_ms(cls, repeats: int) -> float:
    import matplotlib.pyplot as plt

    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        explorer = cls.demo()
        explorer.figure.savefig(io.BytesIO(), format="png", bbox_inches="tight")
        times.append(time.perf_counter() - start)
        plt.close(explorer.figure)
    return 1000 * statistics.median(times)


def widget_bench(explorers=None, *, repeats: int = 5) -> list[dict]:
    """Time every bench move of every explorer; one row per (explorer, control).

    Returns
    -------
    list of dict
        ``explorer``, ``control``, ``kind`` ("step" or "parameter"), ``frame_ms`` (median),
        ``baseline_ms``, ``ratio`` (frame / baseline), ``target`` and ``ok``.
    """
    import matplotlib.pyplot as plt

    if matplotlib.get_backend().lower() != "agg":
        plt.switch_backend("Agg")
    rows = []
    for cls in explorers or EXPLORERS:
        baseline = _baseline_ms(cls, repeats)
        explorer = cls.demo()
        explorer.figure.canvas.draw()
        for control, values in cls.bench_moves.items():
            kind = "step" if control in cls.step_controls else "parameter"
            start_value = explorer.controls[control].value
            times = []
            for _ in range(repeats):
                for value in [*values, start_value]:
                    start = time.perf_counter()
                    explorer.update(**{control: value})
                    times.append(time.perf_counter() - start)
                    if explorer.error:
                        raise RuntimeError(f"{cls.__name__}.{control}={value!r}: {explorer.error}")
            frame = 1000 * statistics.median(times)
            ratio = frame / baseline
            rows.append({
                "explorer": cls.__name__, "control": control, "kind": kind,
                "frame_ms": frame, "baseline_ms": baseline, "ratio": ratio,
                "target": TARGETS[kind], "ok": ratio <= TARGETS[kind],
            })
        plt.close(explorer.figure)
    return rows


def format_widget_table(rows: list[dict]) -> str:
    """The rows of :func:`widget_bench` as a text table."""
    lines = [f"{'explorer':<20} {'control':<12} {'kind':<10} {'frame':>9} {'baseline':>9} "
             f"{'ratio':>7} {'target':>7}"]
    for r in rows:
        lines.append(
            f"{r['explorer']:<20} {r['control']:<12} {r['kind']:<10} {r['frame_ms']:7.1f}ms "
            f"{r['baseline_ms']:7.1f}ms {r['ratio']:7.3f} {'≤' + str(r['target']):>6} "
            f"{'ok' if r['ok'] else 'SLOW'}"
        )
    return "\n".join(lines)
