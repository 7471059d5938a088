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
# Retrieval gives the model the right facts; it does not make the model stick to them. Even when the
# passage with the answer sits in the prompt, a model will now and then add a number that is not in
# it, credit the wrong passage, or invent a source altogether. On strong models this happens rarely,
# but it does not go away; on small models it is routine. Better prompts move the rate, and nobody
# has found a prompt that removes it.
#
# The useful response is an engineering one: make the output checkable, then check it with code.
# If the model must name the passage it used and quote the words it relied on, a few lines of Python
# can confirm that the passage exists and that the words are really in it. That check belongs in the
# eval suite, where it runs again every time the prompt, the retriever or the model changes.
#
# In this lesson you will:
#
# 1. ask the course's model 20 questions about a made-up town, each with two to four short sources,
#    and require bracketed source ids and quotes in every answer;
# 2. measure, with plain code, how many answers cite nothing, cite a source that does not exist,
#    misquote, or state a number that no source contains;
# 3. change the prompt and rerun the same checks on the same questions, then read the per-question
#    diff: which answers the change fixed and which it broke.

# %%
import re

import matplotlib.pyplot as plt
import pandas as pd

from llmcourse.helpers import shipped
from llmcourse.notebook import llm

items = shipped.load("evals_hallucinations", "grounded_qa.toml")["items"]
print(f"{len(items)} questions, {sum(len(i['sources']) for i in items)} source passages, model {llm.model_name()}")
pd.DataFrame([{"id": i["id"], "question": i["question"], "source id": k, "source": v}
              for i in items[:2] for k, v in i["sources"].items()])

# %% [markdown]
# ## The task: answer from the sources, and show where each claim comes from
#
# The town of Fernhill is invented, so the model cannot know any of these facts from training:
# whatever it says about Fernhill is either taken from the passages or made up. Each question comes
# with its passages labelled `[S1]`, `[S2]`... The first prompt asks for an answer from the sources,
# with the source id in brackets and the exact words quoted.

# %%
PROMPT_V1 = (
    "Answer the question using only the sources below. Cite the source id in brackets, like [S1], "
    "and quote the exact words you rely on in double quotes.\n\nSources:\n{sources}\n\nQuestion: {question}"
)


def format_sources(item: dict) -> str:
    return "\n".join(f"[{sid}] {text}" for sid, text in item["sources"].items())


def run(template: str) -> dict[str, str]:
    """One answer per question, keyed by question id."""
    return {it["id"]: llm.chat(template.format(sources=format_sources(it), question=it["question"]),
                               max_tokens=60).strip()
            for it in items}


answers_v1 = run(PROMPT_V1)
pd.DataFrame({"question": [i["question"] for i in items], "answer (prompt v1)": list(answers_v1.values())},
             index=list(answers_v1)).head(8)

# %% [markdown]
# ## Checks that need no judge
#
# Each check below is deterministic and cheap. Together they catch the kinds of unsupported claim
# that can be caught without understanding the text:
#
# - **no citation**: the answer names no source, so nothing in it can be traced;
# - **unknown source**: it cites an id that was never given, such as `[S4]` when there are three;
# - **quote not found**: a double-quoted span that is not in any of the sources;
# - **unsupported number**: a number (a price, an hour, a count) that appears in no source and not in
#   the question. Invented numbers are easy to spot with a regular expression, and in a factual
#   answer they do real harm;
# - **wrong source**: the answer cites real sources, but not the one that holds the answer. This one
#   needs a label (each question in the data names its supporting passage under `support`), so it
#   only works on a labelled eval set, not on live traffic.
#
# This version is deliberately simple: it compares quotes exactly and accepts a quote found in *any*
# source. The exercise makes it stricter, as a real suite should be.

# %%
CITED = re.compile(r"\[(\w+)\]")
QUOTED = re.compile(r'"([^"]+)"')
NUMBER = re.compile(r"\b\d+(?:[.:,]\d+)?\b")  # "S1" is not a number: no word boundary before its digit

CHECKS = ["no citation", "unknown source", "quote not found", "unsupported number", "wrong source"]


def problems(answer: str, item: dict) -> list[str]:
    """The CHECKS that this answer fails."""
    sources = item["sources"]
    cited = CITED.findall(answer)
    allowed_numbers = set(NUMBER.findall(" ".join(sources.values()) + " " + item["question"]))
    failed = []
    if not cited:
        failed.append("no citation")
    if any(sid not in sources for sid in cited):
        failed.append("unknown source")
    if any(not any(q in text for text in sources.values()) for q in QUOTED.findall(answer)):
        failed.append("quote not found")
    if set(NUMBER.findall(answer)) - allowed_numbers:
        failed.append("unsupported number")
    known = [sid for sid in cited if sid in sources]
    if known and item["support"] not in known:
        failed.append("wrong source")
    return failed


def evaluate(answers: dict[str, str]) -> pd.DataFrame:
    """One row per question: a boolean column per check (True = problem found) and 'any problem'."""
    rows = []
    for it in items:
        found = problems(answers[it["id"]], it)
        rows.append({"id": it["id"], **{c: c in found for c in CHECKS}})
    frame = pd.DataFrame(rows).set_index("id")
    frame["any problem"] = frame[CHECKS].any(axis=1)
    return frame


results_v1 = evaluate(answers_v1)
results_v1.mean().to_frame("share of answers, prompt v1")

# %% [markdown]
# The table is the headline; the answers are the evidence. Here are the ones with problems, next to
# the problems found. Read a few: is each flag a real fault? Does an answer without a flag really
# say what its source says?

# %%
def problem_table(answers: dict[str, str], results: pd.DataFrame) -> pd.DataFrame:
    flagged = results[results["any problem"]].index
    return pd.DataFrame({
        "answer": [answers[i] for i in flagged],
        "problems": [", ".join(c for c in CHECKS if results.loc[i, c]) for i in flagged],
    }, index=flagged)


problem_table(answers_v1, results_v1).head(10)

# %% [markdown]
# Count the rows above. A model of 135 million parameters is a long way from the models people put
# in production, so expect many flags: it often ignores the format, and it sometimes produces
# numbers or source ids that are nowhere in its prompt. What matters for this lesson is not the size of
# the rate on this model but that each flag was raised by a few lines of code, with no second model
# and no human in the loop.
#
# Strong models slip far less often, but not never. Vectara's leaderboard, which asks
# each model to summarise the same set of short news articles and scores the summaries with a
# trained consistency classifier, reported hallucination rates of 3.0% for GPT-4, 5.1% for
# Llama 2 70B and 8.5% for Claude 2 in its November 2023 edition [@vectara2023leaderboard].
# Citations are not solved
# by scale either: a human audit of four generative search engines found only 51.5% of their
# sentences fully supported by their citations, and only 74.5% of citations supporting the sentence
# they were attached to [@liu2023verifiability]. The report itself gives 5 to 10% as the usual
# baseline rate of factual inconsistencies, without saying where that range comes from; only its
# second figure has a stated source, what LLM providers told the authors: pushing the rate under 2%
# is hard even for a task as plain as summarisation. Treat both as the authors' reading of the
# field, not as measurements.
#
# ## Change the prompt, rerun the suite
#
# A natural fix for a model that ignores the format is to show it the format. The second prompt adds
# one worked example. Everything else is held fixed: same questions, same sources, same checks.

# %%
PROMPT_V2 = (
    "Answer the question using only the sources below. Cite the source id in brackets and quote "
    "the exact words you rely on in double quotes.\n\n"
    "Example:\nSources:\n[S1] The museum opens at 9.\n[S2] Entry costs 5 euros.\n"
    'Question: How much is entry?\nAnswer: Entry is "5 euros" [S2].\n\n'
    "Sources:\n{sources}\nQuestion: {question}\nAnswer:"
)

answers_v2 = run(PROMPT_V2)
results_v2 = evaluate(answers_v2)
rates = pd.DataFrame({"prompt v1": results_v1.mean(), "prompt v2": results_v2.mean()})
rates

# %%
ax = rates.iloc[::-1].plot.barh(xlim=(0, 1.05), color=["#9aa5c9", "#3f51b5"])
ax.set_xlabel(f"share of the {len(items)} answers with this problem")
ax.legend(loc="center right")
ax.set_title("Unsupported-claim checks, same questions, two prompts")
plt.tight_layout()
plt.show()

# %% [markdown]
# ## The suite is a regression harness: read the diff, not only the average
#
# The bars give the net effect per check. A prompt change usually moves answers in both directions,
# and a net figure hides that: three fixes and three new failures look like no change at all.
# Because the suite runs the same questions every time, the two runs line up question by question
# and check by check. First, per check: how many questions lost that problem, and how many gained it?

# %%
before, after = results_v1[CHECKS], results_v2[CHECKS]
movement = pd.DataFrame({"fixed": (before & ~after).sum(), "new failures": (~before & after).sum()})
movement["net change in failures"] = movement["new failures"] - movement["fixed"]
movement

# %% [markdown]
# Then per question: every question where any check changed, with what was fixed, what broke, and
# both answers. In a real project these are the rows you read before you decide to ship the new
# prompt; a "new failure" on a question that used to pass is a regression a user would notice.

# %%
def listed(row) -> str:
    return ", ".join(c for c in CHECKS if row[c]) or "-"


diff = pd.DataFrame({
    "fixed": [listed(before.loc[i] & ~after.loc[i]) for i in before.index],
    "new failures": [listed(~before.loc[i] & after.loc[i]) for i in before.index],
    "answer v1": [answers_v1[i] for i in before.index],
    "answer v2": [answers_v2[i] for i in before.index],
}, index=before.index)
changed = diff[(diff["fixed"] != "-") | (diff["new failures"] != "-")]
changed

# %%
ok_v1, ok_v2 = ~results_v1["any problem"], ~results_v2["any problem"]
print(f"questions where some check changed: {len(changed)} of {len(items)}")
print(f"check failures fixed: {int(movement['fixed'].sum())}, new check failures: {int(movement['new failures'].sum())}")
print(f"answers with no problem at all: v1 {int(ok_v1.sum())}/{len(items)}, v2 {int(ok_v2.sum())}/{len(items)}; "
      f"clean in v1 but not in v2: {int((ok_v1 & ~ok_v2).sum())}, the other way round: {int((~ok_v1 & ok_v2).sum())}")

# %% [markdown]
# Set the two counts of check failures side by side. When they are close, the averages barely move
# while a good share of the questions changed underneath; a report that showed only the rates would
# call the new prompt harmless, or a small win, and miss every regression in the table above.
#
# A worked example is also new text in the prompt, and a small model may copy it. Count the second
# run's answers that repeat words that only the example contains:

# %%
EXAMPLE_WORDS = ["museum", "entry is", "5 euros", "opens at 9"]


def copies_example(answer: str, item: dict) -> bool:
    """True if the answer uses a phrase of the worked example that this item's sources do not contain."""
    own = " ".join(item["sources"].values()).lower()
    return any(w in answer.lower() and w not in own for w in EXAMPLE_WORDS)


copied = [it["id"] for it in items if copies_example(answers_v2[it["id"]], it)]
print(f"{len(copied)} of {len(items)} v2 answers repeat words from the worked example: {copied}")

# %% [markdown]
# If that count is above zero, the fix itself became a source of unsupported claims: the example's
# facts leak into answers about Fernhill. Look those ids up in the per-question diff above and see
# which checks flagged them (an invented price or hour shows up as an unsupported number); a leak
# with no number and no citation would pass every check except "no citation".
#
# If your run looks like ours, the one-shot example changes which checks fail more than it changes
# whether answers fail: the model copies the shape of the example (brackets, quotes) without
# reliably copying the right words from the right passage. Whatever your numbers show, note how
# small the suite is: with 20 questions, one question is five percentage points, and a model that
# is not fully repeatable at temperature 0 can move a question or two between runs. Treat small
# differences as noise and grow the set with every failure you find in your logs.
#
# Two limits of mechanical checks, so you do not over-trust them:
#
# - They verify that the *evidence* is real, not that the *claim* follows from it. An answer can
#   quote a real sentence from the right source and still draw the wrong conclusion; catching that
#   needs a consistency model or a human. The report suggests putting such a classifier after
#   generation, as a guardrail.
# - They depend on the output being checkable. That is a design decision: ask for ids and quotes in
#   a fixed format (or, better, structured output), and the check becomes a few lines of code.
#
# Academic benchmarks use the same idea at scale. ALCE scores citation quality automatically, and
# with it the authors found that even the best system they tested lacked complete citation support
# for about half of its answers on one of the three datasets, ELI5
# [@gao2023alce].
#
# ## What to take away
#
# - Grounding lowers the hallucination rate but does not remove it; a prompt change shifts the rate,
#   it does not close it. Plan for a residue, even on the strongest models.
# - Make answers checkable (source ids, quotes, structured fields) and verify them with code: ids
#   must exist, quotes must be in the sources they cite, numbers must come from somewhere.
# - Keep those checks in the eval suite and rerun them on every change. Compare runs question by
#   question: the average can stay flat while answers that used to be right break.
