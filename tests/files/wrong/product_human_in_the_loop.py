"""Known-wrong answers for product_human_in_the_loop: each must fail at least one grader case."""

ACTIONS = ("accept", "edit", "dismiss")


def _build(events, min_seconds=1.0, stamp_share=0.9, min_events=10, *, fast=True, changed=True, stamp=True,
           noop=True, dismiss_negative=False, stamp_edits=False, flip_pairs=False, strict_seconds=False,
           validate=True, stamp_over_accepts_only=False):
    """The right rules, with one switch per mistake."""
    counts, accepts = {}, {}
    for e in events:
        if validate and e["action"] not in ACTIONS:
            raise ValueError(e["action"])
        counts[e["seller"]] = counts.get(e["seller"], 0) + 1
        accepts[e["seller"]] = accepts.get(e["seller"], 0) + (e["action"] == "accept")
    if stamp_over_accepts_only:
        stampers = {s for s, n in accepts.items() if n >= min_events}
    else:
        stampers = {s for s, n in counts.items() if n >= min_events and accepts[s] / n >= stamp_share}
    labels, pairs = [], []
    for e in events:
        p, sug, fin = e["product"], e["suggested"], e["final"]
        if e["action"] == "accept":
            too_fast = e["seconds"] <= min_seconds if strict_seconds else e["seconds"] < min_seconds
            if (fast and too_fast) or (changed and e["changed_later"]) or (stamp and e["seller"] in stampers):
                continue
            labels.append({"product": p, "category": sug, "label": 1})
        elif e["action"] == "edit":
            if (noop and (not fin or fin == sug)) or (stamp_edits and e["seller"] in stampers):
                continue
            labels.append({"product": p, "category": sug, "label": 0})
            labels.append({"product": p, "category": fin, "label": 1})
            pairs.append({"product": p, "chosen": sug if flip_pairs else fin, "rejected": fin if flip_pairs else sug})
        elif e["action"] == "dismiss" and dismiss_negative:
            labels.append({"product": p, "category": sug, "label": 0})
    return {"labels": labels, "pairs": pairs}


def training_data__keeps_instant_accepts(events, min_seconds=1.0, stamp_share=0.9, min_events=10):
    """Trusts every accept, however fast."""
    return _build(events, min_seconds, stamp_share, min_events, fast=False)


def training_data__dismiss_is_a_negative(events, min_seconds=1.0, stamp_share=0.9, min_events=10):
    """Reads a dismiss as a negative label for the suggestion."""
    return _build(events, min_seconds, stamp_share, min_events, dismiss_negative=True)


def training_data__pairs_backwards(events, min_seconds=1.0, stamp_share=0.9, min_events=10):
    """Puts the model's suggestion as the chosen side of the pair."""
    return _build(events, min_seconds, stamp_share, min_events, flip_pairs=True)


def training_data__keeps_noop_edits(events, min_seconds=1.0, stamp_share=0.9, min_events=10):
    """Turns an edit that kept the suggestion into a negative and a positive label for the same category."""
    return _build(events, min_seconds, stamp_share, min_events, noop=False)


def training_data__drops_stampers_edits(events, min_seconds=1.0, stamp_share=0.9, min_events=10):
    """Drops everything a rubber-stamper did, their corrections included."""
    return _build(events, min_seconds, stamp_share, min_events, stamp_edits=True)


def training_data__ignores_changed_later(events, min_seconds=1.0, stamp_share=0.9, min_events=10):
    """Keeps accepts that the seller changed again later."""
    return _build(events, min_seconds, stamp_share, min_events, changed=False)


def training_data__no_stamper_check(events, min_seconds=1.0, stamp_share=0.9, min_events=10):
    """Never looks at who accepted."""
    return _build(events, min_seconds, stamp_share, min_events, stamp=False)


def training_data__exact_threshold_is_too_fast(events, min_seconds=1.0, stamp_share=0.9, min_events=10):
    """Drops an accept that took exactly min_seconds."""
    return _build(events, min_seconds, stamp_share, min_events, strict_seconds=True)


def training_data__stampers_by_accept_count(events, min_seconds=1.0, stamp_share=0.9, min_events=10):
    """Calls anyone with min_events accepts a rubber-stamper, whatever their share."""
    return _build(events, min_seconds, stamp_share, min_events, stamp_over_accepts_only=True)


def training_data__fixed_thresholds(events, min_seconds=1.0, stamp_share=0.9, min_events=10):
    """Ignores the parameters and always uses the defaults."""
    return _build(events)


def training_data__no_validation(events, min_seconds=1.0, stamp_share=0.9, min_events=10):
    """Silently skips unknown actions."""
    return _build(events, min_seconds, stamp_share, min_events, validate=False)
