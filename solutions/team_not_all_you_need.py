# %%
from llmcourse.notebook import check, hint

# %% [markdown]
# The lesson's pipeline logged every stage each message reached, and most failures turned up outside
# the model call. When a pipeline like that runs on real traffic, the first report anyone asks for is a
# *failure funnel*: for each stage in order, how many runs reached it, how many failed there, and its
# pass rate. It tells you which skill to call in: input checks and parsing are engineering, validation
# failures are data and evaluation questions.
#
# ## Exercise: a failure funnel from pipeline runs
#
# Write `failure_funnel(runs, stages)`.
#
# - `stages` is the list of stage names in the order the pipeline runs them.
# - `runs` is a list of runs. Each run is a list of `(stage, ok)` pairs in the order they happened:
#   `ok` is `True` when the stage passed and `False` when it failed. A run stops at its first failure,
#   and it may also stop early after a pass (for example when the pipeline returned a cached answer).
#
# Return one dict per stage, in the order of `stages`, with exactly these keys:
#
# - `"stage"`: the stage's name;
# - `"reached"`: how many runs contain that stage;
# - `"failed"`: how many runs failed at that stage;
# - `"pass_rate"`: `(reached - failed) / reached` as a float, or `None` when no run reached the stage.
#
# A stage no run reached still gets its row (`reached` 0, `failed` 0, `pass_rate` None): a stage that
# nothing reaches is worth seeing in the report.
#
# Raise `ValueError` with a message when a run is not a prefix of the pipeline: when it names a stage
# that is not in `stages`, when its stages are not the first stages of `stages` in order (a skipped or
# repeated stage), or when it goes on after a failure (a `False` anywhere but in its last pair). An
# empty run (one that recorded nothing) is allowed and counts nowhere.

# %%
def failure_funnel(runs: list[list[tuple[str, bool]]], stages: list[str]) -> list[dict]:
    """Per stage, in pipeline order: runs that reached it, runs that failed there, and its pass rate."""
    # BEGIN SOLUTION
    reached = {name: 0 for name in stages}
    failed = {name: 0 for name in stages}
    for number, run in enumerate(runs):
        names = [name for name, _ in run]
        if names != list(stages[:len(names)]):
            raise ValueError(f"run {number} is not a prefix of the pipeline's stages: {names}")
        if any(not ok for _, ok in run[:-1]):
            raise ValueError(f"run {number} goes on after a failed stage")
        for name, ok in run:
            reached[name] += 1
            failed[name] += not ok
    return [{"stage": name, "reached": reached[name], "failed": failed[name],
             "pass_rate": (reached[name] - failed[name]) / reached[name] if reached[name] else None}
            for name in stages]
    # END SOLUTION


# %%
check("team_not_all_you_need.failure_funnel", failure_funnel)

# %% [markdown]
# Once it passes, feed it the first attempt of each message in the lesson's log: the
# `(event["stage"], event["ok"])` pairs up to and including the first failure, with the stages
# `["check input", "model call", "parse", "validate"]`. (The retry is a second pass through the same
# stages after a failure, so a whole run with its retry is not a prefix; give the retry its own funnel.)

# %%
# BEGIN SOLUTION NOTE
# Reading the result: a pass means the funnel is right on the graded logs, including the ten-run log in
# which one run stops at the input check, three at parsing and two at validation while the model call
# never fails: only 4 of 10 runs come out whole, and every loss is in a stage around the model. The pass
# rates to improve first are parsing (6 of 9) and validation (4 of 6); what would change them is output
# format and data checks, more than a different prompt.
# END SOLUTION NOTE
