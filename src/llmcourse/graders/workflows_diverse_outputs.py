"""Grader for workflows_diverse_outputs: a reject-and-resample sampler and a diversity report."""

import math

from llmcourse.cases import Case


def _scripted(answers):
    """A fresh stand-in model that returns `answers` in order and records each avoid list it was given."""
    seen = []

    def generate(avoid):
        seen.append(list(avoid))
        if len(seen) > len(answers):
            raise AssertionError(f"generate was called {len(seen)} times; this case expects at most {len(answers)}")
        return answers[len(seen) - 1]
    return generate


def _expects_avoid(window, n):
    """A stand-in that returns o1, o2, ... and fails loudly when an avoid list is not the last `window` outputs."""
    calls = []

    def generate(avoid):
        calls.append(1)
        k = len(calls)
        wanted = [f"o{i}" for i in range(max(1, k - window), k)] if window else []
        if list(avoid) != wanted:
            raise AssertionError(f"call {k} got avoid={list(avoid)!r}, expected {wanted!r}")
        return f"o{k}"
    return generate


def _never_called(avoid):
    raise AssertionError("generate was called, but n = 0 needs no output")


def sample_avoiding_recent():
    return [
        Case("no repeats: every first candidate is kept",
             lambda: (_scripted(["tent", "stove", "map"]), 3), expect=["tent", "stove", "map"]),
        Case("a repeat of the last output is resampled",
             lambda: (_scripted(["tent", "tent", "stove"]), 2), expect=["tent", "stove"],
             why="'tent' was just accepted, so the second 'tent' is rejected and generate is called again."),
        Case("repeats are compared after strip() and casefold()",
             lambda: (_scripted(["Tent", " tent ", "TENT", "stove"]), 2), expect=["Tent", "stove"],
             why="' tent ' and 'TENT' are the same output as 'Tent': normalise both sides before comparing."),
        Case("accepted outputs are returned as generated",
             lambda: (_scripted([" Tent\n", "Stove "]), 2), expect=[" Tent\n", "Stove "],
             why="Normalise only to compare; return what generate returned."),
        Case("the recent list is the last `window` outputs, oldest first",
             lambda: (_expects_avoid(2, 5), 5), kwargs={"window": 2}, expect=["o1", "o2", "o3", "o4", "o5"],
             why="Pass generate the last `window` accepted outputs in the order they were accepted, and "
                 "fewer at the start, when fewer exist."),
        Case("the default window passes the last three",
             lambda: (_expects_avoid(3, 5), 5), expect=["o1", "o2", "o3", "o4", "o5"],
             why="With the default window of 3, the fifth call sees ['o2', 'o3', 'o4']."),
        Case("an output older than the window may come back",
             lambda: (_scripted(["tent", "stove", "tent"]), 3), kwargs={"window": 1},
             expect=["tent", "stove", "tent"],
             why="With window=1 only the last output is avoided; 'tent' is two outputs back, so it is allowed."),
        Case("the default window is 3",
             lambda: (_scripted(["a", "b", "c", "a", "d", "a"]), 5), expect=["a", "b", "c", "d", "a"],
             why="With the default window of 3, 'a' is rejected while it is among the last three outputs, "
                 "and allowed once it has dropped out of them."),
        Case("window = 0 avoids nothing",
             lambda: (_scripted(["tent", "tent", "tent"]), 3), kwargs={"window": 0},
             expect=["tent", "tent", "tent"],
             why="A window of 0 means an empty recent list: nothing is rejected (and `accepted[-0:]` is the "
                 "whole list, not an empty one)."),
        Case("after max_tries the last candidate is accepted",
             lambda: (_scripted(["tent", "tent", "Tent", "TENT", "stove"]), 3), kwargs={"max_tries": 2},
             expect=["tent", "Tent", "stove"],
             why="The second output gets two tries ('tent', 'Tent'), both repeats: keep the last one and move on. "
                 "The third output then avoids 'Tent' and gets 'TENT' rejected before 'stove'."),
        Case("max_tries = 1 never resamples",
             lambda: (_scripted(["tent", "tent", "tent"]), 3), kwargs={"max_tries": 1},
             expect=["tent", "tent", "tent"],
             why="One try per output: every first candidate is kept."),
        Case("the default max_tries is 5",
             lambda: (_scripted(["x", "x", "x", "x", "x", "x", "y"]), 3), kwargs={"window": 1},
             expect=["x", "x", "y"],
             why="The second output is resampled four times and the fifth 'x' is accepted; the third output then "
                 "rejects one 'x' and keeps 'y'."),
        Case("n = 0 returns an empty list without a call", (_never_called, 0), expect=[]),
        Case("a negative n raises ValueError", (_never_called, -1), raises=ValueError),
        Case("a negative window raises ValueError", (_never_called, 2), kwargs={"window": -1}, raises=ValueError),
        Case("max_tries = 0 raises ValueError", (_never_called, 2), kwargs={"max_tries": 0}, raises=ValueError,
             why="With no try allowed there is no candidate to accept."),
    ]


def _h(*counts):
    total = sum(counts)
    return -sum(c / total * math.log2(c / total) for c in counts)


CATALOG = ["Tent", "Stove", "Map", "Compass", "Rope", "Lantern"]


def _is_dict_of_four(got):
    if not isinstance(got, dict) or set(got) != {"distinct", "coverage", "entropy_bits", "off_catalog"}:
        return "return a dict with exactly the keys distinct, coverage, entropy_bits and off_catalog"
    if type(got["distinct"]) is not int:
        return f"distinct should be an int, got {type(got['distinct']).__name__}"
    return None


def diversity_report():
    return [
        Case("the example from the text",
             (["tent", "tent", "stove"], CATALOG),
             expect={"distinct": 2, "coverage": 2 / 6, "entropy_bits": _h(2, 1), "off_catalog": 0.0}, tol=1e-9,
             why="Count repeats when you compute the shares: 2/3 tent and 1/3 stove give about 0.918 bits."),
        Case("a dict with the four keys", (["tent"], CATALOG), check=_is_dict_of_four),
        Case("one output repeated: no spread at all",
             (["Map"] * 5, CATALOG),
             expect={"distinct": 1, "coverage": 1 / 6, "entropy_bits": 0.0, "off_catalog": 0.0}, tol=1e-9,
             why="A single item has entropy 0 bits, however often it is repeated."),
        Case("every item once: full coverage, log2(6) bits",
             (["tent", "stove", "map", "compass", "rope", "lantern"], CATALOG),
             expect={"distinct": 6, "coverage": 1.0, "entropy_bits": math.log2(6), "off_catalog": 0.0}, tol=1e-9),
        Case("outputs match the catalog after strip() and casefold()",
             ([" TENT", "tent\n", "Stove"], CATALOG),
             expect={"distinct": 2, "coverage": 2 / 6, "entropy_bits": _h(2, 1), "off_catalog": 0.0}, tol=1e-9,
             why="' TENT' and 'tent\\n' are the catalog's 'Tent': normalise outputs and catalog the same way."),
        Case("off-catalog outputs count as distinct but not in the entropy",
             (["tent", "stove", "hammock", "Hammock", "tent", "stove"], CATALOG),
             expect={"distinct": 3, "coverage": 2 / 6, "entropy_bits": 1.0, "off_catalog": 2 / 6}, tol=1e-9,
             why="'hammock' is not in the catalog: it is one of 3 distinct outputs and 2 of the 6 are off-catalog, "
                 "but the entropy spreads over the 4 on-catalog outputs only (2 tent, 2 stove: 1 bit)."),
        Case("no partial matches",
             (["a tent", "tent", "Stove, please"], CATALOG),
             expect={"distinct": 3, "coverage": 1 / 6, "entropy_bits": 0.0, "off_catalog": 2 / 3}, tol=1e-9,
             why="Only an output equal to a catalog item (after strip and casefold) is on the catalog; 'a tent' "
                 "and 'Stove, please' are not."),
        Case("nothing on the catalog",
             (["hammock", "kayak"], CATALOG),
             expect={"distinct": 2, "coverage": 0.0, "entropy_bits": 0.0, "off_catalog": 1.0}, tol=1e-9,
             why="With no on-catalog output the entropy is 0.0, not a division by zero."),
        Case("a catalog item listed twice counts once",
             (["tent", "map"], ["Tent", "tent ", "Map", "Rope"]),
             expect={"distinct": 2, "coverage": 2 / 3, "entropy_bits": 1.0, "off_catalog": 0.0}, tol=1e-9,
             why="The catalog has three items once normalised: 'Tent' and 'tent ' are one."),
        Case("an uneven spread",
             (["tent"] * 5 + ["stove"] * 3 + ["map", "rope"], CATALOG),
             expect={"distinct": 4, "coverage": 4 / 6, "entropy_bits": _h(5, 3, 1, 1), "off_catalog": 0.0}, tol=1e-9),
        Case("the order of the outputs does not matter",
             (["rope", "map", "tent", "rope", "rope", "tent", "kayak"], CATALOG),
             expect={"distinct": 4, "coverage": 3 / 6, "entropy_bits": _h(3, 2, 1), "off_catalog": 1 / 7},
             tol=1e-9),
        Case("no outputs raise ValueError", ([], CATALOG), raises=ValueError,
             why="Shares of nothing are undefined; do not return zeros."),
        Case("an empty catalog raises ValueError", (["tent"], []), raises=ValueError,
             why="Coverage of an empty catalog would divide by zero."),
    ]
