"""Known-wrong answers for rag_over_finetuning: each must fail at least one grader case."""

import re


def _terms(text):
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _rank(scores, k):
    return sorted((d for d, s in scores.items() if s > 0), key=lambda d: (-scores[d], d))[:k]


def tenant_search__keyed_by_id_only(events, tenant, query, k=3):
    """Keys documents by id alone, so the last tenant to write an id owns it everywhere."""
    if k < 1:
        raise ValueError("k")
    store = {}
    for event in events:
        if event[0] == "add":
            store[event[2]] = (event[1], event[3])
        elif event[0] == "delete":
            store.pop(event[2], None)
        else:
            raise ValueError(event[0])
    return _rank({d: len(_terms(query) & _terms(t)) for d, (owner, t) in store.items() if owner == tenant}, k)


def tenant_search__append_only_index(events, tenant, query, k=3):
    """An inverted index that adds the terms of every add and never removes old ones on replace or re-add."""
    if k < 1:
        raise ValueError("k")
    postings, live = {}, set()
    for event in events:
        if event[0] == "add":
            live.add((event[1], event[2]))
            for term in _terms(event[3]):
                postings.setdefault(term, set()).add((event[1], event[2]))
        elif event[0] == "delete":
            live.discard((event[1], event[2]))
        else:
            raise ValueError(event[0])
    scores = {}
    for term in _terms(query):
        for owner, d in postings.get(term, set()) & live:
            if owner == tenant:
                scores[d] = scores.get(d, 0) + 1
    return _rank(scores, k)


def tenant_search__ignores_deletes(events, tenant, query, k=3):
    """Skips delete events, so a deleted document keeps being returned."""
    if k < 1:
        raise ValueError("k")
    store = {}
    for event in events:
        if event[0] == "add":
            store[(event[1], event[2])] = event[3]
        elif event[0] != "delete":
            raise ValueError(event[0])
    return _rank({d: len(_terms(query) & _terms(t)) for (o, d), t in store.items() if o == tenant}, k)


def tenant_search__all_tenants_when_empty(events, tenant, query, k=3):
    """Falls back to every tenant's documents when the tenant has none."""
    if k < 1:
        raise ValueError("k")
    store = {}
    for event in events:
        if event[0] == "add":
            store[(event[1], event[2])] = event[3]
        elif event[0] == "delete":
            store.pop((event[1], event[2]), None)
        else:
            raise ValueError(event[0])
    mine = {d: t for (o, d), t in store.items() if o == tenant} or {d: t for (o, d), t in store.items()}
    return _rank({d: len(_terms(query) & _terms(t)) for d, t in mine.items()}, k)


def tenant_search__counts_repeats(events, tenant, query, k=3):
    """Scores by how often query words occur in the document, not by distinct shared terms."""
    if k < 1:
        raise ValueError("k")
    store = {}
    for event in events:
        if event[0] == "add":
            store[(event[1], event[2])] = event[3]
        elif event[0] == "delete":
            store.pop((event[1], event[2]), None)
        else:
            raise ValueError(event[0])
    words = _terms(query)
    return _rank({d: sum(w in words for w in re.findall(r"[a-z0-9]+", t.lower()))
                  for (o, d), t in store.items() if o == tenant}, k)


def tenant_search__skips_unknown_actions(events, tenant, query, k=3):
    """Silently ignores actions other than add and delete."""
    if k < 1:
        raise ValueError("k")
    store = {}
    for event in events:
        if event[0] == "add":
            store[(event[1], event[2])] = event[3]
        elif event[0] == "delete":
            store.pop((event[1], event[2]), None)
    return _rank({d: len(_terms(query) & _terms(t)) for (o, d), t in store.items() if o == tenant}, k)
