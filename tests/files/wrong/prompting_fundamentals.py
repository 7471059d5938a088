"""Known-wrong answers for prompting_fundamentals: each must fail at least one grader case."""

WAY_OUT = ("Answer only from the context. If the context does not contain the answer, reply exactly: "
           "insufficient information")


def _validate(question, pool, k, context):
    if not question.strip() or k < 0 or (context is not None and not context.strip()):
        raise ValueError("bad input")
    for text, label in pool:
        if not text.strip() or not label.strip():
            raise ValueError("bad example")


def _messages(picked, question, context):
    out = []
    for text, label in picked:
        out += [{"role": "user", "content": text}, {"role": "assistant", "content": label}]
    last = question if context is None else f"Context:\n{context}\n\nQuestion: {question}\n{WAY_OUT}"
    return out + [{"role": "user", "content": last}]


def _rounds(kept, k, order=None):
    by_label = {}
    for text, label in kept:
        by_label.setdefault(label, []).append(text)
    labels = order(by_label) if order else list(by_label)
    picked, depth = [], 0
    while len(picked) < k and any(depth < len(by_label[lb]) for lb in labels):
        for lb in labels:
            if depth < len(by_label[lb]) and len(picked) < k:
                picked.append((by_label[lb][depth], lb))
        depth += 1
    return picked


def _dedup(pool, fold=lambda t: " ".join(t.split()).casefold()):
    seen, kept = set(), []
    for text, label in pool:
        if fold(text) not in seen:
            seen.add(fold(text))
            kept.append((text, label))
    return kept


def grounded_few_shot__first_k(question, pool, k, context=None):
    """Takes the first k examples of the pool: the label mix is whatever was collected first."""
    _validate(question, pool, k, context)
    return _messages(_dedup(pool)[:k], question, context)


def grounded_few_shot__no_dedup(question, pool, k, context=None):
    """Balances the labels but keeps repeated examples, which waste slots."""
    _validate(question, pool, k, context)
    return _messages(_rounds(list(pool), k), question, context)


def grounded_few_shot__exact_duplicates_only(question, pool, k, context=None):
    """Drops only byte-identical texts, so 'Card late' and 'card late ' both stay."""
    _validate(question, pool, k, context)
    return _messages(_rounds(_dedup(pool, fold=lambda t: t), k), question, context)


def grounded_few_shot__sorted_labels(question, pool, k, context=None):
    """Takes the labels in alphabetical order instead of the order they first appear."""
    _validate(question, pool, k, context)
    return _messages(_rounds(_dedup(pool), k, order=sorted), question, context)


def grounded_few_shot__no_way_out(question, pool, k, context=None):
    """Puts the context in the prompt but never tells the model what to say when it lacks the answer."""
    _validate(question, pool, k, context)
    picked = _rounds(_dedup(pool), k)
    out = _messages(picked, question, None)
    if context is not None:
        out[-1] = {"role": "user", "content": f"Context:\n{context}\n\nQuestion: {question}"}
    return out


def grounded_few_shot__accepts_blank_context(question, pool, k, context=None):
    """Lets an empty context through, so every answer may become 'insufficient information'."""
    if not question.strip() or k < 0:
        raise ValueError("bad input")
    for text, label in pool:
        if not text.strip() or not label.strip():
            raise ValueError("bad example")
    return _messages(_rounds(_dedup(pool), k), question, context)


def grounded_few_shot__strips_text(question, pool, k, context=None):
    """Sends the folded text instead of the example as written."""
    _validate(question, pool, k, context)
    kept = [(" ".join(t.split()), lb) for t, lb in _dedup(pool)]
    return _messages(_rounds(kept, k), question.strip(), context)
