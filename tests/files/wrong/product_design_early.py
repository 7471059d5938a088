"""Known-wrong answers for product_design_early: each must fail at least one grader case."""

FAILURES = ("none", "off_taxonomy", "wrong_category", "wrong_fact", "unsupported_claim", "unfinished", "no_answer")
EFFECTS = ("suggestion", "applied", "irreversible")
REASONS = {"defer": "nothing_to_review", "confirm": "cannot_be_undone", "cite": "check_against_source",
           "undo": "already_applied", "edit": "fix_the_draft"}


def _validated(log):
    for record in log:
        if record["failure"] not in FAILURES or record["effect"] not in EFFECTS:
            raise ValueError("bad record")
    return [r for r in log if r["failure"] != "none"]


def _entry(record, affordance):
    return {"id": record["id"], "affordance": affordance, "reason": REASONS[affordance]}


def plan_affordances__citation_before_confirm(log):
    """Checks the fact rule before the effect rule, so a wrong fact in an email gets a citation."""
    plan = []
    for r in _validated(log):
        if r["failure"] == "no_answer":
            a = "defer"
        elif r["failure"] in ("wrong_fact", "unsupported_claim"):
            a = "cite"
        elif r["effect"] == "irreversible":
            a = "confirm"
        elif r["effect"] == "applied":
            a = "undo"
        else:
            a = "edit"
        plan.append(_entry(r, a))
    return plan


def plan_affordances__confirm_before_defer(log):
    """Puts the effect rule first, so an empty email is sent for confirmation instead of deferred."""
    plan = []
    for r in _validated(log):
        if r["effect"] == "irreversible":
            a = "confirm"
        elif r["failure"] == "no_answer":
            a = "defer"
        elif r["failure"] in ("wrong_fact", "unsupported_claim"):
            a = "cite"
        elif r["effect"] == "applied":
            a = "undo"
        else:
            a = "edit"
        plan.append(_entry(r, a))
    return plan


def plan_affordances__by_failure_only(log):
    """Looks only at the failure mode and ignores the effect: never confirm, never undo."""
    table = {"no_answer": "defer", "wrong_fact": "cite", "unsupported_claim": "cite", "off_taxonomy": "edit",
             "wrong_category": "edit", "unfinished": "edit"}
    return [_entry(r, table[r["failure"]]) for r in _validated(log)]


def plan_affordances__keeps_passing_records(log):
    """Gives every record an entry, marking passing ones as edit."""
    plan = []
    for r in log:
        if r["failure"] not in FAILURES or r["effect"] not in EFFECTS:
            raise ValueError("bad record")
        if r["failure"] == "no_answer":
            a = "defer"
        elif r["effect"] == "irreversible":
            a = "confirm"
        elif r["failure"] in ("wrong_fact", "unsupported_claim"):
            a = "cite"
        elif r["effect"] == "applied":
            a = "undo"
        else:
            a = "edit"
        plan.append(_entry(r, a))
    return plan


def plan_affordances__one_reason_for_all(log):
    """Gets the affordances right but gives every entry the same vague reason."""
    return [{"id": p["id"], "affordance": p["affordance"], "reason": "needs_review"} for p in _right(log)]


def plan_affordances__skips_validation_of_passing_records(log):
    """Validates only the failing records, so a typo on a passing record goes unnoticed."""
    return _right(log, validate_passing=False)


def plan_affordances__guesses_unknown_failures(log):
    """Treats an unknown failure as a near miss instead of raising."""
    fixed = [dict(r, failure=r["failure"] if r["failure"] in FAILURES else "off_taxonomy") for r in log]
    return _right(fixed)


def _right(log, validate_passing=True):
    plan = []
    for r in log:
        if r["failure"] == "none" and not validate_passing:
            continue
        if r["failure"] not in FAILURES or r["effect"] not in EFFECTS:
            raise ValueError("bad record")
        if r["failure"] == "none":
            continue
        if r["failure"] == "no_answer":
            a = "defer"
        elif r["effect"] == "irreversible":
            a = "confirm"
        elif r["failure"] in ("wrong_fact", "unsupported_claim"):
            a = "cite"
        elif r["effect"] == "applied":
            a = "undo"
        else:
            a = "edit"
        plan.append(_entry(r, a))
    return plan
