"""Known-wrong answers for evals_guardrails: each must fail its grader."""

import math
import re

from llmcourse.helpers import shipped

import numpy as np

STOP_WORDS = frozenset(w for line in shipped.load("evals_guardrails", "stop_words.txt").splitlines()
                        if not line.startswith("#") for w in line.split())

TOKEN = re.compile(r"[a-z]+|\d+(?:[.,]\d+)*")


def _share(content, context_tokens):
    if not content:
        return 1.0
    return sum(w in context_tokens for w in content) / len(content)


def grounding_score__hardcoded(answer, context):
    """Returns the answer of the first case whatever the input."""
    return 1.0


def grounding_score__ignores_numbers(answer, context):
    """Tokenises letters only, so a wrong year or count cannot lower the score."""
    content = [w for w in re.findall(r"[a-z]+", answer.lower()) if w not in STOP_WORDS]
    return _share(content, set(re.findall(r"[a-z]+", context.lower())))


def grounding_score__splits_decimals(answer, context):
    """Uses \\w+, which cuts 4.2 into 4 and 2 and 1,200 into 1 and 200: 2.4 and 200 look grounded."""
    content = [w for w in re.findall(r"\w+", answer.lower()) if w not in STOP_WORDS]
    return _share(content, set(re.findall(r"\w+", context.lower())))


def grounding_score__substring_match(answer, context):
    """Looks each word up as a substring of the context, so 'art' is found in 'start' and 1 in 17."""
    content = [w for w in TOKEN.findall(answer.lower()) if w not in STOP_WORDS]
    if not content:
        return 1.0
    return sum(w in context.lower() for w in content) / len(content)


def grounding_score__distinct_words(answer, context):
    """Counts each distinct word once, so a repeated unsupported or supported word weighs too little."""
    content = list(set(TOKEN.findall(answer.lower())) - STOP_WORDS)
    return _share(content, set(TOKEN.findall(context.lower())))


def grounding_score__keeps_stop_words(answer, context):
    """Forgets to drop STOP_WORDS (and here the context lacks some of them)."""
    content = TOKEN.findall(answer.lower())
    return _share(content, set(TOKEN.findall(context.lower())))


def grounding_score__empty_is_zero(answer, context):
    """Scores an answer with no content words 0.0 instead of 1.0."""
    content = [w for w in TOKEN.findall(answer.lower()) if w not in STOP_WORDS]
    if not content:
        return 0.0
    return _share(content, set(TOKEN.findall(context.lower())))


def grounding_score__keeps_trailing_dot(answer, context):
    """Reads numbers with [\\d.,]+, so 'in 1911.' at the end of a sentence becomes the token '1911.'."""
    token = re.compile(r"[a-z]+|[\d.,]*\d[\d.,]*")
    content = [w for w in token.findall(answer.lower()) if w not in STOP_WORDS]
    return _share(content, set(token.findall(context.lower())))


def _check_inputs(scores, good, target):
    if len(scores) != len(good) or not 0 <= target <= 1 or not any(good):
        raise ValueError("bad input")


def threshold_for_ffr__hardcoded(scores, good, target):
    """Returns the answer of the first case whatever the input."""
    _check_inputs(scores, good, target)
    return 0.4


def threshold_for_ffr__off_by_one(scores, good, target):
    """Returns the score of the last good answer it may block instead of the first it must keep."""
    _check_inputs(scores, good, target)
    ranked = sorted(s for s, g in zip(scores, good) if g)
    k = math.floor(target * len(ranked) + 1e-9)
    return float(ranked[max(k - 1, 0)])


def threshold_for_ffr__counts_bad_answers(scores, good, target):
    """Measures the blocked share among all answers, so blocking bad answers counts as a false failure."""
    _check_inputs(scores, good, target)
    for t in sorted(set(scores), reverse=True):
        if sum(s < t for s in scores) / len(scores) <= target:
            return float(t)
    return float(min(scores))


def threshold_for_ffr__blocks_ties(scores, good, target):
    """Blocks answers scoring at or below t (<=) instead of strictly below it."""
    _check_inputs(scores, good, target)
    good_scores = [s for s, g in zip(scores, good) if g]
    for t in sorted(set(scores), reverse=True):
        if sum(s <= t for s in good_scores) / len(good_scores) <= target:
            return float(t)
    return float(min(scores))


def threshold_for_ffr__quantile(scores, good, target):
    """Takes numpy's interpolated quantile of the good scores, which need not be an observed score."""
    _check_inputs(scores, good, target)
    return float(np.quantile([s for s, g in zip(scores, good) if g], target))


def threshold_for_ffr__good_scores_only(scores, good, target):
    """Chooses among the good answers' scores only, so it stops short when a bad answer scores higher."""
    _check_inputs(scores, good, target)
    good_scores = [s for s, g in zip(scores, good) if g]
    for t in sorted(set(good_scores), reverse=True):
        if sum(s < t for s in good_scores) / len(good_scores) <= target:
            return float(t)
    return float(min(good_scores))


def threshold_for_ffr__no_validation(scores, good, target):
    """Right answer on good input, but never raises: zip silently drops extra scores."""
    good_scores = [s for s, g in zip(scores, good) if g]
    candidates = sorted(set(scores), reverse=True)
    for t in candidates:
        if good_scores and sum(s < t for s in good_scores) / len(good_scores) <= target:
            return float(t)
    return float(candidates[-1]) if candidates else 0.0
