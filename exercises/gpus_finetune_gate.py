# Generated from solutions/gpus_finetune_gate.py by `llmcourse assign`: edit the solution, not this file.
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
    # TODO: your code here
    raise NotImplementedError


# %%
check("gpus_finetune_gate.finetune_gate", finetune_gate)

# %% [markdown]
# Stuck? `hint("gpus_finetune_gate.finetune_gate")` shows the next hint.
