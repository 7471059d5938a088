"""Known-wrong answers for prompting_context_tokens: each must fail its grader."""


def _norm(text):
    return " ".join(text.lower().split())


def _unique(passages, key=_norm):
    seen, out = set(), []
    for p in passages:
        if key(p["text"]) not in seen:
            seen.add(key(p["text"]))
            out.append(p)
    return out


def _latest(passages, later=lambda a, b: a > b):
    latest = {}
    for p in passages:
        topic = p.get("topic")
        if topic and (topic not in latest or later(p["date"], latest[topic]["date"])):
            latest[topic] = p
    return [p for p in passages if not p.get("topic") or latest[p["topic"]] is p]


def _fit(passages, budget, count_tokens):
    kept, used = [], 0
    for p in passages:
        cost = count_tokens(p["text"])
        if used + cost <= budget:
            kept.append(p["id"])
            used += cost
    return kept


def pack_context__exact_duplicates_only(passages, budget, count_tokens):
    """Compares raw texts, so a copy that differs only in case or spacing survives."""
    if budget < 0:
        raise ValueError("negative budget")
    return _fit(_latest(_unique(passages, key=lambda t: t)), budget, count_tokens)


def pack_context__last_wins_conflict(passages, budget, count_tokens):
    """Keeps the last passage of each topic instead of the latest date."""
    if budget < 0:
        raise ValueError("negative budget")
    return _fit(_latest(_unique(passages), later=lambda a, b: True), budget, count_tokens)


def pack_context__stops_at_first_misfit(passages, budget, count_tokens):
    """Stops at the first passage that does not fit, so a shorter later one is never tried."""
    if budget < 0:
        raise ValueError("negative budget")
    kept, used = [], 0
    for p in _latest(_unique(passages)):
        cost = count_tokens(p["text"])
        if used + cost > budget:
            break
        kept.append(p["id"])
        used += cost
    return kept


def pack_context__strict_budget(passages, budget, count_tokens):
    """Uses < for the budget, so a passage that exactly fills it is dropped."""
    if budget < 0:
        raise ValueError("negative budget")
    kept, used = [], 0
    for p in _latest(_unique(passages)):
        cost = count_tokens(p["text"])
        if used + cost < budget:
            kept.append(p["id"])
            used += cost
    return kept


def pack_context__counts_words_itself(passages, budget, count_tokens):
    """Ignores count_tokens and counts words, which is a different rule from the one passed in."""
    if budget < 0:
        raise ValueError("negative budget")
    return _fit(_latest(_unique(passages)), budget, lambda text: len(text.split()))


def pack_context__conflicts_before_duplicates(passages, budget, count_tokens):
    """Settles conflicts first, so a later-dated duplicate replaces the first copy."""
    if budget < 0:
        raise ValueError("negative budget")
    return _fit(_unique(_latest(passages)), budget, count_tokens)


def pack_context__no_budget_check(passages, budget, count_tokens):
    """Never checks for a negative budget, so it quietly returns nothing."""
    return _fit(_latest(_unique(passages)), budget, count_tokens)
