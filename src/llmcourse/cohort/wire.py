"""Plain-data encoding of values crossing the sandbox boundary: data survives, code and objects do not."""

from __future__ import annotations

import json
from typing import Any


class Opaque:
    """A value the sandbox could not send as data; it equals nothing, so it fails every comparison."""

    def __init__(self, type_name: str, text: str):
        self.type_name, self.text = type_name, text

    def __eq__(self, other):  # noqa: D105 - an unknown object is never a right answer
        return False

    __hash__ = None

    def __repr__(self) -> str:
        return self.text


class ModelValue:
    """A pydantic model that crossed as its class name and field values. Outside the kernel the class itself
    is not there, so it equals a model of the same class name with the same `model_dump()`."""

    def __init__(self, type_name: str, fields: Any, text: str):
        self.type_name, self.fields, self.text = type_name, fields, text

    def __eq__(self, other):
        if isinstance(other, ModelValue):
            return (self.type_name, self.fields) == (other.type_name, other.fields)
        if _is_model(other):
            return type(other).__name__ == self.type_name and other.model_dump() == self.fields
        return NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return self.text


def _is_model(value: Any) -> bool:
    return hasattr(type(value), "model_fields") and callable(getattr(value, "model_dump", None))


def encode(value: Any, depth: int = 0) -> Any:
    """A JSON-able tree for `value`, tagging the types JSON cannot tell apart."""
    if depth > 50:
        return {"__opaque__": "deep", "repr": "<nested too deep>"}
    if value is None or isinstance(value, (bool, int, float, str)) and type(value) in (bool, int, float, str):
        return value
    if isinstance(value, list) and type(value) is list:
        return [encode(v, depth + 1) for v in value]
    if isinstance(value, tuple) and type(value) is tuple:
        return {"__tuple__": [encode(v, depth + 1) for v in value]}
    if isinstance(value, dict) and type(value) is dict:
        return {"__dict__": [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]}
    if type(value) in (set, frozenset):
        return {"__set__": [encode(v, depth + 1) for v in value], "frozen": type(value) is frozenset}
    if _is_model(value):  # structured-output exercises return pydantic models
        try:
            return {"__model__": type(value).__name__, "fields": encode(value.model_dump(), depth + 1),
                    "repr": repr(value)[:300]}
        except Exception:  # noqa: BLE001 - a learner's model may fail to dump; then it is opaque
            pass
    module = type(value).__module__
    if module == "numpy" and hasattr(value, "dtype"):
        if getattr(value, "ndim", 0) == 0:
            return {"__np__": str(value.dtype), "v": encode(value.item(), depth + 1)}
        return {"__ndarray__": str(value.dtype), "v": encode(value.tolist(), depth + 1)}
    try:
        text = repr(value)[:300]
    except Exception:  # noqa: BLE001 - a learner's __repr__ may raise
        text = "<unprintable>"
    return {"__opaque__": type(value).__name__, "repr": text}


def decode(tree: Any) -> Any:
    """The value `encode` described; numpy types come back as numpy types."""
    if isinstance(tree, list):
        return [decode(v) for v in tree]
    if not isinstance(tree, dict):
        return tree
    if "__tuple__" in tree:
        return tuple(decode(v) for v in tree["__tuple__"])
    if "__dict__" in tree:
        return {_hashable(decode(k)): decode(v) for k, v in tree["__dict__"]}
    if "__set__" in tree:
        items = {_hashable(decode(v)) for v in tree["__set__"]}
        return frozenset(items) if tree.get("frozen") else items
    if "__np__" in tree or "__ndarray__" in tree:
        import numpy as np
        if "__np__" in tree:
            return np.dtype(tree["__np__"]).type(decode(tree["v"]))
        return np.array(decode(tree["v"]), dtype=tree["__ndarray__"])
    if "__model__" in tree:
        return ModelValue(str(tree["__model__"]), decode(tree["fields"]), str(tree.get("repr", "")))
    if "__opaque__" in tree:
        return Opaque(str(tree["__opaque__"]), str(tree.get("repr", "")))
    raise ValueError(f"unknown tag in {sorted(tree)}")


def _hashable(value: Any) -> Any:
    return value if getattr(value, "__hash__", None) is not None else repr(value)


def dumps(value: Any) -> str:
    return json.dumps(encode(value))


def loads(text: str) -> Any:
    return decode(json.loads(text))


def plain(value: Any) -> bool:
    """Whether `value` crosses the boundary as data all the way down."""
    def walk(tree: Any) -> bool:
        if isinstance(tree, list):
            return all(walk(v) for v in tree)
        if isinstance(tree, dict):
            return "__opaque__" not in tree and "__model__" not in tree and all(walk(v) for v in tree.values())
        return True
    return walk(encode(value))
