"""Known-wrong answers for evals_binary_annotation: each must fail its grader."""

import itertools
import math


def mean_pairwise_agreement__hardcoded(labels):
    """Returns the answer of the first case whatever the input."""
    return 2 / 3


def mean_pairwise_agreement__pooled_items(labels):
    """Pools every shared item of every pair before dividing, so pairs with many items weigh more."""
    if len(labels) < 2:
        raise ValueError("need two annotators")
    equal = total = 0
    for a, b in itertools.combinations(labels, 2):
        shared = labels[a].keys() & labels[b].keys()
        equal += sum(labels[a][i] == labels[b][i] for i in shared)
        total += len(shared)
    if total == 0:
        raise ValueError("no shared items")
    return equal / total


def mean_pairwise_agreement__empty_pairs_count_as_zero(labels):
    """Counts a pair that shares no item as 0 agreement instead of skipping it."""
    if len(labels) < 2:
        raise ValueError("need two annotators")
    shares = []
    for a, b in itertools.combinations(labels, 2):
        shared = labels[a].keys() & labels[b].keys()
        shares.append(sum(labels[a][i] == labels[b][i] for i in shared) / len(shared) if shared else 0.0)
    return sum(shares) / len(shares)


def mean_pairwise_agreement__missing_is_disagreement(labels):
    """Compares over the union of items, so an item only one annotator labelled counts as a disagreement."""
    if len(labels) < 2:
        raise ValueError("need two annotators")
    shares = []
    for a, b in itertools.combinations(labels, 2):
        items = labels[a].keys() | labels[b].keys()
        shares.append(sum(labels[a].get(i, object()) == labels[b].get(i, object()) for i in items) / len(items))
    return sum(shares) / len(shares)


def mean_pairwise_agreement__no_error_for_one_annotator(labels):
    """Returns 1.0 for a single annotator (who trivially agrees with themself) instead of raising."""
    shares = []
    for a, b in itertools.combinations(labels, 2):
        shared = labels[a].keys() & labels[b].keys()
        if shared:
            shares.append(sum(labels[a][i] == labels[b][i] for i in shared) / len(shared))
    return sum(shares) / len(shares) if shares else 1.0


def rubric_from_examples__hardcoded(examples):
    """Returns 0.5, a threshold that looks reasonable, whatever the examples."""
    return 0.5


def rubric_from_examples__strictly_greater(examples):
    """Counts 'score > t' as a pass, so a score equal to the threshold fails."""
    if not examples:
        raise ValueError("no examples")
    candidates = sorted({s for s, _ in examples}) + [math.inf]
    return max(candidates, key=lambda t: (sum((s > t) == p for s, p in examples), -t))


def rubric_from_examples__ties_to_highest(examples):
    """Breaks ties towards the strictest threshold instead of the lowest."""
    if not examples:
        raise ValueError("no examples")
    candidates = sorted({s for s, _ in examples}) + [math.inf]
    return max(candidates, key=lambda t: (sum((s >= t) == p for s, p in examples), t))


def rubric_from_examples__no_nothing_passes(examples):
    """Only tries the example scores, so when every example fails it cannot say 'nothing passes'."""
    if not examples:
        raise ValueError("no examples")
    candidates = sorted({s for s, _ in examples})
    return max(candidates, key=lambda t: (sum((s >= t) == p for s, p in examples), -t))


def rubric_from_examples__lowest_passing_score(examples):
    """Returns the lowest score labelled pass, ignoring the fails above it."""
    if not examples:
        raise ValueError("no examples")
    passing = [s for s, p in examples if p]
    return min(passing) if passing else math.inf


def rubric_from_examples__empty_returns_zero(examples):
    """Returns 0.0 for no examples instead of raising ValueError."""
    if not examples:
        return 0.0
    candidates = sorted({s for s, _ in examples}) + [math.inf]
    return max(candidates, key=lambda t: (sum((s >= t) == p for s, p in examples), -t))
