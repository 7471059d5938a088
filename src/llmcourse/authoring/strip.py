"""Strip marked solution regions out of a solution notebook's text."""

from __future__ import annotations

import re

BEGIN = re.compile(r"^(\s*)# BEGIN SOLUTION\s*$")
END = re.compile(r"^\s*# END SOLUTION\s*$")
# the solution's comment on its result (scikit-learn-mooc's solution-only cells): gone from the exercise
NOTE_BEGIN = re.compile(r"^\s*# BEGIN SOLUTION NOTE\s*$")
NOTE_END = re.compile(r"^\s*# END SOLUTION NOTE\s*$")
INLINE = re.compile(r"^(\s*)([^#\n]*?=)\s*(.+?)\s*# SOLUTION\s*$")
NOTICE = "# Generated from solutions/{name} by `llmcourse assign`: edit the solution, not this file.\n"


class MarkerError(ValueError):
    """Solution markers that do not pair up."""


def strip(text: str, name: str) -> str:
    """The exercise text for a solution: regions become a stub, `x = value  # SOLUTION` becomes `x = ...`,
    and a note between `# BEGIN SOLUTION NOTE` and `# END SOLUTION NOTE` is left out."""
    out: list[str] = []
    indent: str | None = None
    note: int | None = None
    start = 0
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        if note is not None:
            if NOTE_END.match(line):
                note = None
            elif NOTE_BEGIN.match(line) or BEGIN.match(line) or END.match(line):
                raise MarkerError(f"{name}:{number}: a solution marker inside the note opened at line {note}")
            continue
        if NOTE_END.match(line):
            raise MarkerError(f"{name}:{number}: END SOLUTION NOTE without a BEGIN SOLUTION NOTE")
        if NOTE_BEGIN.match(line):
            if indent is not None:
                raise MarkerError(f"{name}:{number}: BEGIN SOLUTION NOTE inside the region opened at line {start}")
            note = number
            continue
        if indent is not None:
            if BEGIN.match(line):
                raise MarkerError(f"{name}:{number}: BEGIN SOLUTION inside the region opened at line {start}")
            if END.match(line):
                out.append(f"{indent}# TODO: your code here\n{indent}raise NotImplementedError\n")
                indent = None
            continue
        if m := BEGIN.match(line):
            indent, start = m.group(1), number
            continue
        if END.match(line):
            raise MarkerError(f"{name}:{number}: END SOLUTION without a BEGIN SOLUTION")
        if m := INLINE.match(line):
            out.append(f"{m.group(1)}{m.group(2)} ...  # TODO: your value\n")
            continue
        out.append(line)
    if indent is not None:
        raise MarkerError(f"{name}:{start}: BEGIN SOLUTION is never closed")
    if note is not None:
        raise MarkerError(f"{name}:{note}: BEGIN SOLUTION NOTE is never closed")
    return _with_notice("".join(out), name)


def _with_notice(text: str, name: str) -> str:
    """Put the 'generated' notice after the jupytext header, where a reader of the file sees it first."""
    notice = NOTICE.format(name=name)
    if text.startswith("# ---\n"):
        end = text.find("\n# ---\n", 5)
        if end != -1:
            cut = end + len("\n# ---\n")
            return text[:cut] + "\n" + notice + text[cut:]
    return notice + text


def without_notice(text: str) -> str:
    """The exercise text as a learner's copy: the 'do not edit' notice is not for them."""
    # the blank line after it goes too, or jupytext opens the notebook with an empty code cell
    return re.sub(r"^# Generated from solutions/.*\n\n?", "", text, count=1, flags=re.M)
