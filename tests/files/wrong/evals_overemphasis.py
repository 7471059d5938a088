"""Known-wrong answers for evals_overemphasis: each must fail its grader."""

import random
import re
import string


def _variants(needle, seed, eligible, inner=True, differ=True):
    """The right recipe with pluggable rules, to build answers that get exactly one rule wrong."""
    casing = needle.upper() if needle.upper() != needle else needle.lower()
    if casing == needle:
        raise ValueError("no letters")
    tokens = list(re.finditer(r"\S+", needle))
    candidates = []
    for t, match in enumerate(tokens):
        word = match.group().strip(string.punctuation)
        if eligible(word):
            lo, hi = (1, len(word) - 2) if inner else (0, len(word) - 1)
            candidates += [(t, j) for j in range(lo, hi) if not differ or word[j] != word[j + 1]]
    if not candidates:
        raise ValueError("no candidate")
    t, j = random.Random(seed).choice(candidates)
    token = tokens[t].group()
    i = tokens[t].start() + token.index(token.strip(string.punctuation)) + j
    return {"exact": needle, "casing": casing, "typo": needle[:i] + needle[i + 1] + needle[i] + needle[i + 2:]}


def _letters4(word):
    return len(word) >= 4 and word.isalpha()


def needle_variants__ignores_seed(needle, seed=0):
    """Always takes the first candidate swap, so every seed gives the same typo."""
    return _variants(needle, 0, _letters4)


def needle_variants__typo_touches_numbers(needle, seed=0):
    """Lets words with digits take the typo, so the key fact 7316 can become 3716."""
    return _variants(needle, seed, lambda w: len(w) >= 4 and w.isalnum())


def needle_variants__moves_first_and_last_letters(needle, seed=0):
    """Allows swaps at the edges of a word, which makes typos readers would not recognise."""
    return _variants(needle, seed, _letters4, inner=False)


def needle_variants__swaps_equal_letters(needle, seed=0):
    """Counts swaps of two equal letters ('oo' in 'book') as candidates, so a 'typo' can equal the needle."""
    return _variants(needle, seed, _letters4, differ=False)


def needle_variants__always_upper(needle, seed=0):
    """Upper-cases even a needle already in capitals, so the casing variant equals the original."""
    out = _variants(needle, seed, _letters4) if any(c.isalpha() for c in needle) else {
        "exact": needle, "casing": needle.upper(), "typo": needle}
    out["casing"] = needle.upper()
    return out


def needle_variants__drops_punctuation(needle, seed=0):
    """Rebuilds the typo from bare words, losing the needle's punctuation."""
    out = _variants(needle, seed, _letters4)
    out["typo"] = " ".join(tok.strip(string.punctuation) for tok in out["typo"].split())
    return out


def _tokens(text):
    return re.findall(r"[^\W\d_]+|\d+", text.lower())


def needle_recall__case_sensitive_substring(answers, fact):
    """Plain `fact in answer`: misses answers in capitals and with other spacing."""
    if not answers:
        raise ValueError("no answers")
    return sum(fact in a for a in answers) / len(answers)


def needle_recall__lowercase_substring(answers, fact):
    """The lesson's blunt check: 'locker 152' counts as 52 and '40mg' misses '40 mg'."""
    if not answers:
        raise ValueError("no answers")
    return sum(fact.lower() in a.lower() for a in answers) / len(answers)


def needle_recall__squashed_substring(answers, fact):
    """Deletes spaces and punctuation then looks for a substring, so 152 and 5200 contain 52."""
    if not answers:
        raise ValueError("no answers")
    squash = lambda s: re.sub(r"[\W_]+", "", s.lower())  # noqa: E731
    if not squash(fact):
        raise ValueError("empty fact")
    return sum(squash(fact) in squash(a) for a in answers) / len(answers)


def needle_recall__bag_of_tokens(answers, fact):
    """Accepts the fact's tokens anywhere in the answer, in any order ('mg 40' counts)."""
    want = set(_tokens(fact))
    if not answers or not want:
        raise ValueError("nothing to score")
    return sum(want <= set(_tokens(a)) for a in answers) / len(answers)


def needle_recall__count_not_rate(answers, fact):
    """Returns the number of hits instead of the share."""
    want = _tokens(fact)
    if not answers or not want:
        raise ValueError("nothing to score")
    return sum(any(_tokens(a)[i:i + len(want)] == want for i in range(len(_tokens(a)))) for a in answers)


def needle_recall__zero_when_empty(answers, fact):
    """Reports 0.0 recall for an empty list of answers instead of raising ValueError."""
    want = _tokens(fact)
    if not answers:
        return 0.0
    return sum(any(_tokens(a)[i:i + len(want)] == want for i in range(len(_tokens(a)))) for a in answers) / len(answers)
