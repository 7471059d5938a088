"""Sources by key: lessons cite `[@key]` in their prose, references.bib says what each key is.

The site turns each citation into a short "(Author et al., YEAR)" link to the References page, ends
every lesson page with the sources it cites, and builds the References page itself. Only markdown
cells are read, and code inside them is left alone, so a model's output can never become a citation.

Syntax (pandoc's, a subset): `[@key]`, `[@key, Table 2]` (a locator after a comma), `[@a; @b]`, and
`[-@key]` for the year alone after a sentence that already names the authors.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import nbformat

from .. import paths
from ..errors import CourseError

BIB_NAME = "references.bib"
PAGE = "references.md"

KEY = r"[A-Za-z0-9_][A-Za-z0-9_:.\-]*[A-Za-z0-9_]|[A-Za-z0-9_]"
# a bracket whose text starts with @ or -@ and is not a Markdown link's text
GROUP = re.compile(r"\[(?P<body>-?@[^\[\]\n]*)\](?![(\[])")
ITEM = re.compile(rf"^\s*(?P<bare>-?)@(?P<key>{KEY})\s*(?:,\s*(?P<locator>[^;]*?))?\s*$")
# fenced blocks and inline code spans (which, as in Markdown, end at a blank line): citations inside
# them are text, not citations
CODE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})[^\n]*\n.*?^[ \t]*(?P=fence)[ \t]*$"
                  r"|(?<!`)(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`)", re.M | re.S)


@dataclass(frozen=True)
class Source:
    key: str
    label: str      # "Rajpurkar et al., 2018": what a citation shows
    authors: str    # "Rajpurkar, P., Jia, R. & Liang, P.": what the reference list shows
    year: str
    title: str
    venue: str
    url: str
    read: str       # the version or date a figure was read from, when it can change
    note: str = ""  # what else a reader checking the source should know
    figures: str = ""  # what the lessons quote from it, so a reader knows what to look for


def _text(latex: str) -> str:
    from pybtex.richtext import Text
    # a bare % starts a LaTeX comment, which would cut "51.5% of sentences" short
    return " ".join(Text.from_latex(re.sub(r"(?<!\\)%", r"\\%", latex)).render_as("text").split())


def _names(entry) -> tuple[list[str], list[str]]:
    """(surnames, names as 'Surname, I.') of the authors, or of the publisher when there is none."""
    people = entry.persons.get("author", [])
    surnames, full = [], []
    for person in people:
        last = _text(" ".join(person.prelast_names + person.last_names))
        initials = " ".join(f"{_text(n)[0]}." for n in person.first_names + person.middle_names if _text(n))
        surnames.append(last)
        full.append(f"{last}, {initials}" if initials else last)
    if not people and "publisher" in entry.fields:
        name = _text(entry.fields["publisher"])
        return [name], [name]
    return surnames, full


def _join(names: list[str], others: bool) -> str:
    if others:
        return ", ".join(names) + " et al."
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " & " + names[-1]


def load(path: Path | None = None) -> dict[str, Source]:
    """Every entry of the course's bibliography, with labels made unique (2024a, 2024b) where needed."""
    from pybtex.database import parse_file
    from pybtex.scanner import PybtexError

    path = path or paths.root() / BIB_NAME
    try:
        data = parse_file(str(path), bib_format="bibtex")
    except (OSError, ValueError, PybtexError) as exc:  # missing, not UTF-8, or not BibTeX
        raise CourseError(f"cannot read the bibliography {path.name}: {exc}",
                          f"fix {path.name}; every entry needs a key, an author or publisher, a title and a url")
    drafts = {}
    for key, entry in data.entries.items():
        missing = [f for f in ("title", "url") if f not in entry.fields]
        surnames, full = _names(entry)
        if not surnames:
            missing.append("author or publisher")
        if missing:
            raise CourseError(f"{path.name}: entry {key!r} has no {', '.join(missing)}",
                              f"add the missing field(s) to {key!r} in {path.name}")
        others = any(str(p) == "others" for p in entry.persons.get("author", []))  # "and others" in BibTeX
        shown = [s for s in surnames if s != "others"]
        year = entry.fields.get("year", "n.d.")
        short = shown[0] if len(shown) == 1 and not others else (
            f"{shown[0]} & {shown[1]}" if len(shown) == 2 and not others else f"{shown[0]} et al.")
        venue = next((_text(entry.fields[f]) for f in ("journal", "booktitle", "howpublished")
                      if f in entry.fields), "")
        read = "; ".join(_text(entry.fields[f]) for f in ("version", "urldate") if f in entry.fields)
        drafts[key] = dict(key=key, short=short, year=year,
                           authors=_join([n for n in full if n != "others"], others),
                           title=_text(entry.fields["title"]), venue=venue,
                           url=entry.fields["url"].strip(), read=read, note=_text(entry.fields.get("note", "")),
                           figures=_text(entry.fields.get("figures", "")))
    # two sources with the same author and year get a and b, in key order, as author-year styles do
    by_label: dict[str, list[str]] = {}
    for key, d in sorted(drafts.items()):
        by_label.setdefault(f"{d['short']}, {d['year']}", []).append(key)
    sources = {}
    for label, keys in by_label.items():
        for i, key in enumerate(keys):
            d = drafts[key]
            year = d["year"] + ("" if len(keys) == 1 else ("-" if d["year"] == "n.d." else "") + chr(ord("a") + i))
            sources[key] = Source(key=key, label=f"{d['short']}, {year}", authors=d["authors"], year=year,
                                  title=d["title"], venue=d["venue"], url=d["url"], read=d["read"],
                                  note=d["note"], figures=d["figures"])
    return dict(sorted(sources.items()))


def _md(text: str) -> str:
    """Text from the bibliography shown as itself: no HTML, no Markdown emphasis, no stray links."""
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]{}])", r"\\\1", text)


def prose(text: str) -> str:
    """`text` with code spans and fenced blocks blanked out: the part where citations and links count."""
    return CODE.sub(lambda code: " " * len(code.group(0)), text)


def page_link(key: str) -> str:
    return f"../{PAGE}#{key}"


def _render_group(body: str, sources: dict[str, Source], where: str, link: Callable[[str], str],
                  cited: list[str]) -> str | None:
    parts = []
    for raw in body.split(";"):
        item = ITEM.match(raw)
        if item is None:
            return None  # not a citation after all, e.g. "[@ someone]": leave the text as written
        key = item["key"]
        if key not in sources:
            raise CourseError(f"{where} cites [@{key}], which is not in {BIB_NAME}",
                              f"add an entry with key {key!r} to {BIB_NAME}, or fix the key")
        source = sources[key]
        shown = source.year if item["bare"] else source.label
        text = f"[{_md(shown)}]({link(key)})"
        if item["locator"]:
            text += f", {item['locator']}"
        parts.append(text)
        if key not in cited:
            cited.append(key)
    return "(" + "; ".join(parts) + ")"


def render(text: str, sources: dict[str, Source], where: str,
           link: Callable[[str], str] = page_link) -> tuple[str, list[str]]:
    """Markdown with every citation outside code replaced by its link; and the keys, in order of first use.

    An unknown key raises CourseError naming `where` (the lesson) and the key.
    """
    cited: list[str] = []

    def cite(match: re.Match) -> str:
        rendered = _render_group(match["body"], sources, where, link, cited)
        return match.group(0) if rendered is None else rendered

    out, last = [], 0
    for code in CODE.finditer(text):
        out.append(GROUP.sub(cite, text[last:code.start()]))
        out.append(code.group(0))
        last = code.end()
    out.append(GROUP.sub(cite, text[last:]))
    return "".join(out), cited


@dataclass
class Cited:
    notebook: nbformat.NotebookNode
    keys: list[str]


def cite(nb: nbformat.NotebookNode, where: str, sources: dict[str, Source],
         link: Callable[[str], str] = page_link) -> Cited:
    """A copy of `nb` with citations rendered in its markdown cells; code cells and outputs are untouched."""
    nb = copy.deepcopy(nb)
    keys: list[str] = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source, found = render(cell.source, sources, where, link)
            keys += [k for k in found if k not in keys]
    return Cited(nb, keys)


def for_download(nb: nbformat.NotebookNode, sources: dict[str, Source]) -> nbformat.NotebookNode:
    """The notebook a reader downloads: citations link straight to the source, as there is no References page."""
    return cite(nb, "a downloaded notebook", sources, link=lambda key: sources[key].url).notebook


def reference(source: Source, quoted: bool = False) -> str:
    """One entry of a reference list, in Markdown; `quoted` adds what the lessons take from it."""
    def sentence(part: str) -> str:  # a title ending in "?" gets no second full stop
        return part if part.endswith(("?", "!", ".")) else part + "."

    text = f"{_md(source.authors)} ({_md(source.year)}). {sentence(_md(source.title))}"
    if source.venue:
        text += f" *{sentence(_md(source.venue))}*"
    text += f" <{source.url}>"
    if source.read:
        text += f" Read: {sentence(_md(source.read))}"
    if source.note:
        text += f" Note: {sentence(_md(source.note))}"
    if quoted and source.figures:
        text += f" Quoted in the lessons: {sentence(_md(source.figures))}"
    return text


def sources_section(keys: list[str], sources: dict[str, Source]) -> str:
    """The list a lesson page ends with: what it cites, in order of first citation."""
    if not keys:
        return ""
    items = "\n".join(f"- {reference(sources[k])} [:material-bookmark-outline:]({page_link(k)})"
                      for k in keys)
    return f"\n\n## Sources\n\n{items}\n"


def references_page(sources: dict[str, Source], report_url: str = "https://applied-llms.org/") -> str:
    """Every entry, in label order, each anchored by its key so a citation can link to it."""
    entries = sorted(sources.values(), key=lambda s: (s.label.lower(), s.key))
    body = "\n\n".join(f"{reference(s, quoted=True)}\n{{ #{s.key} }}" for s in entries)
    return f"""# References

Every source the lessons cite, once. A lesson cites a source by its key (`[@key]`), and the
course's bibliography, `{BIB_NAME}` in the course folder, says what the key is. Where a figure
depends on the version of a paper or on the day a page was read, the entry says which.
The course follows the report [*What We've Learned From A Year of Building with LLMs*]({report_url});
each lesson links its own section of it.

{body}
"""
