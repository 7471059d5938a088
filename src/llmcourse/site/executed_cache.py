"""Executed notebooks cached by a key made of what can change their outputs, and nothing else.

A notebook's key covers its own text, the data folders it names, its recording, and the source of
every course module it imports (followed through their own imports). Fixing one grader or one lesson
helper re-executes only the notebooks that import it.
"""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

import nbformat

from .. import nbfiles, paths
from ..atomic import write_text
from ..llm import recording

PACKAGE = Path(__file__).resolve().parent.parent
SALT = "2"  # bump to re-execute everything (a change in how pages are made, say)


def _module_file(name: str) -> Path | None:
    """The source file of a course module by dotted name, or None for anything outside the package."""
    parts = name.split(".")
    if parts[0] != "llmcourse":
        return None
    base = PACKAGE.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    """Dotted names of the modules a source imports, relative imports resolved against `module`."""
    found = set()
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # `from pkg import module`
    return found


# Subpackages that load their modules on first use, which no import statement shows: they count whole. Any
# other package counts by the modules named in imports, so a lesson importing one helper does not depend
# on every helper (and, through the code jail's use of the cohort sandbox, on every grader).
LAZY_PACKAGES = {"llmcourse.llm"}


def course_modules(source: str) -> list[Path]:
    """The files of every course module that `source` imports, directly or through other course modules.

    A lazy subpackage (LAZY_PACKAGES) counts whole.
    """
    seen: dict[str, Path] = {}
    todo = list(_imports(ast.parse(source), "__main__", False))
    while todo:
        name = todo.pop()
        parts = name.split(".")
        # importing a.b.c runs a/__init__ and a/b/__init__ too
        for prefix in (".".join(parts[:depth]) for depth in range(1, len(parts) + 1)):
            file = _module_file(prefix)
            if file is None or prefix in seen:
                continue
            seen[prefix] = file
            todo += _imports(ast.parse(file.read_text(encoding="utf-8")), prefix, file.name == "__init__.py")
            if file.name == "__init__.py" and prefix in LAZY_PACKAGES:
                todo += [f"{prefix}.{m.stem}" for m in file.parent.glob("*.py") if m.stem != "__init__"]
    return sorted(set(seen.values()))


def _data_folders(source: str) -> list[Path]:
    data = PACKAGE / "data"
    return sorted(p for p in data.iterdir() if p.is_dir() and f'"{p.name}"' in source) if data.is_dir() else []


def inputs(source: Path) -> list[Path]:
    """Every file whose change can change the executed notebook."""
    code = "\n".join(c.source for c in nbfiles.read(source).cells if c.cell_type == "code")
    # magics and shell escapes are not Python; they import nothing from the course
    code = "\n".join(line for line in code.splitlines() if not line.lstrip().startswith(("%", "!")))
    files = [source, *course_modules(code)]
    for folder in _data_folders(source.read_text(encoding="utf-8")):
        files += sorted(f for f in folder.rglob("*") if f.is_file())
    if (recorded := recording.file_for(source)).exists():
        files.append(recorded)
    return files


def key(source: Path) -> str:
    """The cache key of one notebook: its place in the checkout and the bytes of everything it depends on."""
    root = paths.root()
    digest = hashlib.sha256(f"{SALT}\n{source.resolve().relative_to(root)}\n".encode())
    for file in inputs(source):
        where = file.resolve()
        # package files by their place in the package, so an installed course keys like a checkout
        label = where.relative_to(PACKAGE.parent) if where.is_relative_to(PACKAGE) else where.relative_to(root)
        digest.update(f"{label}\n".encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:24]


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
    write_text(folder() / name, nbformat.writes(nb))
