# Generated from solutions/team_process_not_tools.py by `llmcourse assign`: edit the solution, not this file.
# %%
from llmcourse.notebook import check, hint

# %% [markdown]
# The lesson tried every subset of twelve candidate assertions to find the smallest suite that catches
# the most defects under a false-failure cap. That stops working at a few dozen candidates, and a real
# pipeline collects candidates quickly (every incident suggests one). The usual answer is greedy: add
# the assertion that helps most, one at a time, while the suite stays under the cap.
#
# ## Exercise: choose assertions greedily under a false-failure cap
#
# Write `greedy_assertions(results, labels, max_false_failure_rate)`.
#
# - `results` maps each candidate's name to a list of booleans, one per output: `True` when the
#   assertion passes that output, `False` when it **flags** it.
# - `labels` is a list of booleans, one per output, from a person: `True` for a good output, `False`
#   for a bad one. Every list in `results` has the same length as `labels`.
# - A suite (a set of chosen assertions) flags an output when **any** member flags it. Its false-failure
#   rate is `(good outputs the suite flags) / (number of good outputs)`; a suite is allowed when that
#   number is `<= max_false_failure_rate` (equality is allowed).
#
# Build the suite greedily, starting from no assertions. In each round, look at every candidate not yet
# chosen whose addition leaves the suite allowed, and count the bad outputs it would flag that the suite
# does not flag yet (its *gain*). Choose the candidate with the largest gain; on a tie, the one that
# would newly flag fewer good outputs; on a further tie, the one that comes first in `results`. Stop
# when no allowed candidate has a gain of at least 1. Return the names in the order they were chosen
# (an empty list when nothing is chosen, for example when `results` is empty or no output is bad).
#
# Raise `ValueError` when a list in `results` differs in length from `labels`, when
# `max_false_failure_rate` is outside `[0, 1]`, or when `labels` has no good output (the false-failure
# rate would divide by zero).

# %%
def greedy_assertions(results: dict[str, list[bool]], labels: list[bool],
                      max_false_failure_rate: float) -> list[str]:
    """Names of the assertions chosen greedily for coverage of bad outputs under a false-failure cap."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("team_process_not_tools.greedy_assertions", greedy_assertions)

# %% [markdown]
# Once it passes, try it on the lesson's data: build `results` from the `passes` table (one list per
# column), `labels` from the `good` column, and compare the greedy suite with the exhaustive table for
# the same cap. Greedy is not guaranteed to find the smallest suite: it can pick a broad assertion first
# and then need two narrow ones where an exhaustive search finds two that split the work. Past a few
# dozen candidates, though, the exhaustive search is out of reach and greedy is what you can run.

# %%
