"""Cases for gpus_finetune_gate: let a finetune through only when the eval evidence shows prompting has
plateaued below the target."""

from __future__ import annotations

import math

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {
    "finetune_gate": {
        "branch dropped: if not history: -> pass":
            "without the check an empty history still raises ValueError, from max() of an empty list; the "
            "grader judges the exception, not which line raised it",
    },
}


def _wilson_low(passed: int, n: int, z: float) -> float:
    """The lower end of the Wilson score interval, as the exercise text gives it."""
    p = passed / n
    return (p + z**2 / (2 * n) - z * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))) / (1 + z**2 / n)


def _bracket(passed: int, n: int, z: float, scale: int = 1_000_000) -> tuple[int, int]:
    """Counts k out of `scale` just below and just above the Wilson lower end of passed/n."""
    low = _wilson_low(passed, n, z)
    below = math.floor(low * scale)
    if below / scale >= low:
        below -= 1
    above = math.ceil(low * scale)
    if above / scale <= low:
        above += 1
    return below, above


def finetune_gate() -> list[Case]:
    big = 1_000_000
    cases = [
        Case("a plateau below the target, on enough evidence",
             args=([(120, 200), (150, 200), (152, 200), (151, 200)], 0.9), expect="finetune",
             why="The last two versions (76% and 75.5%) are not surely above the best before them (75%): the "
                 "lower ends of their 95% intervals are about 70% and 69%. Two versions without a sure gain, "
                 "below a 90% target, on 200 cases each: that is a plateau, so return 'finetune'"),
        Case("a recent real improvement", args=([(100, 200), (120, 200), (160, 200)], 0.9), expect="keep prompting",
             why="The last version reached 80% and the lower end of its interval (about 74%) is above the best "
                 "before it (60%): prompting is still paying off, so return 'keep prompting'"),
        Case("the target is already met", args=([(100, 200), (185, 200)], 0.9), expect="ship",
             why="92.5% is at or above the 90% target: prompting meets the bar, so there is nothing to finetune "
                 "for. Check the target before counting versions"),
        Case("exactly at the target", args=([(100, 200), (150, 200), (180, 200)], 0.9), expect="ship",
             why="180 of 200 is exactly 0.9, and the bar is 'at least the target' (>=): return 'ship'"),
        Case("a tiny eval set", args=([(10, 12), (11, 12), (11, 12)], 0.95), expect="collect more evals",
             why="12 cases per version is far below min_n = 100: at that size a plateau and noise look the "
                 "same, so the only honest answer is 'collect more evals', checked before anything else"),
        Case("a tiny eval set that seems to meet the target", args=([(12, 12)], 0.9), expect="collect more evals",
             why="12 of 12 looks perfect, but 12 cases cannot show it: the evidence check comes first, even "
                 "before 'ship'"),
        Case("one small version among large ones", args=([(100, 200), (120, 200), (30, 40)], 0.9),
             expect="collect more evals",
             why="Every version must have at least min_n cases, not just the first or the last: the third "
                 "version has 40"),
        Case("a smaller min_n accepts small eval sets", args=([(10, 12), (11, 12), (11, 12)], 0.95),
             kwargs={"min_n": 12}, expect="finetune",
             why="With min_n = 12 these counts are enough (n >= min_n). 11 of 12 is 91.7%, below 95%; the "
                 "lower end of its interval (about 65%) is not above the best before it, so neither of the "
                 "last two versions improved: 'finetune'"),
        Case("too few versions for a curve", args=([(100, 200), (110, 200)], 0.9), expect="keep prompting",
             why="With patience 2 you need at least 3 versions before calling a plateau: keep prompting"),
        Case("the improvement inside the patience window counts",
             args=([(100, 200), (101, 200), (140, 200), (141, 200)], 0.9), expect="keep prompting",
             why="The third version (70%) is surely above 50.5%, and it is one of the last two: look at every "
                 "one of the last `patience` versions, not only the newest"),
        Case("patience 1 looks at the newest version only",
             args=([(100, 200), (101, 200), (140, 200), (141, 200)], 0.9), kwargs={"patience": 1},
             expect="finetune",
             why="With patience 1 only the newest version counts, and 70.5% is not surely above 70%: finetune"),
        Case("an improvement before the window does not count",
             args=([(100, 200), (150, 200), (151, 200), (150, 200)], 0.9), expect="finetune",
             why="The jump from 50% to 75% happened three versions ago; the last two versions gained nothing "
                 "sure, so the curve has flattened: 'finetune'"),
        Case("a higher score inside the noise is not an improvement",
             args=([(150, 200), (156, 200), (160, 200)], 0.9), expect="finetune",
             why="78% and 80% are higher than 75%, but the lower ends of their intervals (about 72% and 74%) are "
                 "not above the best before each (75% and 78%). Comparing point estimates would call noise an "
                 "improvement; compare the lower end of the interval instead"),
        Case("a narrower interval (smaller z) sees the gain",
             args=([(150, 200), (156, 200), (160, 200)], 0.9), kwargs={"z": 0.5}, expect="keep prompting",
             why="With z = 0.5 the interval is narrower: 160 of 200 has a lower end of about 78.6%, above the "
                 "78% before it. Use the z you are given, not 1.96 always"),
        Case("compare with the best before, not the previous version",
             args=([(150, 200), (100, 200), (140, 200)], 0.9), kwargs={"patience": 1}, expect="finetune",
             why="70% is surely above the 50% just before it but not above the 75% the first version reached: "
                 "an improvement must beat the best of all earlier versions"),
        Case("the bound is the version's own lower end: just above", args=lambda: (
            [(_bracket(9, 12, 1.96)[0], big), (9, 12)], 0.99), kwargs={"min_n": 10, "patience": 1},
             expect="keep prompting",
             why="The earlier best sits a hair below the Wilson lower end of 9 of 12 (about 0.468), so 9 of 12 "
                 "is an improvement. Check the formula term by term: z**2 / (2 * n) in the centre, "
                 "z**2 / (4 * n**2) under the root, 1 + z**2 / n below"),
        Case("the bound is the version's own lower end: just below", args=lambda: (
            [(_bracket(9, 12, 1.96)[1], big), (9, 12)], 0.99), kwargs={"min_n": 10, "patience": 1},
             expect="finetune",
             why="The earlier best sits a hair above the Wilson lower end of 9 of 12, so 9 of 12 is not an "
                 "improvement: the comparison is strict, and the formula must match the text exactly"),
        Case("another version and z, just above", args=lambda: (
            [(_bracket(30, 40, 1.0)[0], big), (30, 40)], 0.99), kwargs={"min_n": 40, "patience": 1, "z": 1.0},
             expect="keep prompting",
             why="At z = 1 the lower end of 30 of 40 is about 0.68; an earlier best just below it is beaten"),
        Case("another version and z, just below", args=lambda: (
            [(_bracket(30, 40, 1.0)[1], big), (30, 40)], 0.99), kwargs={"min_n": 40, "patience": 1, "z": 1.0},
             expect="finetune",
             why="At z = 1 an earlier best just above the lower end of 30 of 40 is not beaten"),
        Case("exactly min_n cases is enough", args=([(40, 100), (60, 100), (61, 100)], 0.9),
             expect="keep prompting",
             why="With the default min_n = 100, 100 cases per version pass the evidence check (n >= min_n, not "
                 "n > min_n). The middle version (60%, lower end about 50%) is surely above 40%: keep prompting"),
        Case("a perfect score meets a target of 1", args=([(200, 200)], 1.0), expect="ship",
             why="A target of 1.0 is allowed (the range is (0, 1]), and 200 of 200 meets it"),
        Case("one case per version with min_n 1", args=([(1, 1)], 0.9), kwargs={"min_n": 1}, expect="ship",
             why="min_n = 1 and n = 1 are both valid (only values below 1 are errors): 1 of 1 meets 0.9"),
        Case("a version that passed nothing", args=([(0, 200), (100, 200), (101, 200)], 0.9),
             expect="keep prompting",
             why="0 passed is a valid result (the range is 0 <= passed <= n). The second version (50%) is "
                 "surely above 0%, and it is within the last two: keep prompting"),
        Case("the improvement is in the newest version only",
             args=([(100, 200), (101, 200), (102, 200), (150, 200)], 0.9), expect="keep prompting",
             why="Check every one of the last `patience` versions: here the gain is in the last one (75%, "
                 "surely above 51%)"),
        Case("with z = 0 an equal score is not an improvement", args=([(100, 200), (100, 200)], 0.9),
             kwargs={"patience": 1, "z": 0.0}, expect="finetune",
             why="At z = 0 the interval shrinks to the accuracy itself, 50%, which equals the best before it. "
                 "An improvement must be strictly greater: use >, not >="),
        Case("a target above 1", args=([(100, 200)], 1.5), raises=ValueError,
             why="No accuracy can reach 1.5: the target must lie in (0, 1]"),
        Case("an empty history", args=([], 0.9), raises=ValueError,
             why="With no prompt version measured there is nothing to decide from: raise ValueError"),
        Case("more passed than measured", args=([(100, 200), (210, 200)], 0.9), raises=ValueError,
             why="210 passed out of 200 is a bookkeeping error: raise ValueError instead of an accuracy above 1"),
        Case("a negative count", args=([(-1, 200)], 0.9), raises=ValueError,
             why="A negative number of passed cases is not evidence: raise ValueError"),
        Case("a version with no cases", args=([(0, 0)], 0.9), raises=ValueError,
             why="A version measured on 0 cases has no accuracy: raise ValueError (n must be at least 1)"),
        Case("a target of zero", args=([(100, 200)], 0.0), raises=ValueError,
             why="A target of 0 is met by anything: the target is an accuracy in (0, 1]"),
        Case("a target given as a percentage", args=([(100, 200)], 90), raises=ValueError,
             why="90 is a percentage; the target is a fraction in (0, 1]: raise ValueError"),
        Case("patience zero", args=([(100, 200), (120, 200)], 0.9), kwargs={"patience": 0}, raises=ValueError,
             why="A patience of 0 would call a plateau without looking at any version: raise ValueError"),
        Case("min_n zero", args=([(100, 200), (120, 200)], 0.9), kwargs={"min_n": 0}, raises=ValueError,
             why="min_n below 1 switches the evidence check off: raise ValueError"),
    ]
    return cases
