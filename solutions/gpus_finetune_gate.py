# %%
from llmcourse.notebook import check, hint
import math

# %% [markdown]
# The lesson measured a learning curve over prompt versions and asked when that curve is evidence that
# prompting has run out. This exercise writes the rule down as code, so that a request to finetune has to
# pass the same check every time, whoever makes it.
#
# ## Exercise: a gate that lets a finetune through only on evidence
#
# Write `finetune_gate(history, target, min_n=100, patience=2, z=1.96)`. `history` lists the eval result
# of each prompt version, in the order the versions were tried, as `(passed, n)` pairs: `passed` of `n`
# eval cases passed, so the version's accuracy is `passed / n`. Return exactly one of four strings,
# deciding in this order:
#
# 1. `"collect more evals"` when **any** version was measured on fewer than `min_n` cases (`n < min_n`):
#    on a small eval set a plateau and noise look the same.
# 2. `"ship"` when the best accuracy in the history is at least `target` (`>=`): prompting already meets
#    the bar, so there is nothing to finetune for.
# 3. `"keep prompting"` when there are fewer than `patience + 1` versions: there is no curve to read yet.
# 4. Look at the last `patience` versions. A version **improved** when the lower end of its Wilson
#    interval (below) is strictly greater than the best accuracy of **all** versions before it. If any of
#    the last `patience` versions improved, return `"keep prompting"`; if none did, prompting has
#    plateaued below the target: return `"finetune"`.
#
# The lower end of the Wilson score interval for `passed` of `n` at `z` standard errors, with
# `p = passed / n`, is
#
# `(p + z**2 / (2 * n) - z * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))) / (1 + z**2 / n)`.
#
# Raise `ValueError` for input that cannot be evidence: an empty history; a version with `n < 1`,
# `passed < 0` or `passed > n`; a `target` outside `(0, 1]`; `patience < 1`; or `min_n < 1`.

# %%
def finetune_gate(history: list[tuple[int, int]], target: float, min_n: int = 100, patience: int = 2,
                  z: float = 1.96) -> str:
    """'collect more evals', 'ship', 'keep prompting' or 'finetune', from the eval results of the prompt
    versions tried so far, oldest first. See the exercise text for the order of the checks."""
    # BEGIN SOLUTION
    if not history:
        raise ValueError("no prompt versions: measure at least one before deciding anything")
    if not 0 < target <= 1:
        raise ValueError("target is an accuracy in (0, 1]")
    if patience < 1 or min_n < 1:
        raise ValueError("patience and min_n must be at least 1")
    for passed, n in history:
        if n < 1 or not 0 <= passed <= n:
            raise ValueError(f"({passed}, {n}) is not a count of passed cases out of n >= 1")
    if any(n < min_n for _, n in history):
        return "collect more evals"
    accuracy = [passed / n for passed, n in history]
    if max(accuracy) >= target:
        return "ship"
    if len(history) < patience + 1:
        return "keep prompting"
    for i in range(len(history) - patience, len(history)):
        passed, n = history[i]
        p = accuracy[i]
        low = (p + z**2 / (2 * n) - z * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))) / (1 + z**2 / n)
        if low > max(accuracy[:i]):
            return "keep prompting"
    return "finetune"
    # Reading it on the lesson's curve: with 12 eval cases per version every call says "collect more evals",
    # whatever the accuracies, because at n = 12 a 95% interval is about 50 points wide. With 200 cases per
    # version, three versions at 60%, 75% and 76% say "finetune" at patience 1 (76% is not surely above 75%)
    # and "keep prompting" at patience 2 (the 75% version was surely above 60%). Raise min_n and the gate
    # asks for more evidence; raise patience and it waits longer before it calls a plateau.
    # END SOLUTION


# %%
check("gpus_finetune_gate.finetune_gate", finetune_gate)

# %% [markdown]
# Stuck? `hint("gpus_finetune_gate.finetune_gate")` shows the next hint.
