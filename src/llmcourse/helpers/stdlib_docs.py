"""An offline retrieval corpus: one document per public function, class or method of common stdlib modules.

Defined for the lesson `rag_keyword_search`.
"""

from __future__ import annotations

import importlib
import inspect
import re
from functools import lru_cache
from typing import NamedTuple

MODULES = (
    "os", "os.path", "shutil", "glob", "tempfile", "json", "csv", "re", "string", "textwrap",
    "itertools", "functools", "collections", "heapq", "bisect", "math", "statistics", "random",
    "datetime", "time", "pathlib", "subprocess", "gzip", "zipfile", "zlib", "base64", "hashlib",
    "urllib.parse", "logging", "argparse",
)


class Doc(NamedTuple):
    """One document: `id` is the dotted name a user would type, `text` what a retriever indexes."""

    id: str
    module: str
    kind: str
    text: str


@lru_cache(maxsize=1)
def load() -> tuple[Doc, ...]:
    """All documents, sorted by id; built from the running interpreter's docstrings (labels assume 3.11)."""
    docs: dict[str, Doc] = {}
    seen: set[int] = set()
    for name in MODULES:
        module = importlib.import_module(name)
        for attr in _public_names(module):
            obj = getattr(module, attr, None)
            if id(obj) in seen or not _belongs(obj, module):
                continue
            seen.add(id(obj))
            _add(docs, f"{name}.{attr}", name, obj)
            if inspect.isclass(obj):
                for member, raw in _members(obj):
                    _add(docs, f"{name}.{attr}.{member}", name, getattr(obj, member, None), raw=raw)
    return tuple(docs[key] for key in sorted(docs))


def _public_names(module) -> list[str]:
    """Public names, an alias after its canonical name (bisect.bisect_right before bisect.bisect)."""
    names = getattr(module, "__all__", None)
    names = sorted(set(names if names is not None else (n for n in dir(module) if not n.startswith("_"))))
    return sorted(names, key=lambda n: getattr(getattr(module, n, None), "__name__", None) != n)


def _members(cls) -> list[tuple[str, object]]:
    """Public members defined by the class itself or by a private base (argparse's _ActionsContainer)."""
    found = {}
    for base in reversed(cls.__mro__):
        if base is cls or (base.__name__.startswith("_") and base.__module__ == cls.__module__):
            found.update((k, v) for k, v in vars(base).items() if not k.startswith("_"))
    return sorted(found.items())


def _belongs(obj, module) -> bool:
    """Functions and classes of this module (or its C accelerator), not re-exported builtins."""
    if not (inspect.isroutine(obj) or inspect.isclass(obj)):
        return False
    home = getattr(obj, "__module__", None) or ""
    if home == "builtins":
        return False
    if hasattr(module, "__all__"):  # the module declares its public API, re-exports included
        return True
    real = module.__name__  # os.path is posixpath; bisect's functions live in _bisect
    return home.lstrip("_").startswith(real)


def _add(docs: dict[str, Doc], doc_id: str, module: str, obj, raw=None) -> None:
    raw = obj if raw is None else raw
    if isinstance(raw, property):
        kind, target = "property", raw.fget
    elif inspect.isclass(obj):
        kind, target = "class", obj
    elif inspect.isroutine(obj):
        kind, target = ("method" if doc_id.count(".") > module.count(".") + 1 else "function"), obj
    else:
        return
    # the object's own docstring only: inspect.getdoc would copy a base class's text onto overrides
    summary = _summary(getattr(target, "__doc__", None), doc_id.rsplit(".", 1)[-1])
    if summary:
        docs[doc_id] = Doc(doc_id, module, kind, f"{doc_id}{_signature(obj, kind)}\n{summary}")


def _summary(doc: str | None, short_name: str) -> str:
    """The first paragraph of a docstring, skipping a leading call signature written into the text."""
    if not isinstance(doc, str) or not doc.strip():
        return ""
    paragraphs = [p for p in re.split(r"\n\s*\n", inspect.cleandoc(doc)) if p.strip()]
    if len(paragraphs) > 1 and re.match(rf"{re.escape(short_name)}\s*\(", paragraphs[0]):
        paragraphs = paragraphs[1:]
    return " ".join(paragraphs[0].split())


def _signature(obj, kind: str) -> str:
    if kind == "property":
        return ""
    try:
        # default values that are functions print with their memory address: drop it, so runs agree
        return re.sub(r" at 0x[0-9a-f]+", "", str(inspect.signature(obj)))
    except (TypeError, ValueError):
        return ""
