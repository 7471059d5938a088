"""Known-wrong answers for models_migrating_prompts: each must fail its grader."""

import math


def _bc(before, after):
    before, after = list(before), list(after)
    if not before or len(before) != len(after):
        raise ValueError("bad input")
    b = sum(1 for o, n in zip(before, after) if o and not n)
    c = sum(1 for o, n in zip(before, after) if n and not o)
    return b, c


def mcnemar_exact__one_sided(before, after):
    """Returns the single tail without doubling it, a one-sided test."""
    b, c = _bc(before, after)
    n = b + c
    if n == 0:
        return 1.0
    return float(sum(math.comb(n, k) for k in range(min(b, c) + 1)) / 2 ** n)


def mcnemar_exact__tail_of_b(before, after):
    """Takes the tail at b instead of min(b, c), so the direction of the change matters."""
    b, c = _bc(before, after)
    n = b + c
    if n == 0:
        return 1.0
    return float(min(1.0, 2 * sum(math.comb(n, k) for k in range(b + 1)) / 2 ** n))


def mcnemar_exact__chi_squared(before, after):
    """Uses the large-sample chi-squared statistic with continuity correction instead of the exact tail."""
    b, c = _bc(before, after)
    if b + c == 0:
        return 1.0
    stat = (abs(b - c) - 1) ** 2 / (b + c)
    return float(math.erfc(math.sqrt(stat / 2)))


def mcnemar_exact__counts_all_items(before, after):
    """Puts every item into the binomial, agreements included, as if they were disagreements."""
    b, c = _bc(before, after)
    n = len(list(before))
    return float(min(1.0, 2 * sum(math.comb(n, k) for k in range(min(b, c) + 1)) / 2 ** n))


def mcnemar_exact__uncapped(before, after):
    """Doubles the tail without capping it, so a balanced split returns more than 1."""
    b, c = _bc(before, after)
    n = b + c
    if n == 0:
        return 1.0
    return float(2 * sum(math.comb(n, k) for k in range(min(b, c) + 1)) / 2 ** n)


def mcnemar_exact__zero_when_no_disagreement(before, after):
    """Returns 0.0 when the two configurations never disagree, which reads as a certain difference."""
    b, c = _bc(before, after)
    n = b + c
    if n == 0:
        return 0.0
    return float(min(1.0, 2 * sum(math.comb(n, k) for k in range(min(b, c) + 1)) / 2 ** n))


def mcnemar_exact__no_validation(before, after):
    """Right arithmetic, but zip() hides a length mismatch and empty input returns 1.0."""
    pairs = list(zip(before, after))
    b = sum(1 for o, n in pairs if o and not n)
    c = sum(1 for o, n in pairs if n and not o)
    if b + c == 0:
        return 1.0
    return float(min(1.0, 2 * sum(math.comb(b + c, k) for k in range(min(b, c) + 1)) / 2 ** (b + c)))


def regression_list__includes_fixes(item_ids, before, after):
    """Lists every item whose outcome changed, fixes included."""
    item_ids, before, after = list(item_ids), list(before), list(after)
    if not len(item_ids) == len(before) == len(after) or len(set(item_ids)) != len(item_ids):
        raise ValueError("bad input")
    return [i for i, o, n in zip(item_ids, before, after) if bool(o) != bool(n)]


def regression_list__sorted(item_ids, before, after):
    """Sorts the ids instead of keeping the evaluation's order."""
    item_ids, before, after = list(item_ids), list(before), list(after)
    if not len(item_ids) == len(before) == len(after) or len(set(item_ids)) != len(item_ids):
        raise ValueError("bad input")
    return sorted(i for i, o, n in zip(item_ids, before, after) if o and not n)


def regression_list__identity_check(item_ids, before, after):
    """Tests `is True` and `is False`, so 0/1 and numpy outcomes never count."""
    item_ids, before, after = list(item_ids), list(before), list(after)
    if not len(item_ids) == len(before) == len(after) or len(set(item_ids)) != len(item_ids):
        raise ValueError("bad input")
    return [i for i, o, n in zip(item_ids, before, after) if o is True and n is False]


def regression_list__no_validation(item_ids, before, after):
    """Trusts zip() and never checks lengths or duplicate ids."""
    return [i for i, o, n in zip(item_ids, before, after) if o and not n]


def regression_list__only_before_vs_after_lengths(item_ids, before, after):
    """Checks before against after but not the ids, and never looks for duplicates."""
    if len(before) != len(after):
        raise ValueError("bad input")
    return [i for i, o, n in zip(item_ids, before, after) if o and not n]
