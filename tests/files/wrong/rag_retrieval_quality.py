"""Known-wrong answers for rag_retrieval_quality: each must fail at least one grader case."""

import math
import re

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS


def _ndcg(ranked, relevance, k, gain=lambda g: g, log=math.log2, ideal_from=None):
    if k < 1:
        raise ValueError("k")
    grades = sorted((ideal_from if ideal_from is not None else relevance).values(), reverse=True)[:k]
    ideal = sum(gain(g) / log(r + 1) for r, g in enumerate(grades, start=1))
    if ideal <= 0:
        raise ValueError("nothing relevant")
    return sum(gain(relevance.get(d, 0)) / log(r + 1) for r, d in enumerate(ranked[:k], start=1)) / ideal


def ndcg_at_k__exponential_gain(scores, relevance, k):
    """Uses 2**grade - 1 as the gain, where the exercise asks for the grade itself."""
    return _ndcg(sorted(scores, key=lambda d: (-scores[d], d)), relevance, k, gain=lambda g: 2 ** g - 1)


def ndcg_at_k__ties_in_dict_order(scores, relevance, k):
    """Sorts by score only, so tied documents keep the order of the dict instead of going by id."""
    return _ndcg(sorted(scores, key=lambda d: -scores[d]), relevance, k)


def ndcg_at_k__dict_order(scores, relevance, k):
    """Never sorts: takes the documents in the order the dict lists them."""
    return _ndcg(list(scores), relevance, k)


def ndcg_at_k__ideal_from_scored_only(scores, relevance, k):
    """Builds the ideal ranking from the scored documents only, so a relevant document the retriever
    missed does not lower the score."""
    scored = {d: relevance.get(d, 0) for d in scores}
    if not any(relevance.values()):
        raise ValueError("nothing relevant")
    if not any(scored.values()):
        return 0.0
    return _ndcg(sorted(scores, key=lambda d: (-scores[d], d)), relevance, k, ideal_from=scored)


def ndcg_at_k__ideal_not_cut_to_k(scores, relevance, k):
    """Sums every relevant grade into the ideal DCG, not just the best k."""
    if k < 1 or not any(relevance.values()):
        raise ValueError("bad input")
    ideal = sum(g / math.log2(r + 1) for r, g in enumerate(sorted(relevance.values(), reverse=True), start=1))
    ranked = sorted(scores, key=lambda d: (-scores[d], d))[:k]
    return sum(relevance.get(d, 0) / math.log2(r + 1) for r, d in enumerate(ranked, start=1)) / ideal


def ndcg_at_k__discount_off_by_one(scores, relevance, k):
    """Discounts rank r by log2(r + 2), as if ranks started at 2: the first place loses a third of its gain."""
    return _ndcg(sorted(scores, key=lambda d: (-scores[d], d)), relevance, k, log=lambda x: math.log2(x + 1))


def ndcg_at_k__zero_for_nothing_relevant(scores, relevance, k):
    """Returns 0.0 for a query with nothing relevant, which skews the mean instead of flagging the query."""
    if not any(relevance.values()):
        return 0.0
    return _ndcg(sorted(scores, key=lambda d: (-scores[d], d)), relevance, k)


def tokenize_corpus__lesson_tokenizer(texts):
    """The lesson's starting tokenizer: keeps the stop words, so it scores about 0.652."""
    return [re.findall(r"[a-z0-9]+", text.lower()) for text in texts]


def tokenize_corpus__case_sensitive(texts):
    """Drops stop words but never lower-cases, so BRCA1 and brca1 never match."""
    return [[w for w in re.findall(r"[A-Za-z0-9]+", text) if w.lower() not in ENGLISH_STOP_WORDS] for text in texts]


def tokenize_corpus__whitespace_split(texts):
    """Splits on spaces only, so punctuation sticks to words ("risk." is not "risk")."""
    return [[w for w in text.lower().split() if w not in ENGLISH_STOP_WORDS] for text in texts]


def tokenize_corpus__one_flat_list(texts):
    """Returns all terms of all texts in one list, not one list per text."""
    return [w for text in texts for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in ENGLISH_STOP_WORDS]
