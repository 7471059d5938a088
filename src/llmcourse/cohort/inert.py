"""Learner-controlled text made inert: shown as written in Markdown reports and spreadsheets, never obeyed.

Names, file names, exception messages and returned values all come from learners. In a report they must
read as text: no HTML, no links or images, no new table rows or headings, no spreadsheet formulas.
"""

from __future__ import annotations

import html
import re
import unicodedata

NEWLINE = " ⏎ "  # a line break in learner text is shown, never obeyed
# what Python-Markdown (and its tables and attr_list extensions) would act on inside a line
_MARKUP = re.compile(r"([\\`*_\[\]{}|#!])")
_LINE_BREAKS = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85")
_LINE_START = re.compile(r"^(\s*\d*)([-+>.)])")
# OWASP CSV injection: a spreadsheet evaluates a cell that starts with one of these
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _visible(text: str) -> str:
    """Line breaks shown as ⏎, other control characters as their escape, so nothing reshapes the page."""
    text = _LINE_BREAKS.sub(NEWLINE, str(text))
    return "".join(ch if unicodedata.category(ch) not in ("Cc", "Cf") else f"\\x{ord(ch):02x}"
                   if ord(ch) < 256 else f"\\u{ord(ch):04x}" for ch in text)


def text(value: str) -> str:
    """`value` as plain Markdown prose: HTML escaped, Markdown punctuation backslash-escaped, one line that
    cannot start a list or a quote even where it begins a line."""
    out = _MARKUP.sub(r"\\\1", html.escape(_visible(value), quote=False))
    return _LINE_START.sub(r"\1\\\2", out)


def code(value: str) -> str:
    """`value` as a code span whose fence is longer than any backtick run inside it, on one line."""
    value = _visible(value)
    if not value:
        return "(empty)"
    fence = "`" * (max((len(run) for run in re.findall(r"`+", value)), default=0) + 1)
    pad = " " if value[0] in "` " or value[-1] in "` " else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def cell(value):
    """A CSV cell a spreadsheet shows as text: strings starting like a formula get a leading quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
