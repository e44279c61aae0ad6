"""Scores out: the learners' progress files as one table (or a CSV file).

Usage::

    python -m convlab.quiz export PROGRESS_FILES_OR_FOLDERS... [--csv OUT]
    python -m convlab.quiz.export PROGRESS_FILES_OR_FOLDERS... [--csv OUT]

Each argument is a progress file or a folder.  A folder is searched
recursively (:func:`os.walk`, not following symbolic links to folders) for
files named exactly ``progress.json``, hidden folders such as ``.convlab``
included, so the home folders of a whole class can be given at once
(``/home/*/`` or a folder of collected copies, ``alice/.convlab/progress.json``).

One row per learner file.  The learner is named by the file's path: relative
to the folder it was found in (``alice/.convlab/progress.json``), or as given
on the command line for a file.  Columns: for every question of every
notebook that appears in any file, whether it is answered correctly and the
number of attempts; then per notebook the number correct and the attempts;
then the total correct.  A notebook's predictions (saved under ``NN-predict``)
are not quiz answers: they come after, in columns of their own, one per
prediction (``01-p-table first right``: 1 when the first guess locked in was
right, else 0), then per notebook the number right first time
(``01 predictions right first time``) and their total.  The readable table
shows them under "Predictions, notebook NN".

A file that cannot be used (not valid JSON, not a progress file, written by a
newer convlab, unreadable, a FIFO) is reported on stderr and skipped; the
export goes on.  Exit status: 0 when at least one file was read, 1 when none
was, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .predictions import SUFFIX
from .progress import ProgressFileError, clean_record, read_progress_file

__all__ = ["Learner", "collect", "main", "table"]

_NAME = "progress.json"


@dataclass
class Learner:
    """One learner's progress file, read.

    Attributes
    ----------
    name : str
        The learner id: the file's path (see the module docstring).
    path : pathlib.Path
        The file.
    records : dict
        ``{notebook: {qid: record}}`` with cleaned records.
    """

    name: str
    path: Path
    records: dict = field(default_factory=dict)


def _found(arg: str, problems: list[str]) -> list[tuple[str, Path]]:
    path = Path(arg)
    if path.is_dir():
        hits = []
        for folder, dirs, files in os.walk(path, onerror=lambda e: problems.append(_why(e))):
            dirs.sort()
            if _NAME in files:
                hit = Path(folder) / _NAME
                hits.append((hit.relative_to(path).as_posix(), hit))
        if not hits:
            problems.append(f"{arg}: no {_NAME} found in this folder or below it")
        return hits
    return [(arg, path)]


def _why(exc: OSError) -> str:
    return f"{exc.filename}: could not be searched ({exc.strerror or exc})"


def collect(paths: list[str], problems: list[str] | None = None) -> list[Learner]:
    """Read every progress file in ``paths`` (files or folders); skip and report the rest.

    Parameters
    ----------
    paths : list of str
        Progress files and folders to search (see the module docstring).
    problems : list of str, optional
        Gets one message per file or folder that could not be used.

    Returns
    -------
    list of Learner
        In the order found.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from convlab.quiz.progress import ProgressStore
    >>> home = pathlib.Path(tempfile.mkdtemp())
    >>> ProgressStore(home / "ada" / ".convlab" / "progress.json").save(
    ...     "01", {"01-length": {"response": "9", "attempts": 2, "correct": True}})
    >>> (home / "bob").mkdir()
    >>> problems = []
    >>> [(x.name, x.records["01"]["01-length"]["attempts"]) for x in collect([str(home)], problems)]
    [('ada/.convlab/progress.json', 2)]
    >>> problems
    []
    """
    problems = [] if problems is None else problems
    learners = []
    for arg in paths:
        for name, path in _found(arg, problems):
            try:
                data = read_progress_file(path)
            except ProgressFileError as exc:
                problems.append(f"skipped {exc}")
                continue
            records = {}
            for notebook, section in sorted(data["notebooks"].items()):
                questions = section.get("questions") if isinstance(section, dict) else None
                if not isinstance(notebook, str) or not isinstance(questions, dict):
                    continue
                clean = {q: clean_record(r) for q, r in questions.items() if isinstance(q, str)}
                records[notebook] = {q: r for q, r in clean.items() if r is not None}
            learners.append(Learner(name, path, records))
    return learners


def _course_order(notebook: str) -> list[str]:
    """The course's question ids for ``notebook``, in order (``[]`` if it has no quiz)."""
    try:
        from . import PREDICTIONS, questions_for

        if notebook.endswith(SUFFIX):
            return [q.qid for q in PREDICTIONS[notebook.removesuffix(SUFFIX)]()]
        return [q.qid for q in questions_for(notebook)]
    except Exception:  # an unknown notebook, or a bank that cannot be built here
        return []


def _columns(learners: list[Learner], predictions: bool = False) -> dict[str, list[str]]:
    """notebook -> its question ids: the quizzes', or (``predictions``) the predictions'."""
    seen: dict[str, set] = {}
    for learner in learners:
        for notebook, recs in learner.records.items():
            if notebook.endswith(SUFFIX) == predictions:
                seen.setdefault(notebook, set()).update(recs)
    columns = {}
    for notebook in sorted(seen):
        order = _course_order(notebook)
        columns[notebook] = order + sorted(seen[notebook] - set(order))
    return columns


def _first_right(rec: dict | None) -> int:
    return int(bool(rec) and rec.get("first") is not None and rec.get("first_correct") is True)


def table(learners: list[Learner]) -> tuple[list[str], list[list[object]]]:
    """The CSV header and rows: per question correct (0/1) and attempts, per notebook totals.

    Parameters
    ----------
    learners : list of Learner
        From :func:`collect`.

    Returns
    -------
    header : list of str
    rows : list of list
        One per learner.

    Examples
    --------
    >>> rec = {"response": "9", "attempts": 2, "correct": True, "revealed": False, "instance": 0}
    >>> header, rows = table([Learner("ada", Path("ada.json"), {"99": {"99-a": rec}})])
    >>> header
    ['learner', '99-a correct', '99-a attempts', '99 correct', '99 attempts', 'total correct']
    >>> rows
    [['ada', 1, 2, 1, 2, 1]]
    """
    columns = _columns(learners)
    guesses = _columns(learners, predictions=True)
    header = ["learner"]
    for qids in columns.values():
        header += [f"{q} {what}" for q in qids for what in ("correct", "attempts")]
    header += [f"{nb} {what}" for nb in columns for what in ("correct", "attempts")]
    header.append("total correct")
    if guesses:
        header += [f"{q} first right" for qids in guesses.values() for q in qids]
        header += [f"{nb.removesuffix(SUFFIX)} predictions right first time" for nb in guesses]
        header.append("total predictions right first time")
    rows = []
    for learner in learners:
        row: list[object] = [learner.name]
        totals = []
        for notebook, qids in columns.items():
            recs = learner.records.get(notebook, {})
            right = tries = 0
            for q in qids:
                rec = recs.get(q) or {"correct": False, "attempts": 0}
                row += [int(rec["correct"]), rec["attempts"]]
                right += int(rec["correct"])
                tries += rec["attempts"]
            totals += [right, tries]
        row += [*totals, sum(totals[::2])]
        if guesses:
            firsts = []
            for notebook, qids in guesses.items():
                recs = learner.records.get(notebook, {})
                marks = [_first_right(recs.get(q)) for q in qids]
                row += marks
                firsts.append(sum(marks))
            row += [*firsts, sum(firsts)]
        rows.append(row)
    return header, rows


def _text(learners: list[Learner]) -> str:
    """A readable table per notebook: ``ok/N`` correct after N attempts, ``no/N`` not yet."""
    columns = _columns(learners)
    out = [
        f"{len(learners)} learner file(s). Cells: ok/N = correct after N attempts, "
        "no/N = not correct after N attempts, - = not answered."
    ]
    width = max([len("learner"), *(len(x.name) for x in learners)])
    for notebook, qids in columns.items():
        heads = [*qids, "correct"]
        cells = []
        for learner in learners:
            recs = learner.records.get(notebook, {})
            row = []
            for q in qids:
                rec = recs.get(q)
                if rec is None or (rec["attempts"] == 0 and not rec["correct"]):
                    row.append("-")
                else:
                    row.append(f"{'ok' if rec['correct'] else 'no'}/{rec['attempts']}")
            right = sum(1 for q in qids if (recs.get(q) or {}).get("correct"))
            row.append(f"{right}/{len(qids)}")
            cells.append(row)
        widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(heads)]
        out += ["", f"Notebook {notebook}"]
        out.append(
            "  ".join(["learner".ljust(width), *(h.rjust(w) for h, w in zip(heads, widths))])
        )
        for learner, row in zip(learners, cells):
            fields = (c.rjust(w) for c, w in zip(row, widths))
            out.append("  ".join([learner.name.ljust(width), *fields]))
    out += _text_predictions(learners, width)
    return "\n".join(out)


def _text_predictions(learners: list[Learner], width: int) -> list[str]:
    """The predictions' tables: right / wrong first time, - = not locked in."""
    out = []
    for notebook, qids in _columns(learners, predictions=True).items():
        heads = [*qids, "right first time"]
        cells = []
        for learner in learners:
            recs = learner.records.get(notebook, {})
            row = []
            for q in qids:
                rec = recs.get(q)
                made = rec is not None and rec.get("first") is not None
                row.append(("right" if _first_right(rec) else "wrong") if made else "-")
            row.append(f"{sum(_first_right(recs.get(q)) for q in qids)}/{len(qids)}")
            cells.append(row)
        widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(heads)]
        out += ["", f"Predictions, notebook {notebook.removesuffix(SUFFIX)} (first guess)"]
        out.append(
            "  ".join(["learner".ljust(width), *(h.rjust(w) for h, w in zip(heads, widths))])
        )
        for learner, row in zip(learners, cells):
            fields = (c.rjust(w) for c, w in zip(row, widths))
            out.append("  ".join([learner.name.ljust(width), *fields]))
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the export; ``argv`` are the arguments after ``export``.

    Parameters
    ----------
    argv : list of str, optional
        ``PROGRESS_FILES_OR_FOLDERS... [--csv OUT]``; default ``sys.argv[1:]``.

    Returns
    -------
    int
        The exit status: 0 when at least one file was read, 1 when none was.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> main([str(pathlib.Path(tempfile.mkdtemp()))])  # an empty folder: told so on stderr
    1
    """
    parser = argparse.ArgumentParser(
        prog="python -m convlab.quiz export",
        description="Collect learners' quiz progress files into one table.",
        epilog="Folders are searched recursively for files named progress.json "
        "(hidden folders such as .convlab included). Each learner is named by the file's "
        "path, relative to the folder it was found in.",
    )
    parser.add_argument("paths", nargs="+", metavar="PROGRESS_FILE_OR_FOLDER")
    parser.add_argument("--csv", metavar="OUT", help="write a CSV file ('-' for stdout)")
    args = parser.parse_args(argv)
    problems: list[str] = []
    learners = collect(args.paths, problems)
    for problem in problems:
        print(f"convlab export: {problem}", file=sys.stderr)
    if not learners:
        print("convlab export: no progress file could be read; nothing exported", file=sys.stderr)
        return 1
    if args.csv is None:
        print(_text(learners))
        return 0
    header, rows = table(learners)
    if args.csv == "-":
        writer = csv.writer(sys.stdout)
        writer.writerow(header)
        writer.writerows(rows)
        return 0
    try:
        with open(args.csv, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            writer.writerows(rows)
    except OSError as exc:
        print(
            f"convlab export: could not write {args.csv} ({exc.strerror or exc})", file=sys.stderr
        )
        return 1
    print(
        f"{len(rows)} learner(s), {len(header) - 1} columns written to {args.csv}", file=sys.stderr
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
