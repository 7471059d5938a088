"""The mutator makes the mistakes it promises, one at a time, and the grading engine stops the ones that hang."""

from __future__ import annotations

import textwrap

from llmcourse.cases import Case
from llmcourse.cases.runner import run_case

from . import solution
from .mutator import mutants

TINY = textwrap.dedent('''
    def top(scores, k=2):
        """The k best names, best first, ties by name."""
        if not scores:
            raise ValueError("nothing to rank")
        ranked = sorted(scores, key=lambda name: (-scores[name], name))
        kept = []
        for name in ranked[:k]:
            if scores[name] > 0 and name != "skip":
                kept.append(name)
        return kept
''')


def _ids() -> list[str]:
    return [m.id for m in mutants(TINY)]


def _run(source: str, *args):
    return solution.define(source, {}, "top")(*args)


def test_each_kind_of_mistake_is_made():
    ids = _ids()
    expected = [
        "compare: scores[name] > 0 -> scores[name] >= 0",
        "compare: name != 'skip' -> name == 'skip'",
        "boolean: scores[name] > 0 and name != 'skip' -> scores[name] > 0 or name != 'skip'",
        "slice: ranked[:k] -> ranked[:k + 1]",
        "slice: ranked[:k] -> ranked[:k - 1]",
        "default: scores, k=2 -> scores, k=3",
        "sort key dropped: sorted(scores, key=lambda name: (-scores[name], name)) -> "
        "sorted(scores, key=lambda name: name)",
        "builtin swapped: sorted(scores, key=lambda name: (-scores[name], name)) -> list(scores)",
        "unary dropped: -scores[name] -> scores[name]",
        "branch dropped: if not scores: -> pass",
        "condition negated: if not scores: -> if scores:",
        "raise to return: raise ValueError('nothing to rank') -> return None",
        "loop once: for name in ranked[:k]:",
        "loop skips first: for name in ranked[:k]: -> for name in list(ranked[:k])[1:]:",
        "call dropped: kept.append(name) -> pass",
        "parameter ignored: ranked[:k] -> ranked[:2]",
    ]
    missing = [e for e in expected if e not in ids]
    assert not missing, f"not made: {missing}\nmade: {ids}"


def test_a_mutant_behaves_as_its_id_says():
    original = {"b": 3, "a": 3, "c": 1, "skip": 5}
    assert _run(TINY, original) == ["a"]
    by_id = {m.id: m.source for m in mutants(TINY)}
    assert _run(by_id["slice: ranked[:k] -> ranked[:k + 1]"], original) == ["a", "b"]  # 'skip' was third
    assert _run(TINY, {"a": 1, "b": 2, "c": 3}) == ["c", "b"]
    assert _run(by_id["default: scores, k=2 -> scores, k=3"], {"a": 1, "b": 2, "c": 3}) == ["c", "b", "a"]
    assert _run(TINY, {"a": 1, "b": 2}) == ["b", "a"]
    assert _run(by_id["sort key dropped: sorted(scores, key=lambda name: (-scores[name], name)) -> "
                      "sorted(scores, key=lambda name: name)"], {"a": 1, "b": 2}) == ["a", "b"]
    assert _run(by_id["raise to return: raise ValueError('nothing to rank') -> return None"], {}) is None


def test_ids_are_unique_and_the_docstring_and_error_text_are_left_alone():
    ids = _ids()
    assert len(ids) == len(set(ids))
    assert not [i for i in ids if "The k best" in i or "nothing to rankX" in i]


def test_ids_do_not_depend_on_where_the_function_sits():
    moved = "\n\n\n" + TINY.replace('"""The k best names, best first, ties by name."""',
                                     '"""Another docstring."""')
    assert [m.id for m in mutants(moved)] == _ids()


def test_a_mutant_that_never_returns_is_stopped_by_the_case_time_limit():
    looping = mutants("def f(n):\n    i = 0\n    while i < n:\n        i += 1\n    return i\n")
    hangs = next(m for m in looping if m.id == "operator: i += 1 -> i -= 1")
    result = run_case(Case("counts up", (3,), expect=3, timeout_s=0.2), solution.define(hangs.source, {}, "f"))
    assert not result.passed and "did not return within 0.2 s" in result.message
