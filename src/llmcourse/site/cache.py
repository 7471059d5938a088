"""Executed lessons cached by a hash of everything that can change their outputs."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import nbformat

from .. import paths

PACKAGE = Path(__file__).resolve().parent.parent


@cache
def package_digest() -> str:
    """A hash of the course package (code, data, graders): a change there re-executes every lesson."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(PACKAGE)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def key(source: Path) -> str:
    """The cache key of one notebook: its path in the checkout, its text, and the package digest."""
    relative = source.resolve().relative_to(paths.root())
    material = f"{relative}\n{package_digest()}\n".encode() + source.read_bytes()
    return hashlib.sha256(material).hexdigest()[:24]


def folder() -> Path:
    path = paths.root() / ".cache" / "executed"
    path.mkdir(parents=True, exist_ok=True)
    return path


def get(source: Path) -> nbformat.NotebookNode | None:
    path = folder() / f"{source.stem}-{key(source)}.ipynb"
    return nbformat.read(path, as_version=4) if path.exists() else None


def put(source: Path, nb: nbformat.NotebookNode) -> None:
    """Store atomically, and drop older executions of the same notebook."""
    name = f"{source.stem}-{key(source)}.ipynb"
    for old in folder().glob(f"{source.stem}-*.ipynb"):
        if old.name != name and len(old.stem) == len(source.stem) + 25:
            old.unlink(missing_ok=True)
    tmp = folder() / f".{name}.tmp"
    nbformat.write(nb, tmp)
    tmp.replace(folder() / name)
