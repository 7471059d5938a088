"""Cases for start_data_flywheel: the per-round ledger of a data flywheel (defect rate, fixed, regressed,
newly caught by a new check)."""

from __future__ import annotations

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {
    "flywheel_ledger": {
        "builtin swapped: sorted(unknown) -> list(unknown)":
            "only changes the order of names inside the ValueError's message; the cases check that it raises",
    },
}


def _row(number, rate, fixed=(), regressed=(), newly_caught=()):
    return {"round": number, "defect_rate": rate, "fixed": list(fixed), "regressed": list(regressed),
            "newly_caught": list(newly_caught)}


def flywheel_ledger() -> list[Case]:
    return [
        Case("one round", args=([{"checks": ["short"], "failures": {"a": [], "b": ["short"]}}],),
             expect=[_row(1, 0.5)], tol=1e-9,
             why="One item of two fails a check: the defect rate is 0.5. Round 1 has no previous round, so its "
                 "fixed, regressed and newly_caught lists are empty; rounds are numbered from 1"),
        Case("no rounds yet", args=([],), expect=[],
             why="No rounds means an empty ledger: return []"),
        Case("a stricter eval is not a regression",
             args=([{"checks": ["short"], "failures": {"a": [], "b": ["short"], "c": [], "d": []}},
                    {"checks": ["short", "no_preamble"],
                     "failures": {"a": [], "b": [], "c": ["no_preamble"], "d": ["no_preamble"]}}],),
             expect=[_row(1, 0.25), _row(2, 0.5, fixed=["b"], newly_caught=["c", "d"])], tol=1e-9,
             why="c and d passed round 1 and now fail only no_preamble, a check round 1 did not run: they are "
                 "newly caught, not regressed. The defect rate rose because the eval grew"),
        Case("a real regression",
             args=([{"checks": ["short", "tone"], "failures": {"a": [], "b": ["short"]}},
                    {"checks": ["short", "tone"], "failures": {"a": ["tone"], "b": []}}],),
             expect=[_row(1, 0.5), _row(2, 0.5, fixed=["b"], regressed=["a"])], tol=1e-9,
             why="a passed tone in round 1 and fails it in round 2, a check both rounds ran: that is a "
                 "regression, even though the defect rate did not move (b was fixed at the same time)"),
        Case("failing an old and a new check is a regression",
             args=([{"checks": ["short"], "failures": {"a": [], "b": []}},
                    {"checks": ["short", "on_topic"], "failures": {"a": ["short", "on_topic"], "b": ["on_topic"]}}],),
             expect=[_row(1, 0.0), _row(2, 1.0, regressed=["a"], newly_caught=["b"])], tol=1e-9,
             why="a fails short, which round 1 ran and a passed, so a regressed even though it also fails the "
                 "new check; only b, failing nothing but the new check, is newly caught"),
        Case("still failing is in no list",
             args=([{"checks": ["short", "tone"], "failures": {"a": ["short"], "b": []}},
                    {"checks": ["short", "tone"], "failures": {"a": ["tone"], "b": []}}],),
             expect=[_row(1, 0.5), _row(2, 0.5)], tol=1e-9,
             why="a failed in round 1 and fails again in round 2 (another check, but still failing): it was "
                 "neither fixed nor regressed. Compare whether an item fails at all, round to round"),
        Case("each round compares with the one before it",
             args=([{"checks": ["short"], "failures": {"a": ["short"], "b": [], "c": []}},
                    {"checks": ["short", "no_preamble"], "failures": {"a": [], "b": [], "c": ["no_preamble"]}},
                    {"checks": ["short", "no_preamble"], "failures": {"a": ["short"], "b": ["no_preamble"], "c": []}}],),
             expect=[_row(1, 1 / 3), _row(2, 1 / 3, fixed=["a"], newly_caught=["c"]),
                     _row(3, 2 / 3, fixed=["c"], regressed=["a", "b"])], tol=1e-9,
             why="Round 3 is compared with round 2: a was fixed in round 2 and fails again, a regression; "
                 "no_preamble, new in round 2, is an old check by round 3, so b failing it is a regression too"),
        Case("lists are sorted", args=([{"checks": ["x"], "failures": {"z": ["x"], "m": ["x"], "a": []}},
                                        {"checks": ["x", "y"], "failures": {"z": [], "m": [], "a": ["y"]}}],),
             expect=[_row(1, 2 / 3), _row(2, 1 / 3, fixed=["m", "z"], newly_caught=["a"])], tol=1e-9,
             why="Sort each list of ids: m before z, whatever order the items came in"),
        Case("a clean round", args=([{"checks": ["short"], "failures": {"a": [], "b": [], "c": [], "d": []}}],),
             expect=[_row(1, 0.0)], tol=1e-9,
             why="No item fails: the defect rate is 0.0. An item with an empty list passed every check"),
        Case("a round with no items", args=([{"checks": ["short"], "failures": {}}],), raises=ValueError,
             why="A round with no items has no defect rate: raise ValueError"),
        Case("a later round with no items",
             args=([{"checks": ["short"], "failures": {"a": []}}, {"checks": ["short"], "failures": {}}],),
             raises=ValueError, why="Every round must have items: raise ValueError for an empty one"),
        Case("rounds about different items",
             args=([{"checks": ["short"], "failures": {"a": [], "b": []}},
                    {"checks": ["short"], "failures": {"a": [], "c": ["short"]}}],), raises=ValueError,
             why="Round 2 swaps b for c: fixed and regressed only mean something on the same items, so raise "
                 "ValueError"),
        Case("a failure of a check that did not run",
             args=([{"checks": ["short"], "failures": {"a": ["tone"], "b": []}}],), raises=ValueError,
             why="a is said to fail tone, but the round ran only short: raise ValueError rather than count a "
                 "test nobody ran"),
        Case("an unrun check in a later round",
             args=([{"checks": ["short"], "failures": {"a": [], "b": []}},
                    {"checks": ["short"], "failures": {"a": [], "b": ["tone"]}}],), raises=ValueError,
             why="Check every round's failures against that round's checks, not only the first round's"),
    ]
