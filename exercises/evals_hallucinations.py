# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# Generated from solutions/evals_hallucinations.py by `llmcourse assign`: edit the solution, not this file.

# %% [markdown]
# # Exercises: checking citations mechanically
#
# Two functions, each graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.

# %%
import re

from llmcourse.notebook import check, hint

# A citation is a pair of square brackets holding one source id, or several separated by commas:
# "[S2]" cites S2, "[S1, S3]" cites S1 and S3. Group 1 of a match is the text inside the brackets.
# Brackets holding anything else ("[citation needed]", "[1]") are not citations.
CITATION = re.compile(r"\[\s*([A-Za-z]+\d+(?:\s*,\s*[A-Za-z]+\d+)*)\s*\]")

# %% [markdown]
# ## 1. Verify one answer's citations and quotes
#
# `sources` maps source ids to their text, e.g. `{"S1": "...", "S2": "..."}`. Return the problems
# of `answer` as a list of strings, **in the order they appear in the answer** (by the position where
# the citation or the quote starts; ids inside one pair of brackets in the order written), or `[]`
# when there are none:
#
# - every cited id (see `CITATION` above) that is not a key of `sources` gives
#   `"unknown source S9"` (with the id as written). Each occurrence counts: `[S9] ... [S9]` is two
#   problems. Ids are compared exactly, letter case included.
# - every quoted span gives `'quote not found: "..."'` (the text between the quote marks, exactly as
#   written) unless it appears in **a source the answer cites**. A quote is the text between a pair
#   of straight double quotes `"..."` or curly ones `“...”`; an empty or blank quote is ignored.
#   "Cites" means cited anywhere in the answer, before or after the quote, with an id that exists in
#   `sources`. The comparison ignores letter case and treats any run of whitespace as one space
#   (and ignores spaces at the ends of the quote). A quote that appears only in a source the answer
#   does **not** cite is a problem: the reader is sent to the wrong place. An answer that cites
#   nothing therefore fails every quote it makes.
#
# An answer with no citation and no quote has nothing to verify and gives `[]`; the next exercise
# deals with it.

# %%
def verify_citations(answer: str, sources: dict[str, str]) -> list[str]:
    """The problems of `answer`'s citations and quotes, in order of appearance; [] when all is well."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("evals_hallucinations.verify_citations", verify_citations)

# %% [markdown]
# ## 2. The unsupported rate of a run
#
# A run of your grounded QA system is a list of `(answer, sources)` pairs: each answer with the
# sources it was given. Return the share of answers that are **unsupported**: `verify_citations`
# finds at least one problem, **or** the answer cites nothing at all (no match of `CITATION`). An
# answer without a citation may well be correct, but nothing in it can be checked, so in a grounded
# system it counts against you. Count answers, not problems: an answer with three problems counts
# once. Raise `ValueError` for an empty run, which has no rate.

# %%
def unsupported_rate(run: list[tuple[str, dict[str, str]]]) -> float:
    """Share of (answer, sources) pairs with a citation problem or with no citation at all."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("evals_hallucinations.unsupported_rate", unsupported_rate)
