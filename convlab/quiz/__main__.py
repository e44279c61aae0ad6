"""``python -m convlab.quiz``: tools around the course's quizzes.

Subcommands::

    python -m convlab.quiz digest QID "ANSWER" [--kind K] [--decimals N]
        print the digest line(s) to store in a bank for a plain answer
        (see convlab.quiz.banks for how banks are written)
    python -m convlab.quiz export ...
        export learners' saved progress (convlab.quiz.export; --help there)
"""

from __future__ import annotations

import argparse
import importlib
import sys

USAGE = "usage: python -m convlab.quiz {digest,export} ...  (--help for more)"


def _digest(argv: list[str]) -> int:
    from .authoring import KINDS, digest_lines

    parser = argparse.ArgumentParser(
        prog="python -m convlab.quiz digest",
        description="Print the digest line(s) a bank stores for a plain answer.",
    )
    parser.add_argument("qid", help="question id, e.g. 01-length")
    parser.add_argument(
        "answer",
        help='the plain answer as typed, e.g. "9", "1/9" or "4 13 28"; '
        "text synonyms and multiple-choice options separated by |",
    )
    parser.add_argument("--kind", choices=KINDS, help="for a question not in a bank yet")
    parser.add_argument("--decimals", type=int, default=0, help="precision of a new question")
    parser.add_argument("--compact", action="store_true", help="new text question: no spaces")
    parser.add_argument(
        "--strip-version", action="store_true", help="new text question: drop a version suffix"
    )
    args = parser.parse_args(argv)
    try:
        lines = digest_lines(
            args.qid,
            args.answer,
            kind=args.kind,
            decimals=args.decimals,
            compact=args.compact,
            strip_version=args.strip_version,
        )
    except ValueError as exc:  # ParseError included: say what could not be read
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0


def _export(argv: list[str]) -> int:
    name = "convlab.quiz.export"  # written alongside the grader; imported only when asked for
    try:
        export = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        print(
            "error: the export command is not available in this version of convlab "
            "(convlab.quiz.export is missing)",
            file=sys.stderr,
        )
        return 2
    return export.main(argv) or 0


COMMANDS = {"digest": _digest, "export": _export}


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; return the exit status.

    >>> main(["digest", "01-length", "9"])
    "8a98e78365dc994b296e8e67c03b3df7",  # 01-length: stored in the bank
    0
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip() if argv else USAGE, file=sys.stdout if argv else sys.stderr)
        return 0 if argv else 2
    command = COMMANDS.get(argv[0])
    if command is None:
        print(f"error: unknown command {argv[0]!r}\n{USAGE}", file=sys.stderr)
        return 2
    return command(argv[1:])


if __name__ == "__main__":
    sys.exit(main())
