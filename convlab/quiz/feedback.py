"""What the learner is told: :class:`Feedback`, and the small Markdown subset prompts use."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

__all__ = ["Feedback", "markdown"]


def markdown(text: str) -> str:
    """A tiny, safe Markdown subset as HTML: ```blocks```, `code`, **bold**, paragraphs.

    Everything else is escaped, so a prompt cannot inject markup.

    >>> markdown("Is `h` **flipped**? <b>")
    '<p>Is <code>h</code> <b>flipped</b>? &lt;b&gt;</p>'
    """
    parts = text.split("```")
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(f"<pre>{html.escape(part.strip(chr(10)))}</pre>")
            continue
        esc = html.escape(part)
        esc = re.sub(r"`([^`]+)`", r"<code>\1</code>", esc)
        esc = re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", esc)
        paras = [p.strip() for p in re.split(r"\n\s*\n", esc) if p.strip()]
        out.extend(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paras)
    return "".join(out)


@dataclass(frozen=True)
class Feedback:
    """What the learner is told after pressing Check.

    Attributes
    ----------
    correct : bool
        Whether the response is right.
    message : str
        One or two sentences about this response.
    valid : bool
        False when the response could not be read (empty, malformed, too
        long); such a response does not count as an attempt.
    hint : str or None
        Given from the second wrong attempt on.
    explanation : str or None
        The worked answer, given after ``max_tries`` wrong attempts.

    Examples
    --------
    >>> print(Feedback(True, "Nine anti-diagonals."))
    ✓ Correct. Nine anti-diagonals.
    >>> Feedback(False, "", valid=False).status
    'unreadable'
    """

    correct: bool
    message: str
    valid: bool = True
    hint: str | None = None
    explanation: str | None = None

    @property
    def status(self) -> str:
        """``"correct"``, ``"incorrect"`` or ``"unreadable"``."""
        if not self.valid:
            return "unreadable"
        return "correct" if self.correct else "incorrect"

    @property
    def symbol(self) -> str:
        """✓, ✗ or ? — the state in a shape, not only a colour."""
        return {"correct": "✓", "incorrect": "✗", "unreadable": "?"}[self.status]

    @property
    def headline(self) -> str:
        """ "Correct", "Not yet" or "Couldn't read that"."""
        return {
            "correct": "Correct.",
            "incorrect": "Not yet.",
            "unreadable": "Couldn't read that.",
        }[self.status]

    def __str__(self) -> str:
        lines = [f"{self.symbol} {self.headline} {self.message}".rstrip()]
        if self.hint:
            lines.append(f"Hint: {self.hint}")
        if self.explanation:
            lines.append(f"Answer: {self.explanation}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        colour = {"correct": "#1a7f37", "incorrect": "#b35900", "unreadable": "#555"}[self.status]
        out = [
            f'<div class="convlab-feedback convlab-{self.status}" role="status">'
            f'<span style="color:{colour}">'
            f"<b>{self.symbol} {html.escape(self.headline)}</b></span> "
            f"{html.escape(self.message)}</div>"
        ]
        if self.hint:
            out.append(f'<div class="convlab-hint"><b>Hint:</b> {html.escape(self.hint)}</div>')
        if self.explanation:
            out.append(
                '<div class="convlab-explanation"><b>Answer:</b> '
                f"{markdown(self.explanation)}</div>"
            )
        return "".join(out)
