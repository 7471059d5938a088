"""Known-wrong answers for team_always_experimenting: each must fail at least one grader case."""

import numpy as np


def _check(a, b, n_resamples, confidence):
    if len(a) != len(b) or len(a) == 0 or not 0 < confidence < 1 or n_resamples < 1:
        raise ValueError("bad input")


def _decide(low, high):
    return "B" if low > 0 else "A" if high < 0 else "inconclusive"


def paired_bootstrap__unpaired_resampling(scores_a, scores_b, n_resamples=2000, confidence=0.95, seed=0):
    """Resamples A and B separately, as if they had been scored on different items."""
    _check(scores_a, scores_b, n_resamples, confidence)
    a, b = np.asarray(scores_a, dtype=float), np.asarray(scores_b, dtype=float)
    rng = np.random.default_rng(seed)
    n = len(a)
    stats = b[rng.integers(0, n, size=(n_resamples, n))].mean(axis=1) - \
        a[rng.integers(0, n, size=(n_resamples, n))].mean(axis=1)
    low, high = np.percentile(stats, [100 * (1 - confidence) / 2, 100 * (1 + confidence) / 2])
    return {"difference": float((b - a).mean()), "low": float(low), "high": float(high), "decision": _decide(low, high)}


def paired_bootstrap__a_minus_b(scores_a, scores_b, n_resamples=2000, confidence=0.95, seed=0):
    """Takes the differences the wrong way round, so a win for B looks like a win for A."""
    _check(scores_a, scores_b, n_resamples, confidence)
    d = np.asarray(scores_a, dtype=float) - np.asarray(scores_b, dtype=float)
    rng = np.random.default_rng(seed)
    stats = d[rng.integers(0, len(d), size=(n_resamples, len(d)))].mean(axis=1)
    low, high = np.percentile(stats, [100 * (1 - confidence) / 2, 100 * (1 + confidence) / 2])
    return {"difference": float(d.mean()), "low": float(low), "high": float(high), "decision": _decide(low, high)}


def paired_bootstrap__fixed_95_percent(scores_a, scores_b, n_resamples=2000, confidence=0.95, seed=0):
    """Always uses the 2.5th and 97.5th percentiles, whatever confidence is asked for."""
    _check(scores_a, scores_b, n_resamples, confidence)
    d = np.asarray(scores_b, dtype=float) - np.asarray(scores_a, dtype=float)
    rng = np.random.default_rng(seed)
    stats = d[rng.integers(0, len(d), size=(n_resamples, len(d)))].mean(axis=1)
    low, high = np.percentile(stats, [2.5, 97.5])
    return {"difference": float(d.mean()), "low": float(low), "high": float(high), "decision": _decide(low, high)}


def paired_bootstrap__decides_on_the_mean(scores_a, scores_b, n_resamples=2000, confidence=0.95, seed=0):
    """Computes the interval but picks whichever prompt has the higher mean, ignoring it."""
    _check(scores_a, scores_b, n_resamples, confidence)
    d = np.asarray(scores_b, dtype=float) - np.asarray(scores_a, dtype=float)
    rng = np.random.default_rng(seed)
    stats = d[rng.integers(0, len(d), size=(n_resamples, len(d)))].mean(axis=1)
    low, high = np.percentile(stats, [100 * (1 - confidence) / 2, 100 * (1 + confidence) / 2])
    decision = "B" if d.mean() > 0 else "A" if d.mean() < 0 else "inconclusive"
    return {"difference": float(d.mean()), "low": float(low), "high": float(high), "decision": decision}


def paired_bootstrap__normal_approximation(scores_a, scores_b, n_resamples=2000, confidence=0.95, seed=0):
    """Uses mean +/- 1.96 standard errors instead of the bootstrap percentiles."""
    _check(scores_a, scores_b, n_resamples, confidence)
    d = np.asarray(scores_b, dtype=float) - np.asarray(scores_a, dtype=float)
    se = d.std(ddof=1) / np.sqrt(len(d)) if len(d) > 1 else 0.0
    low, high = d.mean() - 1.96 * se, d.mean() + 1.96 * se
    return {"difference": float(d.mean()), "low": float(low), "high": float(high), "decision": _decide(low, high)}


def paired_bootstrap__one_draw_per_resample(scores_a, scores_b, n_resamples=2000, confidence=0.95, seed=0):
    """Draws each resample with rng.choice on the differences, which uses the random stream differently."""
    _check(scores_a, scores_b, n_resamples, confidence)
    d = np.asarray(scores_b, dtype=float) - np.asarray(scores_a, dtype=float)
    rng = np.random.default_rng(seed)
    stats = np.array([rng.permutation(d)[: max(1, len(d) // 2)].mean() for _ in range(n_resamples)])
    low, high = np.percentile(stats, [100 * (1 - confidence) / 2, 100 * (1 + confidence) / 2])
    return {"difference": float(d.mean()), "low": float(low), "high": float(high), "decision": _decide(low, high)}


def paired_bootstrap__touching_zero_decides(scores_a, scores_b, n_resamples=2000, confidence=0.95, seed=0):
    """Picks B when the interval merely touches 0 from above (low >= 0)."""
    _check(scores_a, scores_b, n_resamples, confidence)
    d = np.asarray(scores_b, dtype=float) - np.asarray(scores_a, dtype=float)
    rng = np.random.default_rng(seed)
    stats = d[rng.integers(0, len(d), size=(n_resamples, len(d)))].mean(axis=1)
    low, high = np.percentile(stats, [100 * (1 - confidence) / 2, 100 * (1 + confidence) / 2])
    decision = "B" if low >= 0 else "A" if high <= 0 else "inconclusive"
    return {"difference": float(d.mean()), "low": float(low), "high": float(high), "decision": decision}


def paired_bootstrap__no_validation(scores_a, scores_b, n_resamples=2000, confidence=0.95, seed=0):
    """Skips the input checks: unequal lengths are silently cut to the shorter list."""
    n = min(len(scores_a), len(scores_b))
    d = np.asarray(scores_b[:n], dtype=float) - np.asarray(scores_a[:n], dtype=float)
    rng = np.random.default_rng(seed)
    stats = d[rng.integers(0, max(n, 1), size=(max(n_resamples, 1), n))].mean(axis=1) if n else np.zeros(1)
    low, high = np.percentile(stats, [100 * (1 - confidence) / 2, 100 * (1 + confidence) / 2]) \
        if 0 <= confidence <= 1 else (0.0, 0.0)
    return {"difference": float(d.mean()) if n else 0.0, "low": float(low), "high": float(high),
            "decision": _decide(low, high)}
