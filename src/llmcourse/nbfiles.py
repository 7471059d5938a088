"""Read notebooks from jupytext .py or .ipynb files and write reproducible .ipynb files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jupytext
import nbformat

from .errors import CourseError


def read(path: Path, text: str | None = None) -> nbformat.NotebookNode:
    """A notebook from a .py (jupytext percent) or .ipynb file; an unreadable file is a clear error."""
    path = Path(path)
    try:
        if text is None:
            raw = path.read_bytes()
            text = raw.decode("utf-8")
        if path.suffix == ".ipynb":
            nb = nbformat.reads(text, as_version=4)
        else:
            nb = jupytext.reads(text, fmt="py:percent")
    except UnicodeDecodeError as exc:
        raise CourseError(f"{path} is not UTF-8 text (byte {exc.start} is {exc.object[exc.start:exc.start + 1]!r}).",
                          "save the file as UTF-8 in your editor; nothing was changed") from exc
    except (json.JSONDecodeError, nbformat.reader.NotJSONError) as exc:
        raise CourseError(f"{path} is not a valid notebook: {exc}.",
                          "open it in Jupyter and save again, or start over from a fresh copy: "
                          f"llmcourse open {path.stem} --fresh (yours is kept as a .bak)") from exc
    except Exception as exc:  # noqa: BLE001 - nbformat and jupytext raise many kinds
        raise CourseError(f"{path} could not be read as a notebook: {exc}",
                          f"llmcourse open {path.stem} --fresh   # a new copy; yours is kept as a .bak") from exc
    return stabilise(nb)


def stabilise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Cell ids from the cell's position and text, and no jupytext pairing metadata, so output is reproducible."""
    nb.metadata.pop("jupytext", None)
    nb.metadata.setdefault("kernelspec", {"name": "python3", "display_name": "Python 3", "language": "python"})
    for index, cell in enumerate(nb.cells):
        cell.id = hashlib.sha1(f"{index}:{cell.source}".encode()).hexdigest()[:12]
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


def to_ipynb_text(nb: nbformat.NotebookNode) -> str:
    return nbformat.writes(nb, version=4)


def write_ipynb(source: Path, target: Path, transform=None) -> Path:
    """Write `target` (.ipynb) from a .py notebook, optionally transforming its text first."""
    text = source.read_text(encoding="utf-8")
    if transform:
        text = transform(text)
    nb = read(source, text)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(to_ipynb_text(nb), encoding="utf-8")
    return target
