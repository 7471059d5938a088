# %%
from llmcourse.notebook import llm, check, hint

# %% [markdown]
# A data flywheel turns on bookkeeping: after every round you must be able to say what got better, what
# got worse, and what you only now see because the eval grew. This exercise is that ledger.
#
# ## Exercise: the flywheel's ledger
#
# Write `flywheel_ledger(rounds)`. Each round is a dict with two keys:
#
# - `"checks"`: the names of the assertions run in that round (the eval grows as you read failures, so a
#   later round may run checks an earlier round did not);
# - `"failures"`: a dict from **every** item id to the list of check names that item failed in that round
#   (an empty list when it passed them all).
#
# Return one dict per round, in order, with these keys:
#
# - `"round"`: 1 for the first round, 2 for the second, and so on.
# - `"defect_rate"`: the share of items that failed at least one check (no rounding).
# - `"fixed"`: the ids that failed something in the previous round and fail nothing now.
# - `"regressed"`: the ids that failed nothing in the previous round and now fail at least one check that
#   the previous round **also ran**. That item got worse on a test it used to pass.
# - `"newly_caught"`: the ids that failed nothing in the previous round and now fail only checks that the
#   previous round did not run. The model may be no worse on them: the eval has become stricter.
#
# An item that failed in the previous round and still fails is in none of the three lists. The three
# lists are sorted, and empty for round 1 (it has no previous round). No rounds at all gives `[]`.
#
# Raise `ValueError` when a round has no items, when a round's items are not the same ids as the first
# round's, or when an item is said to fail a check that its round did not run (the ledger would be
# counting a test nobody ran).

# %%
def flywheel_ledger(rounds: list[dict]) -> list[dict]:
    """Per round: defect rate, and which items were fixed, regressed or newly caught by a new check."""
    # BEGIN SOLUTION
    ledger = []
    previous = None
    for number, current in enumerate(rounds, start=1):
        checks, failures = set(current["checks"]), current["failures"]
        if not failures:
            raise ValueError(f"round {number} has no items")
        if previous is not None and set(failures) != set(previous["failures"]):
            raise ValueError(f"round {number} is about different items from round 1")
        for item, failed in failures.items():
            unknown = set(failed) - checks
            if unknown:
                raise ValueError(f"round {number}: {item} fails {sorted(unknown)}, which that round did not run")
        failing = {item for item, failed in failures.items() if failed}
        entry = {"round": number, "defect_rate": len(failing) / len(failures),
                 "fixed": [], "regressed": [], "newly_caught": []}
        if previous is not None:
            old_checks = set(previous["checks"])
            was_failing = {item for item, failed in previous["failures"].items() if failed}
            entry["fixed"] = sorted(was_failing - failing)
            for item in sorted(failing - was_failing):
                if set(failures[item]) & old_checks:
                    entry["regressed"].append(item)
                else:
                    entry["newly_caught"].append(item)
        ledger.append(entry)
        previous = current
    return ledger
    # Reading the result: for two rounds over items a-d, where round 1 runs "short" (b fails) and round 2
    # adds "no_preamble" (b now passes, c and d fail the new check), the ledger reads defect rate 0.25 then
    # 0.5, with fixed ["b"], regressed [] and newly_caught ["c", "d"]. A dashboard of defect rates alone
    # would call round 2 a step back; the ledger shows the eval got stricter while the model got better on
    # what it was already tested for.
    # END SOLUTION


# %%
check("start_data_flywheel.flywheel_ledger", flywheel_ledger)

# %% [markdown]
# Stuck? `hint("start_data_flywheel.flywheel_ledger")` shows the next hint.
