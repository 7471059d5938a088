"""Known-wrong answers for iterate_start_small: each must fail its grader."""


def _checked(scores, in_scope, target):
    scores, in_scope = list(scores), [bool(x) for x in in_scope]
    if not scores or len(scores) != len(in_scope) or not 0 < target <= 1:
        raise ValueError("bad input")
    return scores, in_scope


def _precision(scores, in_scope, t, accept=lambda s, t: s >= t):
    accepted = [ok for s, ok in zip(scores, in_scope) if accept(s, t)]
    return sum(accepted) / len(accepted) if accepted else None


def threshold_for_precision__strictly_above_target(scores, in_scope, target):
    """Requires precision > target, so a precision equal to the target is rejected."""
    scores, in_scope = _checked(scores, in_scope, target)
    for t in sorted(set(scores)):
        if _precision(scores, in_scope, t) > target:
            return float(t)
    return None


def threshold_for_precision__accepts_strictly_above(scores, in_scope, target):
    """Accepts only scores strictly above the threshold, so the threshold's own queries are refused."""
    scores, in_scope = _checked(scores, in_scope, target)
    for t in sorted(set(scores)):
        p = _precision(scores, in_scope, t, accept=lambda s, t: s > t)
        if p is not None and p >= target:
            return float(t)
    return None


def threshold_for_precision__splits_ties(scores, in_scope, target):
    """Walks the queries one by one from the top, so two equal scores can be split."""
    scores, in_scope = _checked(scores, in_scope, target)
    ranked = sorted(zip(scores, in_scope), key=lambda pair: -pair[0])
    best = None
    for k in range(1, len(ranked) + 1):
        top = [ok for _, ok in ranked[:k]]
        if sum(top) / k >= target:
            best = float(ranked[k - 1][0])
    return best


def threshold_for_precision__lowers_from_top_until_it_fails(scores, in_scope, target):
    """Lowers the threshold from the top and stops at the first candidate that misses the target."""
    scores, in_scope = _checked(scores, in_scope, target)
    best = None
    for t in sorted(set(scores), reverse=True):
        if _precision(scores, in_scope, t) >= target:
            best = float(t)
        else:
            break
    return best


def threshold_for_precision__highest_threshold(scores, in_scope, target):
    """Returns the highest threshold that reaches the target, refusing more in-scope queries than needed."""
    scores, in_scope = _checked(scores, in_scope, target)
    for t in sorted(set(scores), reverse=True):
        if _precision(scores, in_scope, t) >= target:
            return float(t)
    return None


def threshold_for_precision__zero_when_impossible(scores, in_scope, target):
    """Returns 0.0 instead of None when no threshold reaches the target."""
    scores, in_scope = _checked(scores, in_scope, target)
    for t in sorted(set(scores)):
        if _precision(scores, in_scope, t) >= target:
            return float(t)
    return 0.0


def threshold_for_precision__no_validation(scores, in_scope, target):
    """Right search, but returns None for no scores and lets zip() hide a length mismatch."""
    pairs = list(zip(scores, in_scope))
    for t in sorted({s for s, _ in pairs}):
        accepted = [bool(ok) for s, ok in pairs if s >= t]
        if sum(accepted) / len(accepted) >= target:
            return float(t)
    return None
