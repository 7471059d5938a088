# %%
from llmcourse.notebook import llm, check, hint

# %% [markdown]
# The lesson walked measured accuracies through a rule: stay on a rung while the eval says it is still
# improving, climb when it stalls, stop at the target. Here you write that rule as a function, so that it
# can drive (or audit) a team's own escalation.
#
# ## Exercise: climb the ladder against an eval
#
# Write `climb_ladder(rungs, evaluate, target, min_gain, max_attempts=5)`.
#
# - `rungs` is a list of rung names, cheapest first, e.g. `["prompt", "examples", "retrieval", "finetune"]`.
# - `evaluate(rung, attempt)` runs the eval and returns an accuracy between 0 and 1. `attempt` counts the
#   attempts on that rung from 0. (In real life each attempt is a new prompt or a new set of examples; the
#   grader passes a scripted eval.)
#
# The rule, applied after every evaluation:
#
# 1. Record the step as a tuple `(rung, attempt, score)`.
# 2. If `score >= target`, stop: the target is reached on this rung.
# 3. Otherwise, if this is not the rung's first attempt and `score - previous score on this rung` is
#    **less than** `min_gain`, the rung has stalled: move to the next rung (attempt 0). A gain exactly equal
#    to `min_gain` still counts as improving, and a drop is a stall.
# 4. The first attempt on a rung is never judged a stall (there is nothing on that rung to compare it with):
#    make another attempt. Do not compare it with the previous rung's score.
# 5. After `max_attempts` attempts on one rung without reaching the target, move on whatever the gains.
#
# Return a dict `{"reached": rung or None, "path": [(rung, attempt, score), ...]}`: the rung on which the
# target was reached, or `None` when the last rung ends without reaching it, and every evaluation in
# order. Never evaluate again after reaching the target.
#
# Raise `ValueError` when `rungs` is empty, when `target` is not in (0, 1], when `min_gain` is negative,
# when `max_attempts` is less than 1, or when `evaluate` returns a score outside [0, 1].
#
# Compare the numbers as they are, with no rounding; the grader's scores are multiples of 1/8, so their
# differences are exact.

# %%
def climb_ladder(rungs: list[str], evaluate, target: float, min_gain: float, max_attempts: int = 5) -> dict:
    """Evaluate attempts rung by rung, climbing only when the current rung stops improving by min_gain."""
    # BEGIN SOLUTION
    if not rungs:
        raise ValueError("the ladder has no rungs")
    if not 0 < target <= 1:
        raise ValueError("target must be an accuracy in (0, 1]")
    if min_gain < 0:
        raise ValueError("min_gain cannot be negative")
    if max_attempts < 1:
        raise ValueError("max_attempts must be at least 1")
    path = []
    for rung in rungs:
        previous = None
        for attempt in range(max_attempts):
            score = evaluate(rung, attempt)
            if not 0 <= score <= 1:
                raise ValueError(f"the eval returned {score!r}, not an accuracy between 0 and 1")
            path.append((rung, attempt, score))
            if score >= target:
                return {"reached": rung, "path": path}
            if previous is not None and score - previous < min_gain:
                break  # stalled: climb
            previous = score
    return {"reached": None, "path": path}
    # Reading the result: on a scripted eval where the prompt scores 0.5, 0.625, 0.625 and examples score
    # 0.75, 0.875 (target 0.85, min_gain 0.125), the ladder spends three attempts on the prompt, stalls, and
    # reaches the target on the second attempt with examples, never paying for retrieval or finetuning. A
    # larger min_gain climbs sooner (fewer prompt attempts, dearer rungs); a smaller one keeps rewriting
    # prompts for gains the eval cannot tell from noise.
    # END SOLUTION


# %%
check("start_prompting_first.climb_ladder", climb_ladder)

# %% [markdown]
# Stuck? `hint("start_prompting_first.climb_ladder")` shows the next hint.
