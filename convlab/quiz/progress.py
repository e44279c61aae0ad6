"""Remembering quiz progress across cell re-runs and kernel restarts.

Where the file lives
--------------------
The environment variable ``CONVLAB_PROGRESS`` decides:

* unset or empty: ``~/.convlab/progress.json``;
* a path ending in ``.json``: that file;
* any other path: a directory, holding ``progress.json``;
* ``off`` (or ``none``, ``0``, ``false``): nothing is saved; progress lasts
  as long as the quiz object.  Use this when executing notebooks for
  publishing, so nobody's own answers end up in the saved outputs.

What it holds
-------------
One JSON document for every notebook::

    {"version": 1,
     "notebooks": {"01": {"updated": "...",
                          "questions": {"01-length": {"response": "9", "attempts": 1,
                                                      "correct": true, "revealed": false,
                                                      "instance": 0}}}}}

Writes are atomic (a temporary file in the same directory, then
:func:`os.replace`), and each save re-reads the file and replaces only its own
notebook's part, so two notebooks open at once don't erase each other.  A file
that is not valid progress JSON is renamed ``progress.json.corrupt-<time>``,
the learner is told so, and a fresh file is started.  A file that cannot be
read or written at all (permissions, a full disk) gives a message and the quiz
goes on in memory.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
import warnings
from pathlib import Path

__all__ = ["ProgressStore", "ProgressWarning", "default_progress_path"]

ENV_VAR = "CONVLAB_PROGRESS"
_OFF = {"off", "none", "0", "false", "no", "disabled"}
_MAX_BYTES = 5_000_000
VERSION = 1


class ProgressWarning(UserWarning):
    """A progress file could not be read or written; the quiz goes on."""


def default_progress_path(environ: dict | None = None) -> Path | None:
    """Where progress is saved, from ``CONVLAB_PROGRESS`` (see the module docstring).

    Returns ``None`` when saving is switched off.

    >>> default_progress_path({"CONVLAB_PROGRESS": "/tmp/me.json"})
    PosixPath('/tmp/me.json')
    >>> default_progress_path({"CONVLAB_PROGRESS": "/tmp/course"})
    PosixPath('/tmp/course/progress.json')
    >>> default_progress_path({"CONVLAB_PROGRESS": "off"}) is None
    True
    >>> default_progress_path({}).parts[-2:]
    ('.convlab', 'progress.json')
    """
    env = os.environ if environ is None else environ
    value = (env.get(ENV_VAR) or "").strip()
    if value.casefold() in _OFF:
        return None
    if not value:
        return Path.home() / ".convlab" / "progress.json"
    path = Path(value).expanduser()
    if path.suffix.casefold() == ".json":
        return path
    return path / "progress.json"


def _clean_record(rec: object) -> dict | None:
    """A record from disk with known fields of the right types, or None."""
    if not isinstance(rec, dict):
        return None
    response = rec.get("response")
    if isinstance(response, list):
        if not all(isinstance(r, str) for r in response) or len(response) > 100:
            response = None
    elif not (response is None or isinstance(response, str)):
        response = None
    if isinstance(response, str) and len(response) > 1000:
        response = None

    def integer(name):
        v = rec.get(name, 0)
        return v if isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 10**6 else 0

    return {
        "response": response,
        "attempts": integer("attempts"),
        "correct": rec.get("correct") is True,
        "revealed": rec.get("revealed") is True,
        "instance": integer("instance"),
    }


class ProgressStore:
    """Reads and writes the progress JSON file for every notebook's quiz.

    Parameters
    ----------
    path : str or pathlib.Path or None
        The JSON file; ``None`` keeps nothing on disk.  Use
        :meth:`from_env` for the ``CONVLAB_PROGRESS`` rules.

    Attributes
    ----------
    notices : list of str
        Messages for the learner (a file set aside, a failed save), newest
        last; the quiz shows them above its questions.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> store = ProgressStore(folder / "p.json")
    >>> store.load("01")
    {}
    >>> store.save("01", {"q1": {"response": "9", "attempts": 1, "correct": True}})
    >>> ProgressStore(folder / "p.json").load("01")["q1"]["correct"]
    True
    """

    def __init__(self, path: str | os.PathLike | None) -> None:
        self.path = None if path is None else Path(path).expanduser()
        self.notices: list[str] = []
        self._broken = False  # unreadable (not corrupt): don't overwrite it

    @classmethod
    def from_env(cls) -> ProgressStore:
        """A store at :func:`default_progress_path` (or in memory when switched off)."""
        return cls(default_progress_path())

    def __repr__(self) -> str:
        return f"ProgressStore({str(self.path) if self.path else None!r})"

    def _notify(self, message: str) -> None:
        if message in self.notices:
            return
        self.notices.append(message)
        warnings.warn(message, ProgressWarning, stacklevel=3)

    def _set_aside(self, reason: str) -> None:
        assert self.path is not None
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
        try:
            os.replace(self.path, target)
        except OSError as exc:
            self._broken = True
            self._notify(
                f"Your quiz progress file {self.path} could not be read ({reason}) nor moved "
                f"aside ({exc.strerror or exc}). The quiz works, but progress won't be saved "
                f"this session. Set {ENV_VAR} to another file to save elsewhere."
            )
            return
        self._notify(
            f"Your quiz progress file {self.path} could not be read ({reason}). It was moved "
            f"to {target.name} and a fresh one started; the quiz goes on."
        )

    def _read_all(self) -> dict:
        """The whole document, or an empty one; sets corrupt files aside."""
        empty = {"version": VERSION, "notebooks": {}}
        if self.path is None or self._broken:
            return empty
        try:
            if self.path.stat().st_size > _MAX_BYTES:
                self._set_aside(f"it is larger than {_MAX_BYTES // 1_000_000} MB")
                return empty
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return empty
        except OSError as exc:
            self._broken = True
            self._notify(
                f"Your quiz progress file {self.path} could not be opened "
                f"({exc.strerror or exc}). The quiz works, but progress won't be saved this "
                f"session. Set {ENV_VAR} to another file to save elsewhere."
            )
            return empty
        if not raw.strip():  # an empty file (e.g. created by hand) holds no progress
            return empty
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            self._set_aside(f"not valid JSON: {type(exc).__name__}")
            return empty
        if (
            not isinstance(data, dict)
            or not isinstance(data.get("notebooks"), dict)
            or data.get("version") != VERSION
        ):
            self._set_aside("not a convlab progress file")
            return empty
        return data

    def load(self, notebook: str) -> dict[str, dict]:
        """The saved records of ``notebook``'s questions (qid -> record); ``{}`` if none."""
        section = self._read_all()["notebooks"].get(notebook)
        if not isinstance(section, dict) or not isinstance(section.get("questions"), dict):
            return {}
        out = {}
        for qid, rec in section["questions"].items():
            clean = _clean_record(rec)
            if isinstance(qid, str) and clean is not None:
                out[qid] = clean
        return out

    def save(self, notebook: str, records: dict[str, dict]) -> None:
        """Replace ``notebook``'s records in the file, atomically; never raises OSError."""
        if self.path is None or self._broken:
            return
        data = self._read_all()
        if self._broken:
            return
        data["notebooks"][notebook] = {
            "updated": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "questions": {q: _clean_record(r) for q, r in records.items()},
        }
        tmp = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(
                prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent
            )
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, indent=1, sort_keys=True)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
            tmp = None
        except OSError as exc:
            self._notify(
                f"Could not save quiz progress to {self.path} ({exc.strerror or exc}); "
                "your answers count for this session only."
            )
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
