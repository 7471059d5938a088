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

# %% [markdown]
# A failing eval tells you *that* an output is wrong, not *what to do about it*. The same wrong answer
# can come from three very different places: the facts the model needed were never put in front of it,
# the task itself is unclear or too much to ask in one go, or the model simply fumbled something easy.
# Each of those calls for different work (fix retrieval, rework the task, work on the prompt or the
# model), and effort spent on the wrong one is wasted.
#
# The report's authors sort failures with a thought experiment they call the *intern test*: hand the
# exact same input, context included, to a capable student of the right subject. Could they do it,
# and how long would it take? Their answer to that question points at the fix:
#
# | the student...                                   | the failure is...            | so work on...                     |
# |--------------------------------------------------|------------------------------|-----------------------------------|
# | could not, because the facts are not in the input | missing context              | retrieval, the context            |
# | could not even with the facts, or would be slow   | a task too hard or ambiguous | clarifying, simplifying, splitting the task |
# | would answer it quickly and correctly            | a model mistake              | the prompt, the examples, the model |
#
# It is a heuristic, not a metric: nothing here is a published number. What we *can* measure is
# whether the buckets behave differently when you apply each fix. In this lesson you will:
#
# 1. run the course's tiny model on 20 annotated question-answering tasks,
# 2. sort its failures into the three buckets with the intern test,
# 3. apply a prompt fix to every task and each bucket's own fix to its tasks, and compare,
# 4. re-sort what still fails, since fixing one cause can uncover another.

# %%
import re

import matplotlib.pyplot as plt
import pandas as pd

from llmcourse.helpers import shipped
from llmcourse.notebook import llm

tasks = shipped.load("evals_intern_test", "tasks.toml")["tasks"]
print(f"{len(tasks)} tasks, model: {llm.model_name()}")
pd.DataFrame(tasks)[["id", "question", "context_has_answer", "intern_could_do_it", "note"]]

# %% [markdown]
# ## The tasks and their annotations
#
# Each task is a short context (as a retriever might return it) and a question about it. The people,
# orders and places are invented, so the model cannot know the answers from its training data: it
# either reads them in the context or it does not have them.
#
# The two annotation columns are the intern test, answered once per task by a person who read the
# input (here, by the author of this lesson; in your project, by you or a domain expert):
#
# - `context_has_answer`: are the facts needed to answer actually in the context?
# - `intern_could_do_it`: could a capable student answer from exactly this input, without having to
#   go back and ask what was meant?
#
# The tasks come in three groups: plain look-ups (ids `e..`), look-ups whose fact the retriever missed
# (`m..`), and questions that are ambiguous as asked (`a..`: "Which office does Sam run?" when the
# context names two people called Sam). One task, `m06`, is both missing its fact and ambiguous.
#
# Note that the annotation looks at the *input*, never at the model's output: it is decided before you
# know whether the model got it right.
#
# The intern test asks its questions in a fixed order, and the order matters. Whether the context held
# the facts is asked first: when it did not, nothing else about the task can be judged yet, and no
# prompt or model will produce a fact that is not there.

# %%
def intern_bucket(task: dict) -> str:
    """Which fix a failure on this task calls for, by the intern test (a simple version)."""
    if not task["context_has_answer"]:
        return "missing context"
    if not task["intern_could_do_it"]:
        return "task too hard or ambiguous"
    return "model mistake"


BUCKETS = ["missing context", "task too hard or ambiguous", "model mistake"]
pd.Series([intern_bucket(t) for t in tasks]).value_counts().reindex(BUCKETS).to_frame("tasks")

# %% [markdown]
# ## Step 1: run the model and score it
#
# The prompt is the plainest one: context, question, "answer in a few words". Scoring is deterministic:
# an answer is right when one of the task's accepted answers appears in it as whole words, ignoring case
# and punctuation. That is lenient (a rambling answer that contains the right name passes), which suits a
# model this small; what we care about is the pattern of failures, not a leaderboard number.

# %%
PROMPT = "Context: {context}\nQuestion: {question}\nAnswer in a few words."


def normalise(text: str) -> str:
    return " " + re.sub(r"[^a-z0-9:]+", " ", text.lower()).strip() + " "


def is_correct(output: str, gold: list[str]) -> bool:
    return any(normalise(g) in normalise(output) for g in gold)


def ask(context: str, question: str, shots: list[dict] = ()) -> str:
    message = {"role": "user", "content": PROMPT.format(context=context, question=question)}
    return llm.chat([*shots, message], max_tokens=16).strip()


baseline = []
for t in tasks:
    out = ask(t["context"], t["question"])
    baseline.append({"id": t["id"], "bucket": intern_bucket(t), "output": out,
                     "correct": is_correct(out, t["gold"])})
log = pd.DataFrame(baseline).set_index("id")
log

# %% [markdown]
# Read the failing rows before looking at any totals. In the `m..` rows the model had nothing to go on:
# count how many of them still get a confident answer with an invented value rather than "I don't know".
# In the `a..` rows a person would have asked "which one?"; the model has to pick, and a lucky pick
# counts as right.

# %%
by_bucket = log.groupby("bucket")["correct"].agg(tasks="size", correct="sum").reindex(BUCKETS)
by_bucket["failures"] = by_bucket["tasks"] - by_bucket["correct"]
by_bucket["failure rate"] = by_bucket["failures"] / by_bucket["tasks"]
by_bucket

# %% [markdown]
# A single overall score would hide all of this: it mixes failures that no prompt can fix with failures
# that a prompt might fix.

# %%
print(f"overall: {int(log['correct'].sum())} of {len(log)} right "
      f"({log['correct'].mean():.0%}), {int((~log['correct']).sum())} failures to explain")

# %% [markdown]
# ## Step 2: try one fix everywhere, and each bucket's own fix
#
# Suppose we had not done the triage and reached for the usual first move, a better prompt. Here the
# better prompt adds one worked example (a question and a short answer copied from its context) before
# the real question. That is a model-side fix: it can teach the format and the habit of copying from the
# context, but it cannot supply a fact that is not there.
#
# Then we apply the fix each bucket calls for, to that bucket's tasks only:
#
# - **missing context**: add the sentence a better retriever would have found (`missing_fact`);
# - **too hard or ambiguous**: ask the question the user meant (`question_clarified`);
# - **model mistake**: the prompt fix above is this bucket's own fix.

# %%
SHOT = [
    {"role": "user", "content": PROMPT.format(
        context="The Maple gym opens at 6 am. Its manager is Rui Costa.",
        question="Who manages the Maple gym?")},
    {"role": "assistant", "content": "Rui Costa"},
]


def targeted_fix(task: dict, with_example: bool) -> bool:
    """Apply the fix this task's bucket calls for; return whether the answer is then right."""
    bucket = intern_bucket(task)
    if bucket == "missing context":
        return is_correct(ask(task["context"] + " " + task["missing_fact"], task["question"]), task["gold"])
    if bucket == "task too hard or ambiguous":
        return is_correct(ask(task["context"], task["question_clarified"]), task["gold_clarified"])
    return with_example  # a model mistake: the prompt fix is its own fix, so reuse that run


log["with example"] = [is_correct(ask(t["context"], t["question"], SHOT), t["gold"]) for t in tasks]
log["with own fix"] = [targeted_fix(t, log.loc[t["id"], "with example"]) for t in tasks]

failures = pd.DataFrame({
    "baseline": (~log["correct"]).groupby(log["bucket"]).sum(),
    "prompt fix (one example)": (~log["with example"]).groupby(log["bucket"]).sum(),
    "the bucket's own fix": (~log["with own fix"]).groupby(log["bucket"]).sum(),
}).reindex(BUCKETS).astype(int)
failures.insert(0, "tasks", log.groupby("bucket").size().reindex(BUCKETS))
failures

# %%
ax = failures.drop(columns="tasks").plot.bar(rot=0, color=["#b0b0b0", "#9aa5c9", "#3f51b5"], width=0.8)
ax.set_ylabel("failed tasks")
ax.set_xlabel("")
ax.set_title("Failures per intern-test bucket, before and after each fix")
ax.set_xticks(range(len(BUCKETS)), [b.replace(" or ", "\nor ") for b in BUCKETS])
plt.tight_layout()
plt.show()

# %% [markdown]
# Read the plot bucket by bucket, and compare it with the table above (your numbers may differ from run to
# run, since even at temperature 0 the model is not perfectly repeatable).
#
# - **Missing context.** If the middle bar is as tall as the grey one, the worked example changed nothing
#   there, as it could not: the fact is absent. If the dark bar is much lower, the fix that works for this
#   bucket is retrieval: the same model, with the same prompt, answers once the sentence is in the context.
# - **Too hard or ambiguous.** Clarifying the question removes the guesswork. Any failures left here are
#   no longer ambiguous, so by the intern test they have become something else (see below).
# - **Model mistake.** For this bucket the prompt fix *is* the own fix, so the two coloured bars are the
#   same run. If failures remain, that is the moment to read the outputs for a pattern (does it fail on
#   arithmetic? on copying a code-like word?), and to consider a stronger model or moving the step into
#   ordinary code.
#
# A prompt change can also break tasks that used to pass: compare the `correct` and `with example`
# columns row by row.

# %%
log[["bucket", "correct", "with example", "with own fix"]]

# %% [markdown]
# ## Step 3: triage again after fixing
#
# A fix removes one cause of failure; it does not promise the task now passes. After adding a missing fact,
# the question may turn out to be ambiguous as well (`m06` was both), and after clarifying a question the
# model may still read the wrong sentence. The dataset records the annotator's judgement of each *fixed*
# input (`after_fix`), so the still-failing tasks can be sorted again:

# %%
still_failing = []
for t in tasks:
    if intern_bucket(t) == "model mistake" or log.loc[t["id"], "with own fix"]:
        continue
    fixed = {**t, **t["after_fix"]}
    still_failing.append({"id": t["id"], "first bucket": intern_bucket(t), "bucket now": intern_bucket(fixed)})
retriage = pd.DataFrame(still_failing, columns=["id", "first bucket", "bucket now"])
retriage

# %% [markdown]
# Each row that moved bucket now calls for a different action than before. In particular, a failure that
# lands in "model mistake" after its context and question are fixed is one the model really owns. If `m06`
# is still in the list, try both of its fixes at once: the missing sentence added *and* the question
# clarified. Should it fail even then, its input is one a student would answer at a glance, so what is
# left is a model mistake.

# %%
m06 = next(t for t in tasks if t["id"] == "m06")
both = ask(m06["context"] + " " + m06["missing_fact"], m06["question_clarified"])
print(f"m06 with both fixes: {both!r} -> correct: {is_correct(both, m06['gold_clarified'])}")

# %% [markdown]
# ## From failures to a plan
#
# The point of triage is to decide what to work on next. Counting the baseline failures per bucket gives
# a first, rough plan: the biggest bucket is where one kind of work fixes the most failures. In the
# exercises you turn this into a proper function, with the cases this quick count skips: outputs that
# were right, tasks a student could do but only slowly, ties, and empty buckets.

# %%
log.loc[~log["correct"], "bucket"].value_counts().to_frame("baseline failures")

# %% [markdown]
# Two caveats. The annotations are one person's judgement of 20 hand-made tasks, and with buckets of five
# to nine tasks a difference of one or two is noise, not evidence. And the report's test has a fourth
# answer that this data does not exercise: a task a student *could* do, but only slowly (a long
# calculation, many facts to combine). It belongs with the hard tasks: split it into steps or make it more
# templated before blaming the model.
#
# ## What to take away
#
# - Before fixing a failure, ask whether a capable person given the exact same input could do the task,
#   and how quickly.
# - Ask about the context first. If the facts are not in the input, the fix is retrieval; no prompt or
#   model change can make up for a missing fact.
# - If a person could not do it even with the facts, or only slowly, rework the task: clarify what is
#   meant, simplify it, split it into steps.
# - Only when a person would do it easily is it a model mistake: read those outputs for a pattern, then
#   work on the prompt and examples, or on the model.
# - After each fix, triage again: a failure can move to another bucket once its first cause is gone.
