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

# Generated from solutions/capstone_retrieval.py by `llmcourse assign`: edit the solution, not this file.

# %% [markdown]
# # Exercises: the eval set first, then retrieval you have measured
#
# Three functions, the first steps of the capstone, each graded by the check cell below it. Run the
# check cell as often as you like; `hint("...")` (or `llmcourse hint ...` in a terminal) shows one
# more hint each time.
#
# The data they work on has the shape of `llmcourse/data/capstone_retrieval/questions.jsonl`: one dict
# per question, `{"id": "q01", "question": "...", "answerable": True, "relevant": ["LESSON_ID#slug", ...]}`,
# where `relevant` lists every passage that answers the question and is empty for a question the
# course does not answer. You may assume `answerable` is a bool and `relevant` a list of strings.

# %%
from llmcourse.notebook import check, hint

# %% [markdown]
# ## 1. Check the eval set before you trust it
#
# An eval set is data, and data has bugs: a label that points at a passage renamed last week, a
# question marked answerable with nothing labelled, the same question twice (which counts it twice in
# every average), too few unanswerable questions to tell whether abstention works. Write the checker
# that runs before anything is measured on the set.
#
# Write `validate_eval_set(rows, passage_ids, min_unanswerable=0.25)`. `rows` is a list of question
# dicts as above; `passage_ids` is the set of ids that exist in the corpus. Raise `ValueError` when:
#
# - `rows` is empty, or `min_unanswerable` is outside `[0, 1]`;
# - a row lacks any of the keys `id`, `question`, `answerable`, `relevant` (extra keys are allowed);
# - a row's `relevant` names an id that is not in `passage_ids`;
# - a row is answerable with an empty `relevant`, or unanswerable with a non-empty one;
# - two rows have the same `id`;
# - two rows ask the same question once folded: lower-cased, leading and trailing whitespace removed,
#   and every run of whitespace inside replaced by one space (`"What is RRF?"` and `" what  is rrf?"`
#   are the same question; `"What is RRF"` without the `?` is a different one);
# - the share of unanswerable rows is below `min_unanswerable` (a share equal to it is fine).
#
# Make each message name the row (its `id`, or its position when the id is missing): the grader only
# checks that `ValueError` is raised, but the message is what the person fixing the file reads.
#
# Otherwise return a summary dict with exactly these keys:
#
# - `"questions"`: the number of rows; `"answerable"` and `"unanswerable"`: how many of each;
# - `"unanswerable_share"`: unanswerable / questions, as a float, not rounded;
# - `"passages"`: the number of distinct passage ids labelled relevant anywhere in the set.

# %%
def validate_eval_set(rows: list[dict], passage_ids: set[str], min_unanswerable: float = 0.25) -> dict:
    """The summary of a well-formed eval set; ValueError naming the row for the first problem found."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("capstone_retrieval.validate_eval_set", validate_eval_set)

# %% [markdown]
# ## 2. Mean recall@k over the eval set
#
# The lesson's table is one number per retriever and k: of the passages that answer a question, what
# share reached the first k results, averaged over the questions.
#
# Write `recall_at_k(ranked_by_question, eval_rows, k)`:
#
# - `ranked_by_question` maps a question id to a retriever's passage ids, best first;
# - `eval_rows` are question dicts as above;
# - one question's recall@k is the number of its distinct relevant ids found among the first k ids of
#   its ranking, divided by its number of distinct relevant ids. A passage listed twice in a ranking is
#   still one passage. An answerable question with no entry in `ranked_by_question` retrieved nothing:
#   its recall is 0;
# - return the mean over the **answerable** questions only. Unanswerable questions have nothing to
#   find and are ignored, as are rankings for ids that are not in `eval_rows`;
# - raise `ValueError` when `k` is less than 1, or when `eval_rows` has no answerable question.

# %%
def recall_at_k(ranked_by_question: dict[str, list[str]], eval_rows: list[dict], k: int) -> float:
    """Mean over the answerable questions of the share of their relevant ids in the first k results."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("capstone_retrieval.recall_at_k", recall_at_k)

# %% [markdown]
# ## 3. Keep the hybrid only if it helps
#
# A fancier retriever costs something: another index to build and keep in step, another model to pin,
# scores nobody can explain term by term. It earns its place only by beating the simpler one by more
# than the eval set can resolve.
#
# Write `choose_retriever(candidates, min_gain)`:
#
# - `candidates` is a list of `(name, recall)` pairs ordered from the simplest retriever to the most
#   complex, for example `[("BM25", 0.91), ("LSA", 0.94), ("hybrid", 0.91)]`;
# - let `best` be the highest recall among them. Return the name of the **first** (simplest) candidate
#   whose recall is at least `best - min_gain`: compare `recall >= best - min_gain` as written, in
#   floating point, so a recall equal to `best - min_gain` is within the margin;
# - raise `ValueError` when `candidates` is empty, when two candidates share a name, when a recall is
#   outside `[0, 1]`, or when `min_gain` is negative.

# %%
def choose_retriever(candidates: list[tuple[str, float]], min_gain: float) -> str:
    """The simplest candidate whose recall is within min_gain of the best one."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("capstone_retrieval.choose_retriever", choose_retriever)

# %% [markdown]
# With the three checks passing you have the capstone's first two practices as code: an eval set
# that is checked before it is used, and a retriever chosen by a number. The next part,
# `capstone_product`, builds the answer with citations, abstention, the guardrail and the cache on
# top, and reruns this set after each step.
