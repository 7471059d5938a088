"""Cases for team_always_experimenting: a paired bootstrap interval for a prompt A/B and its decision."""

from __future__ import annotations

import numpy as np

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {
    "paired_bootstrap": {
        "parameter ignored: {confidence} -> {0.95}":
            "changes only the text of the ValueError's message, which the cases do not read",
        "parameter ignored: {n_resamples} -> {2000}":
            "changes only the text of the ValueError's message, which the cases do not read",
        "keyword dropped: np.asarray(scores_b, dtype=float) -> np.asarray(scores_b)":
            "the other operand is still a float array, so b - a is float whatever b's dtype (ints or bools)",
        "keyword dropped: np.asarray(scores_a, dtype=float) -> np.asarray(scores_a)":
            "the other operand is still a float array, so b - a is float whatever a's dtype (ints or bools)",
    },
}


def _reference(a, b, n_resamples=2000, confidence=0.95, seed=0) -> dict:
    """The answer computed with the convention the exercise states."""
    d = np.asarray(b, dtype=float) - np.asarray(a, dtype=float)
    rng = np.random.default_rng(seed)
    stats = d[rng.integers(0, len(d), size=(n_resamples, len(d)))].mean(axis=1)
    low, high = np.percentile(stats, [100 * (1 - confidence) / 2, 100 * (1 + confidence) / 2])
    decision = "B" if low > 0 else "A" if high < 0 else "inconclusive"
    return {"difference": float(d.mean()), "low": float(low), "high": float(high), "decision": decision}


# 40 items: B right on 6 that A misses, wrong on 2 that A gets (lead of 0.1, interval contains 0)
_A40 = [1] * 20 + [0] * 20
_B40 = [1] * 18 + [0] * 2 + [1] * 6 + [0] * 14
# a clear win for B: 60 items, B wins 14, loses 2
_A60 = [1] * 30 + [0] * 30
_B60 = [1] * 28 + [0] * 2 + [1] * 14 + [0] * 16
# ratings on a 1-5 scale, A better
_RA = [4, 5, 3, 4, 5, 4, 3, 5, 4, 4, 5, 3, 4, 5, 4, 4]
_RB = [3, 4, 3, 3, 4, 4, 2, 4, 4, 3, 4, 3, 3, 4, 4, 3]
# unequal item difficulty: pairing matters
_HARD_A = [0.9, 0.1, 0.8, 0.2, 0.95, 0.05, 0.7, 0.3, 0.85, 0.15, 0.6, 0.4]
_HARD_B = [x + 0.05 for x in _HARD_A]
_HARD_B[3] -= 0.02


def _keys(got) -> str | None:
    want = {"difference", "low", "high", "decision"}
    if not isinstance(got, dict) or set(got) != want:
        return f"return a dict with exactly the keys {sorted(want)}"
    if not all(type(got[k]) is float for k in ("difference", "low", "high")):
        return "return difference, low and high as plain Python floats (float(...))"
    return None


def paired_bootstrap() -> list[Case]:
    return [
        Case("a lead of 10 points on 40 items", args=(_A40, _B40), expect=_reference(_A40, _B40), tol=1e-9,
             why="B is ahead by 0.1, but with 40 items the 95% interval still contains 0: the decision is "
                 "'inconclusive'. Follow the stated convention exactly: differences b - a, one "
                 "rng.integers(0, n, size=(n_resamples, n)) call from default_rng(seed), row means, and "
                 "np.percentile at 2.5 and 97.5"),
        Case("the result has the four keys, numbers as floats", args=(_A40, _B40), check=_keys),
        Case("a clear win for B", args=(_A60, _B60), expect=_reference(_A60, _B60), tol=1e-9,
             why="B wins 14 items and loses 2 out of 60: the whole interval lies above 0, so the decision is "
                 "'B'. The difference is b - a, so a positive number means B scored higher"),
        Case("ratings where A is better", args=(_RA, _RB), expect=_reference(_RA, _RB), tol=1e-9,
             why="Scores need not be 0/1: here they are 1-5 ratings and B is lower on most items, so the "
                 "interval lies below 0 and the decision is 'A'"),
        Case("pairing: resample items, not each list on its own", args=(_HARD_A, _HARD_B),
             expect=_reference(_HARD_A, _HARD_B), tol=1e-9,
             why="Items differ a lot in difficulty, but B is slightly higher on almost every one. Resampling "
                 "the per-item differences keeps each item's pair together, giving a narrow interval above "
                 "0; resampling A and B separately mixes item difficulty into the noise and cannot decide"),
        Case("another seed, fewer resamples, 90% confidence",
             args=(_A40, _B40), kwargs={"n_resamples": 500, "confidence": 0.9, "seed": 7},
             expect=_reference(_A40, _B40, 500, 0.9, 7), tol=1e-9,
             why="Use the seed, n_resamples and confidence you are given: the percentiles for 90% are 5 and 95"),
        Case("80% confidence can decide where 95% cannot",
             args=(_A40, _B40), kwargs={"confidence": 0.8},
             expect=_reference(_A40, _B40, confidence=0.8), tol=1e-9,
             why="A narrower interval (80%: percentiles 10 and 90) can clear 0 where the 95% one does not; "
                 "compute the percentiles from the confidence argument"),
        Case("identical prompts", args=([1, 0, 1, 1, 0], [1, 0, 1, 1, 0]),
             expect={"difference": 0.0, "low": 0.0, "high": 0.0, "decision": "inconclusive"}, tol=1e-12,
             why="When every difference is 0, so is every resample's mean: the interval is [0, 0], which "
                 "touches 0, so the decision is 'inconclusive' (low must be strictly above 0 to pick B)"),
        Case("a single item", args=([0], [1]), kwargs={"n_resamples": 10},
             expect={"difference": 1.0, "low": 1.0, "high": 1.0, "decision": "B"}, tol=1e-12,
             why="One item, B right and A wrong: every resample is that item, so the interval is [1, 1]"),
        Case("booleans count as 1 and 0", args=([True, False, True, False, True, True, False, False],
                                                 [True, True, True, True, True, True, False, True]),
             expect=_reference([1, 0, 1, 0, 1, 1, 0, 0], [1, 1, 1, 1, 1, 1, 0, 1]), tol=1e-9,
             why="True/False scores are 1/0: convert to a float array before subtracting (numpy refuses "
                 "to subtract boolean arrays)"),
        Case("one resample is enough to run", args=(_A40, _B40), kwargs={"n_resamples": 1},
             expect=_reference(_A40, _B40, 1), tol=1e-9,
             why="n_resamples=1 is allowed (only values below 1 are errors): the interval is then that one "
                 "resample's mean at both ends"),
        Case("one score against three", args=([1], [0, 1, 1]), raises=ValueError,
             why="One score for A and three for B cannot be paired item by item; numpy would silently "
                 "broadcast the single score against all three, so check the lengths yourself"),
        Case("lists of different lengths", args=([1, 0, 1], [1, 1]), raises=ValueError,
             why="A paired comparison needs one score per prompt for every item: raise ValueError"),
        Case("no items", args=([], []), raises=ValueError,
             why="With no items there is nothing to compare: raise ValueError"),
        Case("confidence of 1", args=(_A40, _B40), kwargs={"confidence": 1.0}, raises=ValueError,
             why="A 100% interval is not a bootstrap interval: confidence must lie strictly between 0 and 1"),
        Case("confidence given as a percentage", args=(_A40, _B40), kwargs={"confidence": 95}, raises=ValueError,
             why="confidence is a fraction (0.95), not a percentage (95): raise ValueError"),
        Case("confidence of 0", args=(_A40, _B40), kwargs={"confidence": 0.0}, raises=ValueError,
             why="A 0% interval is empty: confidence must lie strictly between 0 and 1"),
        Case("no resamples", args=(_A40, _B40), kwargs={"n_resamples": 0}, raises=ValueError,
             why="Zero resamples give no interval: raise ValueError"),
    ]
