"""Known-wrong answers for workflows_caching: each must fail its grader."""

import unicodedata


def cache_key__lower_not_casefold(text, model, prompt_version):
    """Uses str.lower(), which leaves 'ß' alone, so 'STRASSE' and 'Straße' get two keys."""
    if not model or not prompt_version:
        raise ValueError("missing model or version")
    normal = " ".join(unicodedata.normalize("NFKC", text).lower().split()).rstrip("?!.").rstrip()
    if not normal:
        raise ValueError("empty")
    return (model, prompt_version, normal)


def cache_key__no_nfkc(text, model, prompt_version):
    """Skips Unicode normalisation, so full-width letters make a new key."""
    if not model or not prompt_version:
        raise ValueError("missing model or version")
    normal = " ".join(text.casefold().split()).rstrip("?!.").rstrip()
    if not normal:
        raise ValueError("empty")
    return (model, prompt_version, normal)


def cache_key__strips_all_punctuation(text, model, prompt_version):
    """Deletes every '?', '!' and '.' anywhere, so '2.5' becomes '25'."""
    if not model or not prompt_version:
        raise ValueError("missing model or version")
    normal = unicodedata.normalize("NFKC", text).casefold()
    for mark in "?!.":
        normal = normal.replace(mark, "")
    normal = " ".join(normal.split())
    if not normal:
        raise ValueError("empty")
    return (model, prompt_version, normal)


def cache_key__normalises_the_version(text, model, prompt_version):
    """Case-folds the model and the prompt version too, so 'V2' and 'v2' collide."""
    if not model or not prompt_version:
        raise ValueError("missing model or version")
    normal = " ".join(unicodedata.normalize("NFKC", text).casefold().split()).rstrip("?!.").rstrip()
    if not normal:
        raise ValueError("empty")
    return (model.casefold(), prompt_version.casefold(), normal)


def cache_key__punctuation_before_spaces(text, model, prompt_version):
    """Removes the final marks before stripping whitespace, so 'card? ' keeps its '?'."""
    if not model or not prompt_version:
        raise ValueError("missing model or version")
    normal = unicodedata.normalize("NFKC", text).casefold().rstrip("?!.")
    normal = " ".join(normal.split())
    if not normal:
        raise ValueError("empty")
    return (model, prompt_version, normal)


def cache_key__text_only(text, model, prompt_version):
    """Leaves the model and prompt version out of the key: old prompts' answers survive a change."""
    normal = " ".join(unicodedata.normalize("NFKC", text).casefold().split()).rstrip("?!.").rstrip()
    if not normal:
        raise ValueError("empty")
    return normal


def cache_key__accepts_empty(text, model, prompt_version):
    """Returns a key for an empty question instead of raising."""
    normal = " ".join(unicodedata.normalize("NFKC", text).casefold().split()).rstrip("?!.").rstrip()
    return (model, prompt_version, normal)


def cache_hits__expires_late(requests, ttl):
    """Uses <= ttl, so an answer exactly ttl old is still served."""
    if ttl <= 0:
        raise ValueError("ttl")
    stored, out, prev = {}, [], None
    for t, k in requests:
        if prev is not None and t < prev:
            raise ValueError("order")
        prev = t
        hit = k in stored and t - stored[k] <= ttl
        if not hit:
            stored[k] = t
        out.append(hit)
    return out


def cache_hits__hit_refreshes(requests, ttl):
    """Resets the clock on every request, so a popular answer never expires."""
    if ttl <= 0:
        raise ValueError("ttl")
    stored, out, prev = {}, [], None
    for t, k in requests:
        if prev is not None and t < prev:
            raise ValueError("order")
        prev = t
        out.append(k in stored and t - stored[k] < ttl)
        stored[k] = t
    return out


def cache_hits__never_expires(requests, ttl):
    """Ignores the TTL once a key is stored: answers are served forever."""
    if ttl <= 0:
        raise ValueError("ttl")
    stored, out, prev = set(), [], None
    for t, k in requests:
        if prev is not None and t < prev:
            raise ValueError("order")
        prev = t
        out.append(k in stored)
        stored.add(k)
    return out


def cache_hits__no_order_check(requests, ttl):
    """Does not check that times never decrease."""
    if ttl <= 0:
        raise ValueError("ttl")
    stored, out = {}, []
    for t, k in requests:
        hit = k in stored and t - stored[k] < ttl
        if not hit:
            stored[k] = t
        out.append(hit)
    return out


def cache_hits__expired_entry_kept(requests, ttl):
    """On a miss after expiry, keeps the old stored time, so the refetched answer looks expired too."""
    if ttl <= 0:
        raise ValueError("ttl")
    stored, out, prev = {}, [], None
    for t, k in requests:
        if prev is not None and t < prev:
            raise ValueError("order")
        prev = t
        hit = k in stored and t - stored[k] < ttl
        stored.setdefault(k, t)
        out.append(hit)
    return out
