"""Turn an executed notebook into Material-flavoured Markdown, with figures as separate files."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field

import nbformat

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


@dataclass
class Page:
    markdown: str
    figures: dict[str, bytes] = field(default_factory=dict)


def _fence(text: str, lang: str = "text") -> str:
    text = ANSI.sub("", text).rstrip("\n")
    ticks = "````" if "```" in text else "```"
    return f"{ticks}{lang}\n{text}\n{ticks}\n"


# pandas' HTML puts a named index on a header row of its own, under an empty corner cell
INDEX_NAME_ROW = re.compile(r"(<thead>\s*<tr[^>]*>\s*)<th></th>((?:(?!</tr>).)*</tr>)"
                            r"\s*<tr>\s*<th>([^<]*)</th>(?:\s*<th></th>)+\s*</tr>", re.S)
CELL = re.compile(r"(<t[dh][^>]*>)(.*?)(</t[dh]>)", re.S)


def _tidy_table(html: str) -> str:
    """A DataFrame's HTML as a reader expects it: the index name in the corner cell (no extra row), and
    line breaks inside cells shown as breaks (pandas writes a newline in a cell as the two characters
    backslash and n)."""
    html = INDEX_NAME_ROW.sub(r"\1<th>\3</th>\2", html)
    return CELL.sub(lambda m: m.group(1) + m.group(2).replace("\\n", "<br>") + m.group(3), html)


def _output(out: dict, stem: str, page: Page) -> str:
    kind = out.get("output_type")
    if kind == "stream":
        return _fence(out.get("text", ""))
    if kind == "error":
        trace = "\n".join(out.get("traceback", []))
        body = "\n".join("    " + line for line in _fence(trace).splitlines())
        return f'!!! failure "{out.get("ename")}: {ANSI.sub("", out.get("evalue", ""))[:120]}"\n\n{body}\n'
    data = out.get("data", {})
    if "image/png" in data:
        name = f"{stem}-fig{len(page.figures) + 1}.png"
        page.figures[name] = base64.b64decode(data["image/png"])
        return f"![figure {len(page.figures)}]({name}){{ loading=lazy }}\n"
    if "text/markdown" in data:
        return data["text/markdown"] + "\n"
    if "text/html" in data:
        # one line of raw HTML so Markdown leaves it alone; tables get Material's table style
        html = " ".join(_tidy_table(data["text/html"]).split())
        return f'<div class="nb-output" markdown="0">{html}</div>\n'
    if "text/plain" in data:
        return _fence(data["text/plain"])
    return ""


def convert(nb: nbformat.NotebookNode, stem: str) -> Page:
    """Markdown cells as they are, code as highlighted blocks, outputs below them."""
    page = Page("")
    chunks = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            chunks.append(cell.source.strip() + "\n")
        elif cell.cell_type == "code" and cell.source.strip():
            if "hide-input" not in cell.metadata.get("tags", []):
                chunks.append(_fence(cell.source, "python"))
            for out in cell.get("outputs", []):
                chunks.append(_output(out, stem, page))
    page.markdown = "\n".join(c for c in chunks if c)
    return page
