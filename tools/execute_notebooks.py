"""Re-execute the course notebooks in a fresh kernel, top to bottom, and save them.

Notebooks are committed executed (they read well on GitHub, and nbval compares
against the saved outputs), so their outputs must only ever come from here,
never from editing by hand.

    python tools/execute_notebooks.py                 # every notebook in notebooks/
    python tools/execute_notebooks.py notebooks/01_outer_product_diagonals.ipynb
    python tools/execute_notebooks.py --check         # fail if any notebook errs; save nothing

Each notebook runs with its own folder as the working directory, the way
JupyterLab and nbval run it.  These are the reference edition; after saving,
regenerate the learner edition with ``python tools/make_learner_edition.py``.
Timing metadata and widget state are not saved, so re-running an unchanged
notebook gives an unchanged file.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def execute(path: Path, *, save: bool = True, timeout: int = 600) -> float:
    """Run one notebook in a fresh kernel; save it in place unless ``save`` is False."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cell.metadata.pop("execution", None)
    nb.metadata["kernelspec"] = KERNELSPEC
    nb.metadata.pop("widgets", None)

    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=timeout,
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        store_widget_state=False,
    )
    start = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - start

    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                text = "".join(output.get("text", ""))
                raise RuntimeError(f"{path.name}: a cell printed to stderr:\n{text}")
    nb.metadata.pop("widgets", None)
    if save:
        nbformat.write(nb, path)
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every notebook")
    parser.add_argument("--check", action="store_true", help="run but do not save")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted(NOTEBOOKS.glob("*.ipynb"))
    # Same environment as a learner's kernel: no backend forced from outside, and no
    # saved quiz answers of whoever runs this restored into the committed outputs.
    os.environ.pop("MPLBACKEND", None)
    os.environ["CONVLAB_PROGRESS"] = "off"
    for path in paths:
        elapsed = execute(path.resolve(), save=not args.check)
        verb = "ran" if args.check else "executed and saved"
        print(f"{verb} {path.name} in {elapsed:.1f} s")
    if not args.check:
        print("now regenerate the learner edition: python tools/make_learner_edition.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
