"""A simulated week of a human-in-the-loop interface: a model suggests a category, a seller reacts.

Defined for the lesson `product_human_in_the_loop`. The shipped log
`llmcourse/data/product_human_in_the_loop/events.csv` is `simulate_week()` with its defaults; the lesson
calls it again with other settings to see how the yield and noise of the labels move. Every number
below is an assumption of the simulation, stated so it can be argued with, not a measurement.
"""

from __future__ import annotations

from statistics import NormalDist

import numpy as np
import pandas as pd

CATEGORIES = ("kitchen", "outdoor", "electronics", "clothing", "toys", "books")

# What a careful seller does, by whether the suggestion is right: probabilities of accept, edit, dismiss.
CAREFUL_RIGHT = {"accept": 0.85, "edit": 0.0, "dismiss": 0.15}
CAREFUL_WRONG = {"accept": 0.10, "edit": 0.70, "dismiss": 0.20}
# A rubber-stamper accepts almost everything, fast, whatever the suggestion.
STAMPER = {"accept": 0.97, "edit": 0.0, "dismiss": 0.03}
EDIT_PICKS_RIGHT = 0.90            # an edit picks the right category; otherwise another wrong one
NO_OP_EDIT = 0.05                  # share of edits that end on the suggested category (opened, then kept)
MEDIAN_SECONDS = {"accept": 4.0, "edit": 9.0, "dismiss": 2.0, "stamp": 0.6}
LATER_CHANGE = {"wrong_careful": 0.5, "wrong_stamper": 0.1, "right": 0.02}


def _normal(u: float) -> float:
    """A standard normal quantile of a uniform draw, held within 8 standard deviations (a draw of
    exactly 0 has no quantile)."""
    return -8.0 if u <= 0 else max(-8.0, min(8.0, NormalDist().inv_cdf(u)))


def simulate_week(p_correct: float = 0.6, sellers: int = 50, stamper_share: float = 0.2,
                  listings_per_day: float = 3.0, days: int = 7, seed: int = 16) -> pd.DataFrame:
    """One row per suggestion shown: event, day, seller, product, suggested, final, action, seconds,
    changed_later, and true_category (known only to the simulation, for measuring label noise).

    `p_correct` is the share of suggestions that are right; `stamper_share` the share of sellers who
    accept without looking; each seller lists a Poisson(`listings_per_day`) number of products a day.
    """
    if not 0 <= p_correct <= 1 or not 0 <= stamper_share <= 1:
        raise ValueError("p_correct and stamper_share are probabilities, between 0 and 1")
    rng = np.random.default_rng(seed)
    stampers = set(rng.choice(sellers, size=round(stamper_share * sellers), replace=False).tolist())
    rows = []
    for day in range(1, days + 1):
        for seller in range(sellers):
            for _ in range(rng.poisson(listings_per_day)):
                # the same eight draws per listing whatever the settings, so that two runs with different
                # settings differ only where the settings matter (common random numbers)
                u = rng.random(8)
                truth = CATEGORIES[int(u[0] * len(CATEGORIES))]
                right = u[1] < p_correct
                others = [c for c in CATEGORIES if c != truth]
                suggested = truth if right else others[int(u[2] * len(others))]
                stamper = seller in stampers
                odds = STAMPER if stamper else (CAREFUL_RIGHT if right else CAREFUL_WRONG)
                action = "accept" if u[3] < odds["accept"] else ("edit" if u[3] < odds["accept"] + odds["edit"] else "dismiss")
                final = ""
                if action == "accept":
                    final = suggested
                elif action == "edit":
                    if u[4] < NO_OP_EDIT:
                        final = suggested
                    elif u[5] < EDIT_PICKS_RIGHT:
                        final = truth
                    else:
                        final = [c for c in others if c != suggested][int(u[5] * 10) % (len(others) - 1)]
                median = MEDIAN_SECONDS["stamp" if stamper and action == "accept" else action]
                seconds = round(float(median * np.exp(0.5 * _normal(u[6]))), 2)
                changed = False
                if action == "accept":
                    chance = LATER_CHANGE["right"] if right else LATER_CHANGE["wrong_stamper" if stamper else "wrong_careful"]
                    changed = bool(u[7] < chance)
                rows.append({"day": day, "seller": f"s{seller:02d}", "suggested": suggested, "final": final,
                             "action": action, "seconds": seconds, "changed_later": changed,
                             "true_category": truth})
    log = pd.DataFrame(rows)
    log.insert(0, "event", [f"e{i:04d}" for i in range(1, len(log) + 1)])
    log.insert(3, "product", [f"q{i:04d}" for i in range(1, len(log) + 1)])
    return log
