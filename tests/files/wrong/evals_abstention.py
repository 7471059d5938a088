"""Known-wrong answers for evals_abstention: each must fail its grader."""

import math


def answer_or_abstain__calls_model_first(question, retrieved, answer_fn, threshold, abstain_message="I don't know."):
    """Calls the model before checking the evidence, so every abstention still costs a model call."""
    ranked = sorted(retrieved, key=lambda pair: pair[1], reverse=True)
    answer = answer_fn(question, [text for text, _ in ranked])
    if not ranked or ranked[0][1] < threshold:
        return abstain_message
    return answer


def answer_or_abstain__abstains_on_equal(question, retrieved, answer_fn, threshold, abstain_message="I don't know."):
    """Uses <= for the threshold, so a best score equal to the threshold abstains."""
    if not retrieved:
        return abstain_message
    ranked = sorted(retrieved, key=lambda pair: pair[1], reverse=True)
    if ranked[0][1] <= threshold:
        return abstain_message
    return answer_fn(question, [text for text, _ in ranked])


def answer_or_abstain__trusts_first_pair(question, retrieved, answer_fn, threshold, abstain_message="I don't know."):
    """Assumes the list is already sorted: judges the first pair's score and passes the input order on."""
    if not retrieved or retrieved[0][1] < threshold:
        return abstain_message
    return answer_fn(question, [text for text, _ in retrieved])


def answer_or_abstain__crashes_on_empty(question, retrieved, answer_fn, threshold, abstain_message="I don't know."):
    """Takes max() of the scores without checking for an empty retrieval."""
    best = max(score for _, score in retrieved)
    if best < threshold:
        return abstain_message
    ranked = sorted(retrieved, key=lambda pair: pair[1], reverse=True)
    return answer_fn(question, [text for text, _ in ranked])


def answer_or_abstain__fixed_message(question, retrieved, answer_fn, threshold, abstain_message="I don't know."):
    """Ignores the caller's abstain_message and always says "I don't know."."""
    if not retrieved or max(score for _, score in retrieved) < threshold:
        return "I don't know."
    ranked = sorted(retrieved, key=lambda pair: pair[1], reverse=True)
    return answer_fn(question, [text for text, _ in ranked])


def answer_or_abstain__zero_is_no_evidence(question, retrieved, answer_fn, threshold, abstain_message="I don't know."):
    """Treats a best score of 0.0 as falsy, so it abstains even when 0.0 meets the threshold."""
    best = max((score for _, score in retrieved), default=None)
    if not best or best < threshold:
        return abstain_message
    ranked = sorted(retrieved, key=lambda pair: pair[1], reverse=True)
    return answer_fn(question, [text for text, _ in ranked])


def _checked(confidences, correct, n_bins):
    confidences, correct = list(confidences), list(correct)
    if n_bins < 1 or not confidences or len(confidences) != len(correct):
        raise ValueError("bad input")
    if any(not 0.0 <= c <= 1.0 for c in confidences):
        raise ValueError("confidence outside [0, 1]")
    return confidences, correct


def _bins(confidences, correct, index):
    bins = {}
    for c, ok in zip(confidences, correct):
        i = index(c)
        if i is not None:
            bins.setdefault(i, []).append((c, bool(ok)))
    return bins


def _gap(members):
    return abs(sum(ok for _, ok in members) / len(members) - sum(c for c, _ in members) / len(members))


def expected_calibration_error__drops_one(confidences, correct, n_bins=10):
    """Bins by int(c * n_bins) with no special case, and skips the out-of-range index that 1.0 gets."""
    confidences, correct = _checked(confidences, correct, n_bins)
    bins = _bins(confidences, correct, lambda c: int(c * n_bins) if int(c * n_bins) < n_bins else None)
    return float(sum(len(m) / len(confidences) * _gap(m) for m in bins.values()))


def expected_calibration_error__unweighted(confidences, correct, n_bins=10):
    """Averages the gaps of the non-empty bins without weighting them by their size."""
    confidences, correct = _checked(confidences, correct, n_bins)
    bins = _bins(confidences, correct, lambda c: min(int(c * n_bins), n_bins - 1))
    return float(sum(_gap(m) for m in bins.values()) / len(bins))


def expected_calibration_error__divides_by_n_bins(confidences, correct, n_bins=10):
    """Averages the gaps over all n_bins bins, counting empty bins as zero."""
    confidences, correct = _checked(confidences, correct, n_bins)
    bins = _bins(confidences, correct, lambda c: min(int(c * n_bins), n_bins - 1))
    return float(sum(_gap(m) for m in bins.values()) / n_bins)


def expected_calibration_error__right_closed_bins(confidences, correct, n_bins=10):
    """Uses bins closed on the right, (i/n, (i+1)/n], so an inner edge goes to the lower bin and 0.0 is lost."""
    confidences, correct = _checked(confidences, correct, n_bins)
    bins = _bins(confidences, correct, lambda c: math.ceil(c * n_bins) - 1 if c > 0 else None)
    return float(sum(len(m) / len(confidences) * _gap(m) for m in bins.values()))


def expected_calibration_error__one_global_gap(confidences, correct, n_bins=10):
    """Compares overall accuracy with overall mean confidence, ignoring the bins."""
    confidences, correct = _checked(confidences, correct, n_bins)
    return float(abs(sum(map(bool, correct)) / len(correct) - sum(confidences) / len(confidences)))


def expected_calibration_error__no_validation(confidences, correct, n_bins=10):
    """Right arithmetic, but zip() hides mismatched lengths and nothing checks the range or emptiness."""
    pairs = list(zip(confidences, correct))
    if not pairs:
        return 0.0
    bins = _bins([c for c, _ in pairs], [ok for _, ok in pairs], lambda c: min(max(int(c * n_bins), 0), n_bins - 1))
    return float(sum(len(m) / len(pairs) * _gap(m) for m in bins.values()))


def expected_calibration_error__histogram_edges(confidences, correct, n_bins=10):
    """Bins with np.histogram(range=(0, 1)), whose linspace edges put 0.3, 0.6 and 0.7 in the bin below."""
    import numpy as np

    confidences, correct = np.asarray(confidences, float), np.asarray(correct, float)
    if n_bins < 1 or len(confidences) == 0 or len(confidences) != len(correct) \
            or ((confidences < 0) | (confidences > 1)).any():
        raise ValueError("bad input")
    edges = np.histogram_bin_edges(confidences, bins=n_bins, range=(0, 1))
    index = np.clip(np.searchsorted(edges, confidences, side="right") - 1, 0, n_bins - 1)
    ece = 0.0
    for b in range(n_bins):
        members = index == b
        if members.any():
            ece += members.sum() / len(confidences) * abs(correct[members].mean() - confidences[members].mean())
    return float(ece)
