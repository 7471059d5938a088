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
# Goodhart's law says that a number stops telling you the truth once people start steering by it.
# Evals for LLM systems are numbers people steer by, so they are exposed to exactly this. The classic
# example is the needle-in-a-haystack test (NIAH): hide one sentence (the needle) in a long filler
# text (the haystack), ask for it back, and call the model good at long context when it finds it.
# The test is clean by design: the question repeats the needle's own words, the needle is the only
# sentence about its topic, and the spelling is perfect. Real documents and real users are none of
# those things.
#
# The same trap catches metrics that come ready-made with a toolkit. A generic score such as "shorter
# summaries are better" is easy to compute for any task, which is why it is tempting, and it can
# point the wrong way for yours.
#
# In this lesson you will:
#
# 1. run a small needle test on the course's model, at three needle positions, with the textbook
#    needle and with three realistic variants of it (different letter case, a typo, a paraphrased
#    question), and compare recall per variant;
# 2. score sixteen labelled summaries of clinical notes with a generic conciseness score and with a
#    one-line check written for the domain (does the summary keep the dose?), and measure how often
#    each agrees with the labels;
# 3. let each metric choose which summary to ship, and count how often its choice is a good one.
#
# The model is SmolLM2-135M-Instruct, running on your CPU: its context is short, so the haystack
# here is a few hundred tokens rather than a book. The question is not how far it can read but how
# much a tidy test flatters it.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from llmcourse.helpers import shipped
from llmcourse.notebook import llm

hay = shipped.load("evals_overemphasis", "haystack.toml")
filler, needles = hay["filler"], hay["needles"]
print(f"haystack: {len(filler)} sentences, {len(' '.join(filler).split())} words; model: {llm.model_name()}")
pd.DataFrame(needles).set_index("id")[["needle", "question", "fact"]]

# %% [markdown]
# ## Step 1: building the textbook needle test
#
# The haystack is the minutes of an imaginary garden committee: fifteen sentences about compost,
# slugs and beehives, with no numbers in them. Each needle carries a key fact (a dose, a number, a
# locker) that the filler cannot supply, so an answer that contains the fact found the needle.
#
# We put the needle at the start, in the middle and at the end of the haystack, because where a fact
# sits in the context is known to matter to language models. Then we ask the question and keep the
# first 32 tokens of the answer.

# %%
POSITIONS = {"start": 0.0, "middle": 0.5, "end": 1.0}
PROMPT = ("Read the notes, then answer the question.\n\nNotes:\n{haystack}\n\n"
          "Question: {question}\nAnswer in a few words.")


def haystack_with(needle_text: str, where: float) -> str:
    """The filler with one sentence inserted at a relative position (0 = first, 1 = last)."""
    sentences = list(filler)
    sentences.insert(round(where * len(sentences)), needle_text)
    return " ".join(sentences)


def found(answer: str, fact: str) -> bool:
    """Blunt scoring: does the answer contain the key fact, ignoring letter case?"""
    return fact.lower() in answer.lower()


llm.ledger.clear()
example = PROMPT.format(haystack=haystack_with(needles[0]["needle"], 0.5), question=needles[0]["question"])
print(example[:400], "...")

# %% [markdown]
# ## Step 2: the needle as real text would carry it
#
# Three changes that happen in real data all the time, each applied on its own so its effect can be
# read separately:
#
# - **casing**: the needle is written in capitals, as in a shouted note or a scanned form;
# - **typo**: one word of the needle is misspelled, and it is the word the question asks about
#   (`atrovastatin`, `Libson`, `sevrer`). The key fact itself is never touched, so a miss means the
#   model did not find the sentence, not that the answer was damaged;
# - **paraphrase**: the needle is intact but the question uses other words, the way a user asks
#   without having seen the document.
#
# Three needles, three positions and four versions make 36 calls.

# %%
def variant(n: dict, kind: str) -> tuple[str, str]:
    """(sentence to hide, question to ask) for one kind of variant."""
    return {
        "exact": (n["needle"], n["question"]),
        "casing": (n["needle"].upper(), n["question"]),
        "typo": (n["typo"], n["question"]),
        "paraphrase": (n["needle"], n["paraphrase"]),
    }[kind]


VARIANTS = ["exact", "casing", "typo", "paraphrase"]
rows = []
for n in needles:
    for kind in VARIANTS:
        for pos_name, where in POSITIONS.items():
            text, question = variant(n, kind)
            answer = llm.chat(PROMPT.format(haystack=haystack_with(text, where), question=question),
                              max_tokens=32).strip()
            rows.append({"needle": n["id"], "variant": kind, "position": pos_name,
                         "answer": answer, "hit": found(answer, n["fact"])})
runs = pd.DataFrame(rows)
tokens = llm.ledger.table()["prompt_tokens"]
print(f"{len(runs)} answers; prompts of {tokens.min()} to {tokens.max()} tokens "
      f"(the server's context window is 4096)")

# %%
recall = runs.pivot_table(index="variant", columns="position", values="hit", aggfunc="mean")
recall = recall.loc[VARIANTS, list(POSITIONS)]
recall["all positions"] = runs.groupby("variant")["hit"].mean()
recall

# %%
fig, ax = plt.subplots()
x = np.arange(len(VARIANTS))
for i, pos_name in enumerate(POSITIONS):
    ax.bar(x + (i - 1) * 0.27, recall[pos_name], width=0.27, label=f"needle at {pos_name}")
ax.plot(x, recall["all positions"], "ko-", label="all positions")
ax.set_xticks(x, VARIANTS)
ax.set_ylim(0, 1.05)
ax.set_ylabel("recall (share of answers with the fact)")
ax.set_title(f"Needle recall by variant and position ({len(needles)} needles each)")
ax.legend(loc="lower left", fontsize=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# Each bar is three answers, one per needle, so a bar moves in steps of a third, and a whole
# variant rests on nine answers. Treat small differences as noise. What to look for is whether the
# exact version sits at or above the others: if it does, the number you would publish from the
# textbook test is the most flattering one in the table.

# %%
exact_recall = recall.loc["exact", "all positions"]
worst = recall["all positions"].idxmin()
print(f"exact wording: recall {exact_recall:.2f}; "
      f"lowest: {worst} at {recall.loc[worst, 'all positions']:.2f}")
print("gap to the exact version, per variant:")
print((exact_recall - recall["all positions"]).drop("exact").round(2).to_string())

# %% [markdown]
# If your run looks like ours, capitals and the typo cost this model little or nothing, and the
# paraphrased question cost the most. The answers suggest why: the model tends to echo the sentence
# that shares the most words with the question. One misspelled word or a change of case leaves most
# of that overlap in place; a paraphrase removes it. Check the positions as well: the bars show
# whether the needle is found more often at one end of the haystack. Whatever your numbers, read them
# the same way: the exact version is the best case, and what matters is how far below it each
# realistic variant lands.
#
# Read the misses before you trust any rate. They show whether the model failed to find the
# sentence, found it and answered around it, made up an answer that is not in the notes, or ran out
# of tokens before reaching the fact.

# %%
runs.loc[~runs["hit"], ["needle", "variant", "position", "answer"]].head(10)

# %% [markdown]
# The scoring itself is a small eval with its own blind spots: `found` is a substring test, so an
# answer saying "locker 152" would count as finding locker 52, and "40mg" written without a space
# would not count as "40 mg". The exercises make both the variants and the scoring sturdier.
#
# The lesson's variants are mild. Real retrieval also meets related distractors (an old dose
# mentioned next to the current one, a second city with its own number), several facts that must be
# combined, and questions whose answer is not in the text at all. Each of those can be measured the
# same way: write the variant, run it next to the clean version, compare.
#
# ## Step 3: a ready-made metric against a check written for the task
#
# Now a different eval, for a different task: summarising short clinical notes for a nurse. The
# course ships four notes with four candidate summaries each, and a label on every summary: good
# when a nurse could act on it safely (right drug, dose and schedule), bad otherwise. The labels
# were written by the course's author by reading each note and summary, so they stand in for a
# reviewer's judgement; the set is small and made up, but the kinds of summary in it (too terse,
# thorough, vague, wrong) are the ones summarisers produce.
#
# Two metrics score every summary:
#
# - **generic conciseness**: 1 minus the summary's length over the note's length, in words. It needs
#   no knowledge of the task, which is why toolkits can offer it for any summary;
# - **domain check**: does the summary contain the note's dose? One line of code, written by someone
#   who knows what a nurse needs from the summary.

# %%
clin = shipped.load("evals_overemphasis", "summaries.toml")
notes = {n["id"]: n for n in clin["notes"]}
summ = pd.DataFrame(clin["summaries"])
summ["words"] = summ["text"].str.split().str.len()
summ["conciseness"] = 1 - summ["words"] / summ["note"].map(lambda i: len(notes[i]["text"].split()))
summ["keeps_dose"] = [notes[i]["dose"].lower() in t.lower() for i, t in zip(summ["note"], summ["text"])]
summ[["note", "good", "words", "conciseness", "keeps_dose", "text"]]

# %% [markdown]
# To turn the conciseness score into a pass or fail we need a threshold, and a generic metric comes
# without one. Rather than pick a number that suits the argument, we try every threshold and report
# the best agreement any of them reaches. Agreement is the share of summaries where the metric's
# verdict equals the label.

# %%
thresholds = np.linspace(0, 1, 101)
agree_conc = np.array([((summ["conciseness"] >= t) == summ["good"]).mean() for t in thresholds])
agree_dose = (summ["keeps_dose"] == summ["good"]).mean()
best_t = thresholds[agree_conc.argmax()]
agreement = pd.DataFrame({
    "metric": ["generic conciseness, best threshold", "domain check: keeps the dose"],
    "agreement with labels": [agree_conc.max(), agree_dose],
    "threshold": [f"{best_t:.2f} (chosen after seeing the labels)", "none needed"],
}).set_index("metric")
agreement

# %%
fig, ax = plt.subplots()
ax.plot(thresholds, agree_conc, label="generic conciseness >= threshold")
ax.axhline(agree_dose, color="C2", ls="--", label="domain check: keeps the dose")
ax.axhline(summ["good"].mean(), color="grey", ls=":", label="share of summaries labelled good")
ax.set_xlabel("conciseness threshold")
ax.set_ylabel("agreement with the labels")
ax.set_ylim(0, 1.05)
ax.set_title(f"Agreement with {len(summ)} labelled summaries")
ax.legend(fontsize=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# Compare the best point of the blue curve with the dashed line. A conciseness threshold of 0 passes
# everything, so its agreement equals the share of good summaries: any threshold that does no better
# than that has learned nothing about the labels. Check the correlation too: the sign says which way
# the generic score points on this task.

# %%
print(f"correlation of conciseness with the label: {summ['conciseness'].corr(summ['good'].astype(float)):+.2f}")
print(f"correlation of the dose check with the label: "
      f"{summ['keeps_dose'].astype(float).corr(summ['good'].astype(float)):+.2f}")
summ.loc[summ["keeps_dose"] != summ["good"], ["note", "good", "keeps_dose", "text"]]

# %% [markdown]
# The table above lists where the domain check disagrees with the labels. Keeping the dose is
# necessary, not sufficient: a summary can carry the right number with the wrong schedule. A second
# assertion (the frequency, or the direction of a dose change) would close that gap; this is how an
# assertion suite grows from what you read.
#
# ## Step 4: what happens when you optimise for the metric
#
# A metric that is only reported does limited harm. A metric that is optimised picks what ships.
# Suppose each metric chooses one summary per note: the generic metric takes the most concise one;
# the domain-aware rule takes the most concise among those that keep the dose.

# %%
choices = []
for note_id, group in summ.groupby("note"):
    ranked = group.sort_values("conciseness", ascending=False)
    with_dose = ranked[ranked["keeps_dose"]]
    choices.append({"note": note_id,
                    "most concise": bool(ranked.iloc[0]["good"]),
                    "most concise that keeps the dose": bool(with_dose.iloc[0]["good"]) if len(with_dose) else False})
picks = pd.DataFrame(choices).set_index("note")
print("share of good picks:", picks.mean().round(2).to_dict())
picks.map(lambda ok: "good" if ok else "bad")

# %% [markdown]
# On this set, the most concise summary of every note is one the labels reject: dropping the dose is
# the quickest way to get shorter. If a system were tuned against that score (prompt edits, model
# choice, fine-tuning), it would drift towards such summaries while its dashboard improved. The
# dose-aware rule does better but not perfectly: count its bad picks and you will find the
# wrong-schedule summaries from the disagreement table again. Optimising any single check exposes
# its blind spot.
#
# ## What the papers found on larger models
#
# Our haystack is a few hundred tokens, far from any length that strains a model, so this lesson
# says nothing about what length does. At real context lengths the gap between the textbook test
# and harder tasks is large. RULER
# [@hsieh2024ruler] evaluated 17 long-context models on 13
# synthetic tasks that go beyond a single needle (several needles, multi-hop tracing, aggregation).
# Models that score almost perfectly on the plain needle test lose a lot of accuracy as the input
# grows, and of models that claim a context of 32K tokens or more, only about half still perform
# satisfactorily at 32K.
#
# The report's authors also describe, as an anecdote from their own experiments, a needle test built
# on doctor-patient conversations: asked about the patient's medication, the model they tested
# recalled it around 80% of the time; with an inserted sentence listing odd pizza ingredients, around
# 30%. Same transcripts, two needles, very different scores: the needle you choose sets the number.
#
# ## What to take away
#
# - A clean benchmark measures the clean case. Before reporting a needle-test score, rerun it with
#   the variation your data really has (casing, typos, paraphrased questions, related distractors)
#   and report the worst variant next to the best.
# - Generic, ready-made metrics are convenient because they ignore the task; that is also why they
#   can point the wrong way. Measure every metric's agreement with a few labelled examples before you
#   steer by it.
# - Domain checks, even one-liners, usually track what matters better, but they are necessary rather
#   than sufficient: read where they disagree with the labels and add the next check.
# - The more a metric decides what ships, the more it needs a second, independent eval watching it.
