"""Known-wrong answers for capstone_retrieval: each must fail at least one grader case."""


def _summary(rows):
    unanswerable = sum(not r["answerable"] for r in rows)
    return {"questions": len(rows), "answerable": len(rows) - unanswerable, "unanswerable": unanswerable,
            "unanswerable_share": unanswerable / len(rows),
            "passages": len({p for r in rows for p in r["relevant"]})}


def validate_eval_set__hard_coded(rows, passage_ids, min_unanswerable=0.25):
    """Returns the first case's summary whatever the input."""
    return {"questions": 4, "answerable": 3, "unanswerable": 1, "unanswerable_share": 0.25, "passages": 3}


def validate_eval_set__exact_duplicates_only(rows, passage_ids, min_unanswerable=0.25):
    """Compares questions as typed, so a copy in other case or spacing slips through."""
    if not rows or not 0 <= min_unanswerable <= 1:
        raise ValueError("bad input")
    ids, questions = set(), set()
    for row in rows:
        if {"id", "question", "answerable", "relevant"} - set(row):
            raise ValueError("missing key")
        if any(p not in passage_ids for p in row["relevant"]) or row["answerable"] != bool(row["relevant"]):
            raise ValueError(row["id"])
        if row["id"] in ids or row["question"] in questions:
            raise ValueError(row["id"])
        ids.add(row["id"])
        questions.add(row["question"])
    summary = _summary(rows)
    if summary["unanswerable_share"] < min_unanswerable:
        raise ValueError("too few unanswerable")
    return summary


def validate_eval_set__keyerror_on_missing_keys(rows, passage_ids, min_unanswerable=0.25):
    """Never checks the keys, so a row without one raises KeyError instead of a ValueError naming it."""
    if not rows or not 0 <= min_unanswerable <= 1:
        raise ValueError("bad input")
    seen = set()
    for row in rows:
        folded = " ".join(row["question"].lower().split())
        if any(p not in passage_ids for p in row["relevant"]) or row["answerable"] != bool(row["relevant"]):
            raise ValueError(row["id"])
        if row["id"] in seen or folded in seen:
            raise ValueError(row["id"])
        seen.update({row["id"], folded})
    summary = _summary(rows)
    if summary["unanswerable_share"] < min_unanswerable:
        raise ValueError("too few unanswerable")
    return summary


def validate_eval_set__share_must_exceed_minimum(rows, passage_ids, min_unanswerable=0.25):
    """Rejects a share equal to the minimum, which the text allows."""
    if not rows:
        raise ValueError("empty")
    summary = _summary(rows)
    if summary["unanswerable_share"] <= min_unanswerable:
        raise ValueError("too few unanswerable")
    return summary


def validate_eval_set__counts_every_label(rows, passage_ids, min_unanswerable=0.25):
    """Counts labels, not distinct passages, and checks nothing but the share."""
    if not rows:
        raise ValueError("empty")
    summary = _summary(rows)
    summary["passages"] = sum(len(r["relevant"]) for r in rows)
    if summary["unanswerable_share"] < min_unanswerable:
        raise ValueError("too few unanswerable")
    return summary


def recall_at_k__hard_coded(ranked_by_question, eval_rows, k):
    """Returns the first case's answer whatever the input."""
    return 0.75


def recall_at_k__unanswerable_as_zero(ranked_by_question, eval_rows, k):
    """Averages over every row, giving an unanswerable question a recall of 0."""
    if k < 1 or not any(r["answerable"] for r in eval_rows):
        raise ValueError("bad input")
    total = 0.0
    for row in eval_rows:
        if row["answerable"]:
            relevant = set(row["relevant"])
            total += len(set(ranked_by_question.get(row["id"], [])[:k]) & relevant) / len(relevant)
    return total / len(eval_rows)


def recall_at_k__pooled(ranked_by_question, eval_rows, k):
    """Pools found and relevant counts over all questions instead of averaging per question."""
    if k < 1:
        raise ValueError("bad k")
    found = wanted = 0
    for row in eval_rows:
        if row["answerable"]:
            relevant = set(row["relevant"])
            found += len(set(ranked_by_question.get(row["id"], [])[:k]) & relevant)
            wanted += len(relevant)
    if not wanted:
        raise ValueError("nothing answerable")
    return found / wanted


def recall_at_k__missing_ranking_is_an_error(ranked_by_question, eval_rows, k):
    """Looks every question up with [], so a question without a ranking raises KeyError."""
    if k < 1:
        raise ValueError("bad k")
    recalls = [len(set(ranked_by_question[r["id"]][:k]) & set(r["relevant"])) / len(set(r["relevant"]))
               for r in eval_rows if r["answerable"]]
    if not recalls:
        raise ValueError("nothing answerable")
    return sum(recalls) / len(recalls)


def recall_at_k__counts_repeats(ranked_by_question, eval_rows, k):
    """Counts a relevant passage once per appearance in the ranking."""
    if k < 1:
        raise ValueError("bad k")
    recalls = [sum(1 for p in ranked_by_question.get(r["id"], [])[:k] if p in r["relevant"]) / len(set(r["relevant"]))
               for r in eval_rows if r["answerable"]]
    if not recalls:
        raise ValueError("nothing answerable")
    return sum(recalls) / len(recalls)


def choose_retriever__hard_coded(candidates, min_gain):
    """Returns the first case's answer whatever the input."""
    return "BM25"


def choose_retriever__always_the_best(candidates, min_gain):
    """Ignores the margin and takes the highest recall."""
    if not candidates or min_gain < 0:
        raise ValueError("bad input")
    return max(candidates, key=lambda c: c[1])[0]


def choose_retriever__strict_margin(candidates, min_gain):
    """Requires strictly more than best - min_gain, so a recall exactly at the margin fails."""
    if not candidates or min_gain < 0:
        raise ValueError("bad input")
    names = [n for n, _ in candidates]
    if len(set(names)) != len(names) or any(not 0 <= r <= 1 for _, r in candidates):
        raise ValueError("bad candidates")
    best = max(r for _, r in candidates)
    return next(n for n, r in candidates if r > best - min_gain or r == best)


def choose_retriever__compares_with_the_simplest(candidates, min_gain):
    """Moves to a later candidate whenever it beats the current choice by min_gain, stepping up the list."""
    if not candidates or min_gain < 0:
        raise ValueError("bad input")
    names = [n for n, _ in candidates]
    if len(set(names)) != len(names) or any(not 0 <= r <= 1 for _, r in candidates):
        raise ValueError("bad candidates")
    chosen, recall = candidates[0]
    for name, value in candidates[1:]:
        if value - recall >= min_gain and value > recall:
            chosen, recall = name, value
    return chosen


def choose_retriever__no_validation(candidates, min_gain):
    """Right rule, but accepts recalls outside [0, 1], duplicate names and a negative margin."""
    if not candidates:
        raise ValueError("no candidates")
    best = max(r for _, r in candidates)
    return next(n for n, r in candidates if r >= best - min_gain)
