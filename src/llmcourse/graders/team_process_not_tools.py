"""Cases for team_process_not_tools: choose assertions greedily under a false-failure cap."""

from __future__ import annotations

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {
    "greedy_assertions": {
        "branch dropped: if name in chosen: -> pass":
            "a chosen candidate adds no new bad output afterwards (gain 0), and a candidate with gain 0 is "
            "never chosen, so skipping chosen ones explicitly changes nothing",
    },
}

G, B = True, False  # a good output, a bad output (the person's labels)
P, F = True, False  # an assertion passes the output, an assertion flags it


def _names_are(expected: list[str]):
    def judge(got) -> str | None:
        if not isinstance(got, list) or not all(isinstance(n, str) for n in got):
            return f"return a list of candidate names, got {got!r}"
        if got != expected:
            return f"expected {expected!r}, got {got!r}"
        return None
    return judge


# 8 outputs: 4 good (0-3), 4 bad (4-7)
_LABELS = [G, G, G, G, B, B, B, B]
_BASIC = {
    "mentions price": [P, P, P, P, F, F, P, P],      # catches 4, 5
    "no exclamation": [P, P, P, P, P, P, F, P],      # catches 6
    "short": [F, P, P, P, F, F, F, F],               # catches all four, one false alarm (output 0)
    "names product": [P, P, P, P, P, P, P, P],       # catches nothing
}
# a broad assertion that overlaps the first pick: large total, small gain
_OVERLAP = {
    "a": [P, P, P, P, F, F, F, P],                   # catches 4, 5, 6
    "b": [P, P, P, P, F, F, P, P],                   # catches 4, 5 (inside a)
    "c": [P, P, P, P, P, P, P, F],                   # catches 7
}
# false alarms must be counted as a union over the suite
_UNION = {
    "x": [F, P, P, P, F, F, P, P],                   # catches 4, 5; false alarm on output 0
    "y": [F, P, P, P, P, P, F, F],                   # catches 6, 7; the same false alarm, output 0
}
# equal gains: fewer new false alarms first, then order in results
_TIES = {
    "noisy": [F, P, P, P, F, F, P, P],               # gain 2, one false alarm
    "clean": [P, P, P, P, P, P, F, F],               # gain 2, none
    "also clean": [P, P, P, P, F, F, P, P],          # gain 2, none, listed after "clean"
}


def greedy_assertions() -> list[Case]:
    return [
        Case("a cap of one in four allows the broad assertion", args=(_BASIC, _LABELS, 0.25),
             check=_names_are(["short"]),
             why="'short' flags all four bad outputs and one of the four good ones: a false-failure rate of "
                 "1/4, which a cap of 0.25 allows (equality is allowed). It covers everything alone, so the "
                 "suite is just ['short']"),
        Case("a zero cap excludes any assertion that flags a good output", args=(_BASIC, _LABELS, 0.0),
             check=_names_are(["mentions price", "no exclamation"]),
             why="With a cap of 0, 'short' is never allowed because it flags a good output. 'mentions price' "
                 "catches two bad outputs, 'no exclamation' one more, and 'names product' catches nothing, so "
                 "it is never chosen: stop when no allowed candidate adds a bad output"),
        Case("a cap just below one in four", args=(_BASIC, _LABELS, 0.24),
             check=_names_are(["mentions price", "no exclamation"]),
             why="One false alarm in four good outputs is a rate of 0.25, above a cap of 0.24: 'short' must be "
                 "skipped, not added"),
        Case("gain counts only outputs not yet flagged", args=(_OVERLAP, _LABELS, 0.0),
             check=_names_are(["a", "c"]),
             why="After 'a' is chosen, 'b' adds nothing new (its two catches are inside a's), while 'c' adds "
                 "one: rank candidates by the bad outputs they ADD to the suite in each round, not by what "
                 "they catch on their own, and never choose a candidate that adds none"),
        Case("order of results does not decide gain", args=({"b": _OVERLAP["b"], "c": _OVERLAP["c"],
                                                             "a": _OVERLAP["a"]}, _LABELS, 0.0),
             check=_names_are(["a", "c"]),
             why="'a' has the largest gain in the first round wherever it appears in results; then 'c' "
                 "adds the last bad output and 'b' adds nothing"),
        Case("false alarms are a union over the suite", args=(_UNION, _LABELS, 0.25),
             check=_names_are(["x", "y"]),
             why="'x' and 'y' both flag good output 0, so together they raise ONE false alarm out of four "
                 "good outputs (0.25), within the cap. Counting the suite's false failures as a sum over "
                 "its members (2/4) wrongly rejects 'y'"),
        Case("ties go to fewer new false alarms", args=(_TIES, _LABELS, 0.5),
             check=_names_are(["clean", "also clean"]),
             why="All three candidates add two bad outputs in the first round. 'noisy' would also flag a "
                 "good output, so prefer 'clean'; in the second round 'also clean' and 'noisy' both add "
                 "two, and 'also clean' adds no false alarm"),
        Case("remaining ties go to the first in results",
             args=({"p": [P, P, P, P, F, F, P, P], "q": [P, P, P, P, F, F, P, P]}, _LABELS, 0.0),
             check=_names_are(["p"]),
             why="'p' and 'q' flag the same outputs: on a full tie take the one listed first in results, and "
                 "then 'q' adds nothing, so it is not chosen"),
        Case("every output good: nothing to catch",
             args=({"a": [P, F, P], "b": [P, P, P]}, [G, G, G], 1.0), check=_names_are([]),
             why="With no bad outputs no candidate can add coverage: return an empty list"),
        Case("no candidates", args=({}, _LABELS, 0.1), check=_names_are([]),
             why="With no candidates the suite stays empty: return []"),
        Case("cap above one", args=(_BASIC, _LABELS, 1.5), raises=ValueError,
             why="A false-failure rate lies in [0, 1]: a cap of 1.5 is a mistake in the caller's code, so "
                 "raise ValueError"),
        Case("negative cap", args=(_BASIC, _LABELS, -0.1), raises=ValueError,
             why="A negative cap cannot be met by any suite, even the empty one: raise ValueError"),
        Case("a results list of the wrong length", args=({"a": [P, F, P]}, _LABELS, 0.2), raises=ValueError,
             why="Each list in results must have one entry per labelled output; a shorter list means the "
                 "assertion ran on other outputs: raise ValueError"),
        Case("the second list has the wrong length",
             args=({"mentions price": _BASIC["mentions price"], "short": [F, P, P]}, _LABELS, 0.2),
             raises=ValueError,
             why="Check every list in results, not only the first: 'short' has 3 entries for 8 labels"),
        Case("a results list that is too long", args=({"a": _BASIC["short"] + [F]}, _LABELS, 0.2),
             raises=ValueError,
             why="A results list longer than labels does not line up with the labels either: raise "
                 "ValueError rather than ignore the extra entries"),
        Case("no good output", args=({"a": [F, F, P]}, [B, B, B], 0.2), raises=ValueError,
             why="The false-failure rate divides by the number of good outputs; with none it is undefined: "
                 "raise ValueError"),
    ]
