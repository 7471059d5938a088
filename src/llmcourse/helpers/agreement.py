"""Chance-corrected agreement between annotators: Krippendorff's alpha, small and dependency-free.

Defined for the lesson `evals_binary_annotation`. The reference is Krippendorff, "Computing
Krippendorff's Alpha-Reliability" (2011); `krippendorff_alpha` reproduces the worked example of
that note (4 observers, 12 units: nominal 0.743, ordinal 0.815, interval 0.849).
"""

from __future__ import annotations

import numpy as np

LEVELS = ("nominal", "ordinal", "interval")


def krippendorff_alpha(ratings, level: str = "nominal") -> float:
    """Krippendorff's alpha of a raters x units table (NaN where a rater did not label a unit).

    alpha = 1 - observed disagreement / disagreement expected by chance. 1 is perfect agreement,
    0 is what raters labelling at random (with the same label frequencies) would reach, and it can
    go below 0. `level` sets how far apart two labels are: "nominal" (equal or not), "ordinal"
    (ranks: 4 vs 5 is closer than 1 vs 5, scaled by how often the labels in between are used) or
    "interval" (squared difference of the values). Units with fewer than two labels are ignored.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    data = np.asarray(ratings, dtype=float)
    if data.ndim != 2:
        raise ValueError("ratings must be a 2-D table: one row per rater, one column per unit")
    present = ~np.isnan(data)
    values = np.unique(data[present])
    if values.size < 2:
        raise ValueError("alpha is undefined when fewer than two distinct labels are used")
    index = np.searchsorted(values, np.where(present, data, values[0]))
    # counts[u, c]: how many raters gave unit u the label values[c]
    counts = np.zeros((data.shape[1], values.size))
    for row, mask in zip(index, present):
        np.add.at(counts, (np.nonzero(mask)[0], row[mask]), 1)
    m = counts.sum(axis=1)
    counts, m = counts[m >= 2], m[m >= 2]
    if m.size == 0:
        raise ValueError("no unit was labelled by two or more raters")
    # coincidence matrix: o[c, k] = sum over units of (pairs of labels c, k from different raters) / (m_u - 1)
    o = (counts[:, :, None] * counts[:, None, :]
         - np.einsum("uc,ck->uck", counts, np.eye(values.size))) / (m - 1)[:, None, None]
    o = o.sum(axis=0)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    delta = _distance(values, n_c, level)
    observed = (o * delta).sum() / n
    expected = (np.outer(n_c, n_c) * delta).sum() / (n * (n - 1))
    return float(1.0 - observed / expected)


def _distance(values: np.ndarray, n_c: np.ndarray, level: str) -> np.ndarray:
    """Squared distance between every two labels, for the measurement level."""
    if level == "nominal":
        return 1.0 - np.eye(values.size)
    if level == "interval":
        return (values[:, None] - values[None, :]) ** 2
    cum = np.cumsum(n_c)
    lo, hi = np.minimum.outer(np.arange(values.size), np.arange(values.size)), \
        np.maximum.outer(np.arange(values.size), np.arange(values.size))
    between = cum[hi] - np.where(lo > 0, cum[lo - 1], 0.0)   # sum of n_g for g from lo to hi
    return (between - (n_c[lo] + n_c[hi]) / 2) ** 2
