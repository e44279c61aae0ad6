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
                                                      "instance": 0, "rev": 3}}},
                   "01-predict": {"updated": "...",
                          "questions": {"01-p-table": {"response": "5", "attempts": 2,
                                                       "correct": true, "first": "6",
                                                       "first_correct": false, ...}}}}}

A notebook's predictions are kept under its key plus ``-predict``; their records
also hold ``first`` (the first guess locked in) and ``first_correct``, which later
tries never change.  ``rev`` counts the writes of one question's record; readers that don't know
it ignore it.

Nothing is lost
---------------
The same file may be written by several quizzes at once: a re-run cell whose
old widget is still on screen, a notebook open in two tabs, two kernels on two
notebooks.  So :meth:`ProgressStore.save` merges *per question*:

* it takes an exclusive lock (:func:`fcntl.flock` on a sidecar file
  ``.progress.json.lock`` in the same folder), re-reads the file, updates only
  the questions passed in and writes a temporary file in the same folder,
  then :func:`os.replace`; other readers see the old or the new file, never
  half of one.  On a platform without :mod:`fcntl` (Windows) the lock is
  skipped: saves are still atomic and merged per question, but two processes
  saving at the same instant can lose one of the two saves.
* a record is written only if the caller changed it since this store last
  read or wrote it.  A question another quiz answered in the meantime is left
  as that quiz wrote it, even when the caller passes its own (older) copy of
  every record.  When both changed the same question, the later save wins.
  So a reset clears the questions this quiz knew about, not an answer another
  quiz saved since.  "Since this store last read or wrote it" is kept per
  :class:`ProgressStore` object: give each quiz its own store (as
  :func:`~convlab.quiz.for_notebook` does), or pass only the changed records.

The file is respected
---------------------
A symbolic link is followed: the file it points to is updated and the link
stays a link.  A path that is not a regular file (a FIFO, a device) is never
opened.  A read-only file or folder is never replaced: the learner is told
so and the quiz goes on in memory.  A file written by a newer convlab (a
higher ``version``) is left untouched, with a notice.  A file that is not
valid progress JSON is renamed ``progress.json.corrupt-<time>``, the learner
is told so, and a fresh file is started.  A file that cannot be read or
written at all (permissions, a full disk) gives a message and the quiz goes
on in memory.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
import time
import warnings
from pathlib import Path

try:  # POSIX; see "Nothing is lost" above for what happens without it
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

__all__ = [
    "ProgressFileError",
    "ProgressStore",
    "ProgressWarning",
    "default_progress_path",
    "read_progress_file",
]

ENV_VAR = "CONVLAB_PROGRESS"
_OFF = {"off", "none", "0", "false", "no", "disabled"}
_MAX_BYTES = 5_000_000
VERSION = 1
_FIELDS = ("response", "attempts", "correct", "revealed", "instance")


class ProgressWarning(UserWarning):
    """A progress file could not be read or written; the quiz goes on."""


class ProgressFileError(ValueError):
    """A progress file that cannot be used, and why.

    Attributes
    ----------
    reason : {"missing", "not-a-file", "unreadable", "too-large", "corrupt", "newer"}
        ``"corrupt"`` (not JSON, or not a progress document) and
        ``"too-large"`` may be set aside and replaced; the others never are.
    """

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


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


def read_progress_file(path: str | os.PathLike) -> dict:
    """The progress document in ``path``, checked; never blocks, never evaluates anything.

    Parameters
    ----------
    path : str or pathlib.Path
        A progress file (symbolic links are followed).

    Returns
    -------
    dict
        ``{"version": 1, "notebooks": {...}}``; an empty file gives an empty
        document.  Records are returned as stored: clean them with
        :meth:`ProgressStore.load` or :func:`clean_record`.

    Raises
    ------
    ProgressFileError
        With ``reason`` saying why the file can't be used (see the class).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "progress.json"
    >>> _ = p.write_text('{"version": 9, "notebooks": {}}')
    >>> try:
    ...     read_progress_file(p)
    ... except ProgressFileError as exc:
    ...     print(exc.reason, "-", str(exc).split(" was ")[1][:45])
    newer - written by a newer convlab (format version 9;
    """
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ProgressFileError(f"{path} does not exist", "missing") from None
    except OSError as exc:
        raise ProgressFileError(
            f"{path} could not be opened ({exc.strerror or exc})", "unreadable"
        ) from None
    if not stat.S_ISREG(info.st_mode):
        what = (
            "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file (a FIFO or device?)"
        )
        raise ProgressFileError(f"{path} could not be opened: it is {what}", "not-a-file")
    if info.st_size > _MAX_BYTES:
        raise ProgressFileError(f"{path} is larger than {_MAX_BYTES // 1_000_000} MB", "too-large")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ProgressFileError(
            f"{path} could not be opened ({exc.strerror or exc})", "unreadable"
        ) from None
    if not raw.strip():  # an empty file (e.g. created by hand) holds no progress
        return {"version": VERSION, "notebooks": {}}
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ProgressFileError(
            f"{path} is not valid JSON ({type(exc).__name__})", "corrupt"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("notebooks"), dict):
        raise ProgressFileError(f"{path} is not a convlab progress file", "corrupt")
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise ProgressFileError(
            f"{path} was written by a newer convlab (format version {version}; this one "
            f"reads version {VERSION}). Upgrade convlab to read it",
            "newer",
        )
    if version != VERSION:
        raise ProgressFileError(f"{path} is not a convlab progress file", "corrupt")
    return data


def clean_record(rec: object) -> dict | None:
    """A record from disk with known fields of the right types, or None.

    >>> clean_record({"response": "9", "attempts": 2, "correct": True, "extra": 1})
    {'response': '9', 'attempts': 2, 'correct': True, 'revealed': False, 'instance': 0}
    >>> clean_record([1, 2]) is None
    True

    A prediction's record also keeps the first guess locked in, and whether it was right:

    >>> clean_record({"response": "9", "attempts": 2, "correct": True, "first": "10",
    ...               "first_correct": False})["first"]
    '10'
    """
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

    out = {
        "response": response,
        "attempts": integer("attempts"),
        "correct": rec.get("correct") is True,
        "revealed": rec.get("revealed") is True,
        "instance": integer("instance"),
    }
    first = _text_or_texts(rec.get("first"))
    if first is not None:  # a prediction's first locked-in guess, kept whatever came after
        out["first"] = first
        out["first_correct"] = rec.get("first_correct") is True
    return out


def _text_or_texts(value: object) -> str | list[str] | None:
    if isinstance(value, str):
        return value if len(value) <= 1000 else None
    if isinstance(value, list) and len(value) <= 100 and all(isinstance(v, str) for v in value):
        return value
    return None


_clean_record = clean_record  # the name used before 0.2
_BLANK = clean_record({})


def _rev(rec: object) -> int:
    v = rec.get("rev", 0) if isinstance(rec, dict) else 0
    return v if isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2**62 else 0


def _read_only(path: Path) -> bool:
    """True when ``path`` exists and must not be written (no write permission or no write bit).

    The mode bits are checked as well as :func:`os.access`, so that a file an
    instructor marked read-only is respected even by a kernel running as root.
    """
    try:
        info = path.stat()
    except OSError:
        return False
    return not os.access(path, os.W_OK) or not info.st_mode & 0o222


@contextlib.contextmanager
def _locked(lock_path: Path):
    """An exclusive :func:`fcntl.flock` on ``lock_path`` (created if missing)."""
    if fcntl is None:  # pragma: no cover - Windows: atomic replace, no lock
        yield
        return
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


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
        Messages for the learner (a file set aside, a failed save, a
        read-only file), newest last; the quiz shows them above its questions.

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

    Two stores on one file merge per question: neither erases the other's answer.

    >>> a, b = ProgressStore(folder / "p.json"), ProgressStore(folder / "p.json")
    >>> a.load("01") == b.load("01")
    True
    >>> a.save("01", {"q2": {"response": "4", "attempts": 1}})
    >>> b.save("01", {"q1": {"response": "9", "attempts": 1, "correct": True}, "q3": {}})
    >>> sorted(ProgressStore(folder / "p.json").load("01"))
    ['q1', 'q2']
    """

    def __init__(self, path: str | os.PathLike | None) -> None:
        self.path = None if path is None else Path(path).expanduser()
        self.notices: list[str] = []
        self._broken = False  # unreadable or not ours (not corrupt): never overwrite it
        # (notebook, qid) -> (rev, record) as this store last read or wrote it
        self._known: dict[tuple[str, str], tuple[int, dict]] = {}

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

    def _target(self) -> Path:
        """The file really written: symbolic links followed, so the link stays a link."""
        assert self.path is not None
        return Path(os.path.realpath(self.path)) if self.path.is_symlink() else self.path

    def _set_aside(self, target: Path, reason: str) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = target.with_name(f"{target.name}.corrupt-{stamp}")
        n = 1
        while aside.exists():
            n += 1
            aside = target.with_name(f"{target.name}.corrupt-{stamp}-{n}")
        try:
            os.replace(target, aside)
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
            f"to {aside.name} and a fresh one started; the quiz goes on."
        )

    def _read_all(self) -> dict:
        """The whole document, or an empty one; sets corrupt files aside."""
        empty = {"version": VERSION, "notebooks": {}}
        if self.path is None or self._broken:
            return empty
        target = self._target()
        try:
            return read_progress_file(target)
        except ProgressFileError as exc:
            if exc.reason == "missing":
                return empty
            if exc.reason == "too-large":
                self._set_aside(target, f"it is larger than {_MAX_BYTES // 1_000_000} MB")
            elif exc.reason == "corrupt":
                detail = str(exc).removeprefix(f"{target} is ")
                self._set_aside(target, detail)
            else:
                self._broken = True
                detail = str(exc).removeprefix(f"{target} ")
                self._notify(
                    f"Your quiz progress file {self.path} {detail}. The quiz works, but "
                    f"progress won't be saved this session. Set {ENV_VAR} to another file "
                    "to save elsewhere."
                )
            return empty

    def load(self, notebook: str) -> dict[str, dict]:
        """The saved records of ``notebook``'s questions (qid -> record); ``{}`` if none."""
        section = self._read_all()["notebooks"].get(notebook)
        if not isinstance(section, dict) or not isinstance(section.get("questions"), dict):
            return {}
        out = {}
        for qid, rec in section["questions"].items():
            clean = clean_record(rec)
            if isinstance(qid, str) and clean is not None:
                out[qid] = clean
                self._known[(notebook, qid)] = (_rev(rec), clean)
        return out

    def _refuse_read_only(self, target: Path) -> bool:
        where = (
            target if _read_only(target) else target.parent if _read_only(target.parent) else None
        )
        if where is None:
            return False
        self._notify(
            f"Your quiz progress file {self.path} is read-only"
            f"{'' if where == target else ' (its folder is)'}; it is left as it is. The quiz "
            f"works, but this session's answers are kept in memory only. Set {ENV_VAR} to "
            "another file to save elsewhere."
        )
        return True

    def save(self, notebook: str, records: dict[str, dict]) -> None:
        """Merge ``records`` (qid -> record) into ``notebook``'s part of the file.

        Only the records the caller changed since this store last read or
        wrote them are written (see the module docstring), under a file lock,
        atomically.  Never raises OSError: a failure becomes a notice.
        """
        if self.path is None or self._broken:
            return
        target = self._target()
        if self._refuse_read_only(target):
            return
        tmp = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with _locked(target.with_name(f".{target.name}.lock")):
                data = self._read_all()
                if self._broken:
                    return
                section = data["notebooks"].get(notebook)
                if not isinstance(section, dict) or not isinstance(section.get("questions"), dict):
                    section = {"questions": {}}
                on_disk = section["questions"]
                changed = {}
                for qid, rec in records.items():
                    mine = clean_record(rec)
                    if mine is None or not isinstance(qid, str):
                        continue
                    disk_rec = on_disk.get(qid)
                    disk = clean_record(disk_rec)
                    disk_rev = _rev(disk_rec) if disk is not None else 0
                    known_rev, known = self._known.get((notebook, qid), (0, _BLANK))
                    if disk is not None and "first" in disk and "first" in mine:
                        # a first guess is first: a later save (another tab) keeps it
                        mine["first"], mine["first_correct"] = disk["first"], disk["first_correct"]
                    if mine == (disk if disk is not None else _BLANK):
                        self._known[(notebook, qid)] = (disk_rev, mine)  # nothing to write
                        continue
                    if disk_rev > known_rev and mine == known:
                        continue  # an older copy: someone else wrote this question since
                    changed[qid] = {**mine, "rev": max(disk_rev, known_rev) + 1}
                if not changed:
                    return
                on_disk.update(changed)
                data["notebooks"][notebook] = {
                    **section,
                    "updated": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                    "questions": on_disk,
                }
                fd, tmp = tempfile.mkstemp(
                    prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
                )
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(data, fh, indent=1, sort_keys=True)
                    fh.flush()
                    os.fsync(fh.fileno())
                with contextlib.suppress(OSError):  # keep the file's permissions
                    os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
                os.replace(tmp, target)
                tmp = None
                for qid, rec in changed.items():
                    self._known[(notebook, qid)] = (rec["rev"], clean_record(rec))
        except OSError as exc:
            self._notify(
                f"Could not save quiz progress to {self.path} ({exc.strerror or exc}); "
                "your answers count for this session only."
            )
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
