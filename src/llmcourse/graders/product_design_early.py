"""Cases for product_design_early: a plan of interface affordances from a failure log."""

from __future__ import annotations

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {"plan_affordances": {}}


def _r(rid: str, failure: str, effect: str, **extra) -> dict:
    return {"id": rid, "failure": failure, "effect": effect, **extra}


def _p(rid: str, affordance: str, reason: str) -> dict:
    return {"id": rid, "affordance": affordance, "reason": reason}


# One record per cell of the rules, in a shuffled order.
_MIXED = [
    _r("a1", "off_taxonomy", "suggestion"),
    _r("a2", "none", "irreversible"),
    _r("a3", "unsupported_claim", "applied"),
    _r("a4", "wrong_fact", "irreversible"),
    _r("a5", "no_answer", "suggestion"),
    _r("a6", "wrong_category", "applied"),
    _r("a7", "unfinished", "irreversible"),
    _r("a8", "wrong_fact", "suggestion"),
    _r("a9", "none", "suggestion"),
    _r("a10", "unfinished", "suggestion"),
]
_MIXED_PLAN = [
    _p("a1", "edit", "fix_the_draft"),
    _p("a3", "cite", "check_against_source"),
    _p("a4", "confirm", "cannot_be_undone"),
    _p("a5", "defer", "nothing_to_review"),
    _p("a6", "undo", "already_applied"),
    _p("a7", "confirm", "cannot_be_undone"),
    _p("a8", "cite", "check_against_source"),
    _p("a10", "edit", "fix_the_draft"),
]


def _reasons_match(got) -> str | None:
    if not isinstance(got, list) or not all(isinstance(p, dict) for p in got):
        return "return a list of {'id', 'affordance', 'reason'} dicts"
    pairs = {(p.get("affordance"), p.get("reason")) for p in got}
    allowed = {("defer", "nothing_to_review"), ("confirm", "cannot_be_undone"), ("cite", "check_against_source"),
               ("undo", "already_applied"), ("edit", "fix_the_draft")}
    wrong = sorted(pairs - allowed, key=str)
    if wrong:
        return f"each affordance goes with its own reason from the table; these pairs do not: {wrong}"
    return None


def plan_affordances() -> list[Case]:
    return [
        Case("one record of every kind, in log order", args=(_MIXED,), expect=_MIXED_PLAN,
             why="Apply the rules in the order of the table and keep the order of the log; records whose "
                 "failure is 'none' get no entry"),
        Case("every affordance carries its own reason", args=(_MIXED,), check=_reasons_match,
             why="The reason says which rule fired, so a reviewer can check the plan: defer goes with "
                 "'nothing_to_review', confirm with 'cannot_be_undone', cite with 'check_against_source', "
                 "undo with 'already_applied' and edit with 'fix_the_draft'"),
        Case("an empty output is deferred, even when it would be sent",
             args=([_r("n1", "no_answer", "irreversible"), _r("n2", "no_answer", "applied")],),
             expect=[_p("n1", "defer", "nothing_to_review"), _p("n2", "defer", "nothing_to_review")],
             why="With nothing in the output there is nothing to confirm, cite or edit: hand it to a person "
                 "(defer). This rule comes first, before the effect is looked at"),
        Case("a wrong fact in an email needs a confirm step, not a citation",
             args=([_r("m1", "wrong_fact", "irreversible"), _r("m2", "unsupported_claim", "irreversible")],),
             expect=[_p("m1", "confirm", "cannot_be_undone"), _p("m2", "confirm", "cannot_be_undone")],
             why="An output that cannot be taken back needs a person to approve it before it leaves; a "
                 "citation shown after sending comes too late. The effect rule comes before the fact rule"),
        Case("a made-up fact already shown gets a citation, not an undo",
             args=([_r("c1", "unsupported_claim", "applied"), _r("c2", "wrong_fact", "applied")],),
             expect=[_p("c1", "cite", "check_against_source"), _p("c2", "cite", "check_against_source")],
             why="For wrong or made-up facts the fix is to show the source so the claim can be checked; "
                 "the fact rule comes before the 'applied' rule"),
        Case("a near miss that was applied is undone; as a suggestion it is edited",
             args=([_r("u1", "wrong_category", "applied"), _r("u2", "wrong_category", "suggestion"),
                    _r("u3", "unfinished", "applied"), _r("u4", "off_taxonomy", "suggestion")],),
             expect=[_p("u1", "undo", "already_applied"), _p("u2", "edit", "fix_the_draft"),
                     _p("u3", "undo", "already_applied"), _p("u4", "edit", "fix_the_draft")],
             why="The same failure needs a different affordance depending on the effect: once the system has "
                 "acted, the user needs a way back (undo); before, an editable draft (edit)"),
        Case("outputs that passed get no entry",
             args=([_r("k1", "none", "irreversible"), _r("k2", "none", "applied"), _r("k3", "none", "suggestion")],),
             expect=[],
             why="Only failing records go into the plan: a record whose failure is 'none' is skipped, whatever "
                 "its effect"),
        Case("an empty log", args=([],), expect=[],
             why="No records, no plan: return an empty list"),
        Case("extra keys are ignored",
             args=([_r("x1", "wrong_fact", "suggestion", job="answer", output="It weighs 9 kg."),
                    _r("x2", "off_taxonomy", "applied", job="category", output="tents")],),
             expect=[_p("x1", "cite", "check_against_source"), _p("x2", "undo", "already_applied")],
             why="Records from a real log carry more keys (the job, the output): read only id, failure and effect, "
                 "and return only id, affordance and reason"),
        Case("an unknown failure is an error", args=([_r("b1", "typo", "suggestion")],), raises=ValueError,
             why="A failure outside FAILURES means the log is broken: raise ValueError naming it instead of "
                 "guessing an affordance"),
        Case("an unknown effect is an error", args=([_r("b2", "wrong_fact", "emailed")],), raises=ValueError,
             why="An effect outside EFFECTS means the log is broken: raise ValueError instead of guessing"),
        Case("bad values are caught even on passing records",
             args=([_r("b3", "none", "published"), _r("b4", "wrong_fact", "suggestion")],), raises=ValueError,
             why="Check every record's effect, including those whose failure is 'none': a typo in the log is "
                 "a bug whether or not that output failed"),
        Case("an unknown failure is caught on an irreversible record",
             args=([_r("b5", "wrong fact", "irreversible")],), raises=ValueError,
             why="Validate before applying the rules: 'wrong fact' (with a space) is not a known failure, even "
                 "though any failure on an irreversible output would get a confirm step"),
    ]
