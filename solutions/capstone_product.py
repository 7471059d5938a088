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
# # Exercises: answers you can check, and the product around them
#
# Six functions, each graded by the check cell below it. The first five are the parts; the sixth,
# `ask_course`, puts them together into the whole "Ask the course" pipeline and is graded on the
# product's scores: retrieval recall, citation validity, abstention precision, latency and cost per
# question. `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.

# %%
import re
from typing import Iterable

import numpy as np
from rank_bm25 import BM25Okapi

from llmcourse.notebook import check, hint

# %% [markdown]
# ## 1. Verify the citations in an answer
#
# The model is asked to end each sentence with the passage it comes from, written `[LESSON_ID#slug]`.
# Check what it wrote against what it was given (`evals_hallucinations`: never trust a citation unread).
#
# - A **citation** is `[`, a lesson id (lower-case letters, digits and `_`), `#`, a slug (lower-case
#   letters, digits and `-`), then `]`: the regular expression `\[([a-z0-9_]+#[a-z0-9-]+)\]`. Anything
#   else in square brackets (`[1]`, `[Intro]`, `[see below]`) is not a citation.
# - **Sentences**: cut the text after each `.`, `!` or `?` that is followed by whitespace (so `3.5`
#   is not cut); strip each piece and drop empty ones. A citation belongs to the sentence it sits in,
#   so write them before the full stop: `BM25 is a baseline [rag_keyword_search#intro].`
# - Return a dict with three lists: `"valid"`, the cited ids that are among `retrieved_ids`;
#   `"invalid"`, the cited ids that are not; each in order of first appearance, without repeats; and
#   `"uncited"`, the stripped sentences (in order) that contain no citation at all.
# - Empty or blank text gives three empty lists. Raise `ValueError` if `answer_text` is not a `str`.

# %%
CITATION = re.compile(r"\[([a-z0-9_]+#[a-z0-9-]+)\]")


def verify_citations(answer_text: str, retrieved_ids: Iterable[str]) -> dict:
    """The valid and invalid citations of an answer, and its sentences that cite nothing."""
    # BEGIN SOLUTION
    if not isinstance(answer_text, str):
        raise ValueError(f"answer_text must be a str, not {type(answer_text).__name__}")
    allowed = set(retrieved_ids)
    valid, invalid = [], []
    for cited in CITATION.findall(answer_text):
        bucket = valid if cited in allowed else invalid
        if cited not in bucket:
            bucket.append(cited)
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", answer_text)]
    uncited = [s for s in sentences if s and not CITATION.search(s)]
    return {"valid": valid, "invalid": invalid, "uncited": uncited}
    # END SOLUTION


# A reply that cites one passage it was given and one it was not: valid has the first, invalid the
# second, and a sentence with no bracket at all is listed as uncited, for the page to flag.

# %%
check("capstone_product.verify_citations", verify_citations)

# %% [markdown]
# ## 2. Abstain when the evidence is weak
#
# Decide, before any model call, whether the best retrieved passage is good enough to answer from
# (`evals_abstention`).
#
# - `top_score` is the BM25 score of the best passage, or `None` when nothing was retrieved;
#   `question_terms` and `passage_terms` are the tokens of the question and of that passage (lists,
#   possibly with repeats).
# - The **overlap** is the share of the question's distinct terms that appear in the passage:
#   `len(set(q) & set(p)) / len(set(q))`; a question with no terms has overlap 0.
# - Return `"no_passages"` when `top_score` is `None`; else `"low_score"` when `top_score` is below
#   `threshold`; else `"low_overlap"` when the overlap is below `min_overlap`; else `None` (answer).
#   Equality answers: a score equal to the threshold, or an overlap equal to `min_overlap`, is enough.
# - Raise `ValueError` when `min_overlap` is outside `[0, 1]`.

# %%
def should_abstain(top_score: float | None, question_terms: list[str], passage_terms: list[str],
                   threshold: float, min_overlap: float) -> str | None:
    """The reason to abstain ("no_passages", "low_score", "low_overlap"), or None to answer."""
    # BEGIN SOLUTION
    if not 0.0 <= min_overlap <= 1.0:
        raise ValueError(f"min_overlap must lie in [0, 1], not {min_overlap}")
    if top_score is None:
        return "no_passages"
    if top_score < threshold:
        return "low_score"
    asked = set(question_terms)
    overlap = len(asked & set(passage_terms)) / len(asked) if asked else 0.0
    if overlap < min_overlap:
        return "low_overlap"
    return None
    # END SOLUTION


# A near-miss question can reach a decent BM25 score on one rare word; the overlap rule catches the
# ones whose other words are nowhere in the passage.

# %%
check("capstone_product.should_abstain", should_abstain)

# %% [markdown]
# ## 3a. A guardrail in front of the pipeline
#
# Refuse some input before it reaches retrieval or the model, with a reason (the practice of
# `evals_guardrails`: a cheap check in front of the expensive call).
#
# - Return `"empty"` when the question is blank (only whitespace); else `"too_long"` when it has more
#   than `max_chars` characters (exactly `max_chars` is fine); else `"injection"` when, after lowering
#   the case and collapsing every run of whitespace to one space, it contains any of `INJECTION`;
#   else `None`.
# - Raise `ValueError` when `question` is not a `str`.

# %%
INJECTION = ("ignore previous instructions", "ignore all previous", "ignore the above", "system prompt",
             "you are now", "disregard your instructions")


def guard(question: str, max_chars: int = 300) -> str | None:
    """Why the question is refused ("empty", "too_long", "injection"), or None to let it through."""
    # BEGIN SOLUTION
    if not isinstance(question, str):
        raise ValueError(f"question must be a str, not {type(question).__name__}")
    if not question.strip():
        return "empty"
    if len(question) > max_chars:
        return "too_long"
    flat = " ".join(question.lower().split())
    if any(phrase in flat for phrase in INJECTION):
        return "injection"
    return None
    # END SOLUTION


# A phrase list is a cheap first line, not a defence: it stops the copy-pasted attacks and says why,
# and the rest of the pipeline (cited answers only) limits what a clever one can make it say.

# %%
check("capstone_product.guard", guard)

# %% [markdown]
# ## 3b. A cache key that misses when the prompt changes
#
# A response cache (`workflows_caching`) must miss when anything that shapes the answer changes: the
# model (`models_version_pinning`) or the prompt.
#
# - Normalise the question: lower-case, strip, collapse every run of whitespace to one space, then
#   remove any `?`, `!` or `.` characters at its end (and strip again).
# - Return the string `f"{model}|{prompt_version}|{normalised}"`.
# - Raise `ValueError` when `model` or `prompt_version` contains `|` (the key would be ambiguous) or is
#   empty.

# %%
def cache_key(question: str, model: str, prompt_version: str) -> str:
    """A key that is equal for the same question asked again, and differs for another model or prompt."""
    # BEGIN SOLUTION
    for part in (model, prompt_version):
        if not part or "|" in part:
            raise ValueError(f"the model and the prompt version must be non-empty, without '|': {part!r}")
    normalised = " ".join(question.lower().split()).rstrip("?!.").strip()
    return f"{model}|{prompt_version}|{normalised}"
    # END SOLUTION


# "What is BM25?" and "  what is bm25 " share a key; the same question under prompt v2 does not, so a
# prompt change is re-answered instead of served stale.

# %%
check("capstone_product.cache_key", cache_key)

# %% [markdown]
# ## 4. The regression report after a prompt change
#
# The house style of the evals lessons (`start_data_flywheel`): per question, not only per average.
# `before` and `after` map each question id to its scores, a dict of metric name to number (for example
# `{"q01": {"recall": 1.0, "cited": 0.0}}`), from two runs of the eval suite.
#
# - Raise `ValueError` when the two runs do not have the same question ids, or when a question does not
#   have the same metric names in both runs, or when `before` is empty.
# - `"metrics"`: for each metric, `{"before": mean, "after": mean, "delta": after - before}`, the means taken
#   over the questions that have that metric (questions may have different metrics).
# - `"changes"`: one dict `{"id", "metric", "before", "after"}` for every question and metric whose value
#   differs, sorted by id then metric.
# - `"regressed"`: the sorted ids with at least one metric lower after; `"improved"`: the sorted ids with
#   at least one metric higher after and none lower.

# %%
def regression_report(before: dict, after: dict) -> dict:
    """Per-metric means and deltas, per-question changes, and which questions regressed or improved."""
    # BEGIN SOLUTION
    if not before:
        raise ValueError("no questions in the first run")
    if set(before) != set(after):
        raise ValueError("the two runs cover different questions")
    for qid in before:
        if set(before[qid]) != set(after[qid]):
            raise ValueError(f"question {qid} has different metrics in the two runs")
    names = {m for scores in before.values() for m in scores}
    metrics = {}
    for m in names:
        b = [before[q][m] for q in before if m in before[q]]
        a = [after[q][m] for q in after if m in after[q]]
        metrics[m] = {"before": sum(b) / len(b), "after": sum(a) / len(a),
                      "delta": sum(a) / len(a) - sum(b) / len(b)}
    changes, regressed, improved = [], [], []
    for qid in sorted(before):
        down = up = False
        for m in sorted(before[qid]):
            old, new = before[qid][m], after[qid][m]
            if new < old:
                down = True
            elif new > old:
                up = True
            else:
                continue
            changes.append({"id": qid, "metric": m, "before": old, "after": new})
        if down:
            regressed.append(qid)
        elif up:
            improved.append(qid)
    return {"metrics": metrics, "changes": changes, "regressed": regressed, "improved": improved}
    # END SOLUTION


# A mean that does not move can hide one question fixed and another broken; the per-question list is
# what you read before shipping a prompt change.

# %%
check("capstone_product.regression_report", regression_report)

# %% [markdown]
# ## 5. The whole pipeline: Ask the course
#
# `ask_course(questions, client, model, passages)` answers every question in `questions` (a list of
# strings) and returns one answer dict per question, in order:
# `{"answer": str, "citations": [passage ids], "abstained": bool, "reason": str}`.
#
# `passages` is the corpus, a list of `Passage` tuples (fields `id`, `lesson`, `title`, `text`,
# `section`, `url`) as `course_corpus.passages()` returns; `client` is an OpenAI-style client
# (`client.chat.completions.create(model=model, messages=[...], ...)`). In the grader it is a scripted
# stand-in that answers from the prompt: it quotes the first passage it finds there with its citation,
# and adds a second sentence citing two passages it was *not* given. The grader reads every request the
# stand-in received. What it expects:
#
# - one call per answered question, `client.chat.completions.create(model=model, temperature=0,
#   max_tokens=N, messages=[...])` with `N` at most 80 and each message `{"role": "system" or "user",
#   "content": str}` (the stand-in answers other requests without any citation);
# - the request holds the question, word for word, and each passage you send on a line that starts
#   with its citation, `[LESSON_ID#slug]`; send at most a few passages. `PROMPT` (given: the lesson's
#   version 2) has three fields, `passages`, `question` and `example`, the id of the first passage sent;
# - an answered question has `abstained` False, `reason` `""`, a non-empty `citations` list, and every
#   citation in it is a passage sent to the model with that question (use `verify_citations`); its
#   `answer` is the reply with the invalid citations removed and nothing else added;
# - an abstained question has `abstained` True, an `answer` saying so, a non-empty `reason`, and
#   `citations` empty; the guardrail and weak evidence abstain **without** a model call (the corpus is
#   never empty);
# - a question asked again (same `cache_key`) is answered from a cache, with no new call.
#
# The grader runs your pipeline on the 30 public questions (and, with `--hidden-tests`, on an
# instructor's set) and scores it; each score has a bar to meet:
#
# | score | bar | what it counts |
# |---|---|---|
# | retrieval recall | >= 0.75 | answerable questions for which a labelled passage reached the model (an abstention reaches nothing) |
# | citation validity | 1.0 | answered questions whose citations are non-empty and all sent with that question |
# | abstention precision | >= 0.75 | abstentions that were on unanswerable questions (at least one abstention) |
# | abstention recall | >= 0.5 | unanswerable questions abstained on |
# | latency per question | <= 2.0 s | modelled: 0.3 s per call + 0.5 ms per prompt token + 20 ms per answer token |
# | cost per question | <= $0.0003 | at gpt-4o-mini's list price, $0.15 / $0.60 per million prompt / answer tokens |
#
# Tokens are counted as whitespace-separated words; averages are over all questions asked. Separate
# cases check that an injection and a question over 300 characters are refused with `guard`'s reason
# and no call, that an off-topic question costs no call, that a question asked three ways (case,
# spacing, end mark) costs one call and gets the same answer dict each time, that a reply citing
# nothing valid is abstained on, and that one request has at most 2,500 tokens. Tune `THRESHOLD`,
# `MIN_OVERLAP` and `K` on the public questions, as the lesson does.

# %%
STOPWORDS = set("a an the is are was were be of to in on for and or what which who how why when does do "
                "did can i my me you your it its at by from with about should this that there their as".split())


def tokenize(text: str) -> list[str]:
    """Lower-case words and numbers, without common question words (given: the retrieval lesson's)."""
    return [t for t in re.findall(r"[a-z0-9]+", text.lower()) if t not in STOPWORDS]


def bm25_index(passages) -> BM25Okapi:
    """A BM25 index over each passage's title and text (given)."""
    return BM25Okapi([tokenize(p.title + " " + p.text) for p in passages])


def top_k(index: BM25Okapi, question: str, k: int) -> list[tuple[int, float]]:
    """The k best passages as (position, score), best first, ties in corpus order (given)."""
    scores = index.get_scores(tokenize(question))
    order = np.argsort(-scores, kind="stable")[:k]
    return [(int(i), float(scores[i])) for i in order]


# the lesson's step 4: with v1 ("end each sentence with the id") the embedded model wrote no id at all
PROMPT_VERSION = "v2"
PROMPT = ("Passages:\n\n{passages}\n\nQuestion: {question}\nAnswer in one sentence. Then copy the id of the "
          "passage you used, with its square brackets, for example [{example}].")
THRESHOLD = 11.0  # SOLUTION
MIN_OVERLAP = 0.0  # SOLUTION
K = 3  # SOLUTION
ABSTAIN = "The course does not cover this, as far as I can find."


def ask_course(questions: list[str], client, model: str, passages) -> list[dict]:
    """One answer dict per question: guardrail, cache, retrieval, abstention, a cited answer."""
    # BEGIN SOLUTION
    index = bm25_index(passages)
    cache: dict[str, dict] = {}
    answers = []
    for question in questions:
        refused = guard(question)
        if refused:
            answers.append({"answer": ABSTAIN, "citations": [], "abstained": True, "reason": refused})
            continue
        key = cache_key(question, model, PROMPT_VERSION)
        if key not in cache:
            hits = top_k(index, question, K)
            best = passages[hits[0][0]]
            reason = should_abstain(hits[0][1], tokenize(question), tokenize(best.title + " " + best.text),
                                    THRESHOLD, MIN_OVERLAP)
            if reason:
                cache[key] = {"answer": ABSTAIN, "citations": [], "abstained": True, "reason": reason}
            else:
                given = [passages[i] for i, _ in hits]
                block = "\n\n".join(f"[{p.id}] {p.text}" for p in given)
                reply = client.chat.completions.create(
                    model=model, temperature=0, max_tokens=80,
                    messages=[{"role": "user", "content": PROMPT.format(passages=block, question=question,
                                                                       example=given[0].id)}])
                text = reply.choices[0].message.content
                verdict = verify_citations(text, [p.id for p in given])
                if verdict["valid"]:
                    for wrong in verdict["invalid"]:
                        text = text.replace(f"[{wrong}]", "")
                    cache[key] = {"answer": text.strip(), "citations": verdict["valid"], "abstained": False,
                                  "reason": ""}
                else:
                    cache[key] = {"answer": ABSTAIN, "citations": [], "abstained": True,
                                  "reason": "no_valid_citation"}
        answers.append(dict(cache[key]))
    return answers
    # END SOLUTION


# Every answered question cites only passages the model was shown, abstentions and refusals cost no
# call, and a repeat is free: the check cell lists the scores and which practice each lost point is from.

# %%
check("capstone_product.ask_course", ask_course)
