# %%
from llmcourse.notebook import check, hint

# %% [markdown]
# The lesson read the model's outputs on three jobs, sorted them into failure modes and mapped each mode
# to an interface affordance. In this exercise you turn that mapping into a function a team can run on
# every new failure log, so the design discussion starts from counts instead of impressions.
#
# ## Exercise: a plan of affordances from a failure log
#
# A failure log is a list of records, one per model output, each a dict with (at least) these keys:
#
# - `"id"`: the output's id (a string),
# - `"failure"`: one of `FAILURES` below; `"none"` means the output passed its checks,
# - `"effect"`: what happens to the output, one of `EFFECTS`: `"suggestion"` (a draft the user sees
#   before accepting), `"applied"` (used at once, and can be reverted), `"irreversible"` (cannot be
#   taken back, like a sent email).
#
# Write `plan_affordances(log)` that returns one dict `{"id": ..., "affordance": ..., "reason": ...}`
# per failing record, in the order of the log, and skips records whose failure is `"none"`. Apply these
# rules **in this order**; the first that matches decides the affordance and the reason:
#
# | rule | affordance | reason |
# |---|---|---|
# | the failure is `"no_answer"` | `"defer"` | `"nothing_to_review"` |
# | the effect is `"irreversible"` | `"confirm"` | `"cannot_be_undone"` |
# | the failure is `"wrong_fact"` or `"unsupported_claim"` | `"cite"` | `"check_against_source"` |
# | the effect is `"applied"` | `"undo"` | `"already_applied"` |
# | otherwise (a suggestion with a near miss) | `"edit"` | `"fix_the_draft"` |
#
# The order matters: an empty output is never sent, so defer comes before confirm; and a wrong fact in
# an email still needs the confirm step, because a citation does not stop an email from leaving. An
# empty log gives an empty list. A failure or an effect that is not in the lists below is a mistake in
# the log, not something to guess about: raise `ValueError` with a message naming the bad value (check
# every record, including those whose failure is `"none"`). Extra keys in a record are ignored.

# %%
FAILURES = ("none", "off_taxonomy", "wrong_category", "wrong_fact", "unsupported_claim", "unfinished", "no_answer")
EFFECTS = ("suggestion", "applied", "irreversible")


def plan_affordances(log: list[dict]) -> list[dict]:
    """One {"id", "affordance", "reason"} dict per failing record of `log`, in order, by the rules above."""
    # BEGIN SOLUTION
    plan = []
    for record in log:
        failure, effect = record["failure"], record["effect"]
        if failure not in FAILURES:
            raise ValueError(f"unknown failure {failure!r} in record {record['id']!r}")
        if effect not in EFFECTS:
            raise ValueError(f"unknown effect {effect!r} in record {record['id']!r}")
        if failure == "none":
            continue
        if failure == "no_answer":
            choice = ("defer", "nothing_to_review")
        elif effect == "irreversible":
            choice = ("confirm", "cannot_be_undone")
        elif failure in ("wrong_fact", "unsupported_claim"):
            choice = ("cite", "check_against_source")
        elif effect == "applied":
            choice = ("undo", "already_applied")
        else:
            choice = ("edit", "fix_the_draft")
        plan.append({"id": record["id"], "affordance": choice[0], "reason": choice[1]})
    return plan
    # END SOLUTION


# %%
check("product_design_early.plan_affordances", plan_affordances)

# %% [markdown]
# Stuck? `hint("product_design_early.plan_affordances")` shows the next hint. Once it passes, run it on
# the small log below, then on a failure log of your own, and count the plan, for instance with
# `collections.Counter(p["affordance"] for p in plan_affordances(example))`.

# %%
example = [{"id": "e1", "failure": "unsupported_claim", "effect": "irreversible"},
           {"id": "e2", "failure": "off_taxonomy", "effect": "suggestion"},
           {"id": "e3", "failure": "none", "effect": "applied"}]
# On this small log the plan is confirm for e1 (a made-up fact in something that cannot be unsent: the
# citation would come too late), edit for e2, and nothing for e3. Change e1's effect to "applied" and it
# becomes cite: the effect decides before the failure mode does.
