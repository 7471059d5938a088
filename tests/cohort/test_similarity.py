"""The similarity report's shortcuts change nothing: the same pairs and scores as ratio() on every pair."""

from __future__ import annotations

import difflib
import itertools
import random

from llmcourse.cohort import similarity


def test_the_pruned_comparison_flags_exactly_what_comparing_every_pair_flags():
    rng = random.Random(3)
    words = ["v0", "v1", "v2", "(", ")", "+", "return", "for", "in", "if", "0", "1", "len", ":"]
    bases = [[rng.choice(words) for _ in range(rng.randint(30, 120))] for _ in range(3)]
    code = {}
    for i in range(60):
        tokens = list(rng.choice(bases))
        for _ in range(rng.randint(0, 25)):
            tokens[rng.randrange(len(tokens))] = rng.choice(words)
        code[f"learner{i:02d}"] = tokens
    for threshold in (0.6, 0.9):
        every = [(a, b, round(score, 3)) for a, b in itertools.combinations(sorted(code), 2)
                 if (score := difflib.SequenceMatcher(None, code[a], code[b], autojunk=False).ratio()) >= threshold]
        assert every, "the fixture should have similar pairs"
        assert sorted(similarity._similar(code, threshold)) == sorted(every)


def test_a_function_too_deep_or_odd_to_parse_is_left_out_without_stopping_anything(tmp_path):
    from pathlib import Path

    names = {"summary_failures"}
    for body in ("return " + "-" * 3000 + "1", "return " + "(" * 5000 + "1" + ")" * 5000, "return 1\x00",
                 "return [" * 400 + "]" * 400):
        source = f"# %%\ndef summary_failures(x):\n    {body}\n"
        assert similarity.functions(Path("x.py"), names, source.encode()) == {}, body[:20]
    fine = "# %%\ndef summary_failures(x):\n    return x + 1\n"
    assert similarity.functions(Path("x.py"), names, fine.encode())["summary_failures"]
