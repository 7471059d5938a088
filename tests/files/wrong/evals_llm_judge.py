"""Known-wrong answers for evals_llm_judge: each must fail its grader."""

from collections import Counter


def _check(verdict):
    if verdict not in ("first", "second"):
        raise ValueError(verdict)
    return verdict


def swap_judge__no_map_back(judge, question, a, b):
    """Compares the raw positions of the two calls, forgetting that 'first' in the swapped call is b."""
    v1 = _check(judge(question, a, b))
    v2 = _check(judge(question, b, a))
    if v1 != v2:
        return "tie"
    return "a" if v1 == "first" else "b"


def swap_judge__first_verdict_on_disagreement(judge, question, a, b):
    """Translates both verdicts but keeps the first one when they disagree, hiding position bias."""
    v1 = "a" if _check(judge(question, a, b)) == "first" else "b"
    v2 = "b" if _check(judge(question, b, a)) == "first" else "a"
    return v1 if v1 == v2 else v1


def swap_judge__asks_once(judge, question, a, b):
    """Trusts a single call: no swap, so position bias goes unnoticed."""
    return "a" if _check(judge(question, a, b)) == "first" else "b"


def swap_judge__same_order_twice(judge, question, a, b):
    """Asks twice but in the same order, so a position-biased judge always looks consistent."""
    v1 = "a" if _check(judge(question, a, b)) == "first" else "b"
    v2 = "a" if _check(judge(question, a, b)) == "first" else "b"
    return v1 if v1 == v2 else "tie"


def swap_judge__anything_else_is_second(judge, question, a, b):
    """Reads every verdict that is not 'first' as 'second', so a broken judge goes unnoticed."""
    v1 = "a" if judge(question, a, b) == "first" else "b"
    v2 = "b" if judge(question, b, a) == "first" else "a"
    return v1 if v1 == v2 else "tie"


def swap_judge__third_call_breaks_ties(judge, question, a, b):
    """Asks a third time to break a disagreement, so position bias decides the tie."""
    v1 = "a" if _check(judge(question, a, b)) == "first" else "b"
    v2 = "b" if _check(judge(question, b, a)) == "first" else "a"
    if v1 == v2:
        return v1
    return "a" if _check(judge(question, a, b)) == "first" else "b"


def swap_judge__drops_question(judge, question, a, b):
    """Calls the judge without the question, as judge('', a, b)."""
    v1 = "a" if _check(judge("", a, b)) == "first" else "b"
    v2 = "b" if _check(judge("", b, a)) == "first" else "a"
    return v1 if v1 == v2 else "tie"


def cohens_kappa__raw_agreement(labels_1, labels_2):
    """Returns the observed agreement p_o, with no correction for chance."""
    if len(labels_1) != len(labels_2) or not labels_1:
        raise ValueError("bad input")
    return sum(x == y for x, y in zip(labels_1, labels_2)) / len(labels_1)


def cohens_kappa__uniform_chance(labels_1, labels_2):
    """Assumes chance agreement is 1/k for k labels, ignoring how often each rater used each label."""
    if len(labels_1) != len(labels_2) or not labels_1:
        raise ValueError("bad input")
    p_o = sum(x == y for x, y in zip(labels_1, labels_2)) / len(labels_1)
    k = len(set(labels_1) | set(labels_2))
    p_e = 1 / k
    return 1.0 if p_e == 1 else (p_o - p_e) / (1 - p_e)


def cohens_kappa__pooled_shares(labels_1, labels_2):
    """Pools both raters' label shares into one distribution (Scott's pi), not Cohen's kappa."""
    if len(labels_1) != len(labels_2) or not labels_1:
        raise ValueError("bad input")
    n = len(labels_1)
    p_o = sum(x == y for x, y in zip(labels_1, labels_2)) / n
    pooled = Counter(labels_1) + Counter(labels_2)
    p_e = sum((c / (2 * n)) ** 2 for c in pooled.values())
    return 1.0 if p_e == 1 else (p_o - p_e) / (1 - p_e)


def cohens_kappa__divides_by_zero(labels_1, labels_2):
    """Right formula, but crashes when both raters use a single label (p_e = 1)."""
    if len(labels_1) != len(labels_2) or not labels_1:
        raise ValueError("bad input")
    n = len(labels_1)
    p_o = sum(x == y for x, y in zip(labels_1, labels_2)) / n
    c1, c2 = Counter(labels_1), Counter(labels_2)
    p_e = sum(c1[k] * c2[k] for k in c1) / (n * n)
    return (p_o - p_e) / (1 - p_e)


def cohens_kappa__zip_truncates(labels_1, labels_2):
    """Right formula on the items both lists have: different lengths pass silently."""
    pairs = list(zip(labels_1, labels_2))
    if not pairs:
        raise ValueError("no items")
    n = len(pairs)
    p_o = sum(x == y for x, y in pairs) / n
    c1, c2 = Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    p_e = sum(c1[k] * c2[k] for k in c1) / (n * n)
    return 1.0 if p_e >= 1 else (p_o - p_e) / (1 - p_e)


def flip_rate__ties_count_as_flips(pairs):
    """Counts any two different verdicts as a flip, so ('a', 'tie') is a flip."""
    if not pairs:
        raise ValueError("no pairs")
    return sum(x != y for x, y in pairs) / len(pairs)


def flip_rate__ties_in_denominator(pairs):
    """Counts only real flips but divides by every pair, ties included."""
    if not any(x != "tie" and y != "tie" for x, y in pairs):
        raise ValueError("no decisive pair")
    return sum(x != y and "tie" not in (x, y) for x, y in pairs) / len(pairs)


def flip_rate__zero_when_nothing_decisive(pairs):
    """Returns 0.0 instead of raising when no pair is decisive."""
    decisive = [(x, y) for x, y in pairs if x != "tie" and y != "tie"]
    return sum(x != y for x, y in decisive) / len(decisive) if decisive else 0.0


def flip_rate__consistency_rate(pairs):
    """Returns the share of decisive pairs that agree: the complement of the flip rate."""
    decisive = [(x, y) for x, y in pairs if x != "tie" and y != "tie"]
    if not decisive:
        raise ValueError("no decisive pair")
    return sum(x == y for x, y in decisive) / len(decisive)
