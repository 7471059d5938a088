"""Known-wrong answers for data_dev_prod_skew: each must fail its grader."""

import math


def _check(dev, prod, n_bins):
    if set(dev) != set(prod) or n_bins < 1 or any(not dev[c] or not prod[c] for c in dev):
        raise ValueError("bad input")


def _ks(a, b, points=None):
    return max(abs(sum(v <= x for v in a) / len(a) - sum(v <= x for v in b) / len(b)) for x in (points or a + b))


def _counts(values, lo, hi, n_bins):
    counts = [0] * n_bins
    for x in values:
        counts[0 if hi == lo else min(max(int((x - lo) / (hi - lo) * n_bins), 0), n_bins - 1)] += 1
    return counts


def _report(dev, prod, psi_threshold, ks_threshold, n_bins, shares, psi_of, ks_of=_ks, flag=None,
            bounds=lambda a, b: (min(a + b), max(a + b))):
    _check(dev, prod, n_bins)
    rows = []
    for column in dev:
        a, b = list(dev[column]), list(prod[column])
        lo, hi = bounds(a, b)
        p = shares(_counts(a, lo, hi, n_bins), len(a))
        q = shares(_counts(b, lo, hi, n_bins), len(b))
        psi, ks = psi_of(p, q), ks_of(a, b)
        flagged = flag(psi, ks) if flag else (psi >= psi_threshold or ks >= ks_threshold)
        rows.append({"column": column, "psi": psi, "ks": ks, "flagged": flagged})
    return rows


def _eps_shares(counts, n):
    return [c / n if c else 1e-4 for c in counts]


def _psi(p, q):
    return sum((qi - pi) * math.log(qi / pi) for pi, qi in zip(p, q))


def skew_report__skips_empty_bins(dev, prod, psi_threshold=0.2, ks_threshold=0.15, n_bins=10):
    """Leaves out every bin that is empty on either side instead of using the 1e-4 epsilon."""
    return _report(dev, prod, psi_threshold, ks_threshold, n_bins, lambda counts, n: [c / n for c in counts],
                   lambda p, q: sum((qi - pi) * math.log(qi / pi) for pi, qi in zip(p, q) if pi and qi))


def skew_report__epsilon_on_every_share(dev, prod, psi_threshold=0.2, ks_threshold=0.15, n_bins=10):
    """Adds 1e-4 to every share, not only to the shares that are 0."""
    return _report(dev, prod, psi_threshold, ks_threshold, n_bins, lambda counts, n: [c / n + 1e-4 for c in counts],
                   _psi)


def skew_report__strict_thresholds(dev, prod, psi_threshold=0.2, ks_threshold=0.15, n_bins=10):
    """Flags only values strictly above a threshold, so a value equal to it passes."""
    return _report(dev, prod, psi_threshold, ks_threshold, n_bins, _eps_shares, _psi,
                   flag=lambda psi, ks: psi > psi_threshold or ks > ks_threshold)


def skew_report__both_must_move(dev, prod, psi_threshold=0.2, ks_threshold=0.15, n_bins=10):
    """Flags a column only when PSI and KS both reach their thresholds."""
    return _report(dev, prod, psi_threshold, ks_threshold, n_bins, _eps_shares, _psi,
                   flag=lambda psi, ks: psi >= psi_threshold and ks >= ks_threshold)


def skew_report__ks_at_dev_values_only(dev, prod, psi_threshold=0.2, ks_threshold=0.15, n_bins=10):
    """Looks for the largest KS gap only at values dev has, missing gaps at values only prod has."""
    return _report(dev, prod, psi_threshold, ks_threshold, n_bins, _eps_shares, _psi,
                   ks_of=lambda a, b: _ks(a, b, points=a))


def skew_report__bins_from_dev_only(dev, prod, psi_threshold=0.2, ks_threshold=0.15, n_bins=10):
    """Takes the range of the bins from dev alone and clips prod values outside it into the edge bins."""
    return _report(dev, prod, psi_threshold, ks_threshold, n_bins, _eps_shares, _psi,
                   bounds=lambda a, b: (min(a), max(a)))


def skew_report__no_validation(dev, prod, psi_threshold=0.2, ks_threshold=0.15, n_bins=10):
    """Right arithmetic, but compares only the columns both samples share and never checks its input."""
    rows = []
    for column in dev:
        if column not in prod or not dev[column] or not prod[column]:
            continue
        a, b = list(dev[column]), list(prod[column])
        lo, hi = min(a + b), max(a + b)
        bins = max(n_bins, 1)
        psi = _psi(_eps_shares(_counts(a, lo, hi, bins), len(a)), _eps_shares(_counts(b, lo, hi, bins), len(b)))
        ks = _ks(a, b)
        rows.append({"column": column, "psi": psi, "ks": ks, "flagged": psi >= psi_threshold or ks >= ks_threshold})
    return rows
