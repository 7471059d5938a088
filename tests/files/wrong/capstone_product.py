"""Known-wrong answers for capstone_product: each must fail its grader."""

import re

import numpy as np
from rank_bm25 import BM25Okapi

CITATION = re.compile(r"\[([a-z0-9_]+#[a-z0-9-]+)\]")


def verify_citations__all_cited_are_valid(answer_text, retrieved_ids):
    """Trusts the model: every well-formed citation counts as valid, whether it was retrieved or not."""
    if not isinstance(answer_text, str):
        raise ValueError("answer_text must be a str")
    valid = list(dict.fromkeys(CITATION.findall(answer_text)))
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", answer_text)]
    return {"valid": valid, "invalid": [], "uncited": [s for s in sentences if s and not CITATION.search(s)]}


def verify_citations__splits_on_every_full_stop(answer_text, retrieved_ids):
    """Cuts sentences at every '.', so '3.5 s' becomes two sentences and one of them looks uncited."""
    if not isinstance(answer_text, str):
        raise ValueError("answer_text must be a str")
    allowed = set(retrieved_ids)
    found = list(dict.fromkeys(CITATION.findall(answer_text)))
    sentences = [s.strip() for s in re.split(r"[.!?]", answer_text)]
    return {"valid": [c for c in found if c in allowed], "invalid": [c for c in found if c not in allowed],
            "uncited": [s for s in sentences if s and not CITATION.search(s)]}


def verify_citations__sorted_and_repeated(answer_text, retrieved_ids):
    """Keeps repeats and sorts the ids instead of listing each once in order of first appearance."""
    if not isinstance(answer_text, str):
        raise ValueError("answer_text must be a str")
    allowed = set(retrieved_ids)
    found = CITATION.findall(answer_text)
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", answer_text)]
    return {"valid": sorted(c for c in found if c in allowed), "invalid": sorted(c for c in found if c not in allowed),
            "uncited": [s for s in sentences if s and not CITATION.search(s)]}


def verify_citations__any_bracket_is_a_citation(answer_text, retrieved_ids):
    """Takes anything in square brackets for a citation, so '[1]' makes a sentence look cited."""
    if not isinstance(answer_text, str):
        raise ValueError("answer_text must be a str")
    allowed = set(retrieved_ids)
    found = list(dict.fromkeys(CITATION.findall(answer_text)))
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", answer_text)]
    return {"valid": [c for c in found if c in allowed], "invalid": [c for c in found if c not in allowed],
            "uncited": [s for s in sentences if s and not re.search(r"\[[^\]]+\]", s)]}


def should_abstain__counts_repeated_terms(top_score, question_terms, passage_terms, threshold, min_overlap):
    """Measures overlap over the question's tokens with repeats, not over its distinct terms."""
    if not 0 <= min_overlap <= 1:
        raise ValueError("min_overlap")
    if top_score is None:
        return "no_passages"
    if top_score < threshold:
        return "low_score"
    present = set(passage_terms)
    overlap = sum(t in present for t in question_terms) / len(question_terms) if question_terms else 0.0
    return "low_overlap" if overlap < min_overlap else None


def should_abstain__abstains_on_equal_score(top_score, question_terms, passage_terms, threshold, min_overlap):
    """Uses <= on the score, so a score equal to the threshold abstains."""
    if not 0 <= min_overlap <= 1:
        raise ValueError("min_overlap")
    if top_score is None:
        return "no_passages"
    if top_score <= threshold:
        return "low_score"
    asked = set(question_terms)
    overlap = len(asked & set(passage_terms)) / len(asked) if asked else 0.0
    return "low_overlap" if overlap < min_overlap else None


def should_abstain__overlap_first(top_score, question_terms, passage_terms, threshold, min_overlap):
    """Checks the overlap before the score, so the reason names the wrong rule."""
    if not 0 <= min_overlap <= 1:
        raise ValueError("min_overlap")
    if top_score is None:
        return "no_passages"
    asked = set(question_terms)
    overlap = len(asked & set(passage_terms)) / len(asked) if asked else 0.0
    if overlap < min_overlap:
        return "low_overlap"
    return "low_score" if top_score < threshold else None


def should_abstain__empty_question_divides_by_zero(top_score, question_terms, passage_terms, threshold, min_overlap):
    """Forgets the question with no terms and divides by zero."""
    if not 0 <= min_overlap <= 1:
        raise ValueError("min_overlap")
    if top_score is None:
        return "no_passages"
    if top_score < threshold:
        return "low_score"
    asked = set(question_terms)
    return "low_overlap" if len(asked & set(passage_terms)) / len(asked) < min_overlap else None


INJECTION = ("ignore previous instructions", "ignore all previous", "ignore the above", "system prompt",
             "you are now", "disregard your instructions")


def guard__no_whitespace_normalising(question, max_chars=300):
    """Lowers the case but matches before collapsing whitespace, so a newline hides the phrase."""
    if not isinstance(question, str):
        raise ValueError("question")
    if not question.strip():
        return "empty"
    if len(question) > max_chars:
        return "too_long"
    return "injection" if any(p in question.lower() for p in INJECTION) else None


def guard__injection_before_length(question, max_chars=300):
    """Checks the phrase list before the length."""
    if not isinstance(question, str):
        raise ValueError("question")
    if not question.strip():
        return "empty"
    if any(p in " ".join(question.lower().split()) for p in INJECTION):
        return "injection"
    return "too_long" if len(question) > max_chars else None


def guard__single_words(question, max_chars=300):
    """Flags any question containing 'ignore' or 'prompt', refusing honest questions too."""
    if not isinstance(question, str):
        raise ValueError("question")
    if not question.strip():
        return "empty"
    if len(question) > max_chars:
        return "too_long"
    words = set(question.lower().split())
    return "injection" if words & {"ignore", "prompt"} else None


def guard__length_off_by_one(question, max_chars=300):
    """Refuses a question of exactly max_chars characters."""
    if not isinstance(question, str):
        raise ValueError("question")
    if not question.strip():
        return "empty"
    if len(question) >= max_chars:
        return "too_long"
    return "injection" if any(p in " ".join(question.lower().split()) for p in INJECTION) else None


def cache_key__question_only(question, model, prompt_version):
    """Keys on the question alone: a new prompt or model is served the old answer."""
    if not model or "|" in model or not prompt_version or "|" in prompt_version:
        raise ValueError("bad key part")
    return " ".join(question.lower().split()).rstrip("?!.").strip()


def cache_key__no_normalising(question, model, prompt_version):
    """Uses the question as typed, so a repeat with other spacing or case misses the cache."""
    if not model or "|" in model or not prompt_version or "|" in prompt_version:
        raise ValueError("bad key part")
    return f"{model}|{prompt_version}|{question}"


def cache_key__no_validation(question, model, prompt_version):
    """Never checks for '|' or empty parts, so two different (model, version) pairs can share a key."""
    return f"{model}|{prompt_version}|{' '.join(question.lower().split()).rstrip('?!.').strip()}"


def _means(run):
    names = sorted({m for s in run.values() for m in s})
    return {m: sum(s[m] for s in run.values()) / len(run) for m in names}


def regression_report__means_only(before, after):
    """Reports the means and leaves out the per-question changes: a flat mean hides a fix and a break."""
    if not before or set(before) != set(after):
        raise ValueError("runs differ")
    b, a = _means(before), _means(after)
    return {"metrics": {m: {"before": b[m], "after": a[m], "delta": a[m] - b[m]} for m in b},
            "changes": [], "regressed": [], "improved": []}


def regression_report__net_change(before, after):
    """Calls a question regressed only when its metrics fell in total, so one up and one down cancel."""
    if not before or set(before) != set(after):
        raise ValueError("runs differ")
    for q in before:
        if set(before[q]) != set(after[q]):
            raise ValueError("metrics differ")
    b, a = _means(before), _means(after)
    changes, regressed, improved = [], [], []
    for q in sorted(before):
        for m in sorted(before[q]):
            if before[q][m] != after[q][m]:
                changes.append({"id": q, "metric": m, "before": before[q][m], "after": after[q][m]})
        net = sum(after[q].values()) - sum(before[q].values())
        if net < 0:
            regressed.append(q)
        elif net > 0:
            improved.append(q)
    return {"metrics": {m: {"before": b[m], "after": a[m], "delta": a[m] - b[m]} for m in b},
            "changes": changes, "regressed": regressed, "improved": improved}


def regression_report__delta_backwards(before, after):
    """Computes before - after, so an improvement shows as a negative delta."""
    if not before or set(before) != set(after):
        raise ValueError("runs differ")
    for q in before:
        if set(before[q]) != set(after[q]):
            raise ValueError("metrics differ")
    b, a = _means(before), _means(after)
    changes, regressed, improved = [], [], []
    for q in sorted(before):
        down = up = False
        for m in sorted(before[q]):
            old, new = before[q][m], after[q][m]
            if old != new:
                changes.append({"id": q, "metric": m, "before": old, "after": new})
                down, up = down or new < old, up or new > old
        if down:
            regressed.append(q)
        elif up:
            improved.append(q)
    return {"metrics": {m: {"before": b[m], "after": a[m], "delta": b[m] - a[m]} for m in b},
            "changes": changes, "regressed": regressed, "improved": improved}


# ---------------------------------------------------------------- the whole pipeline, each with one fault

STOP = set("a an the is are was were be of to in on for and or what which who how why when does do did can i "
           "my me you your it its at by from with about should this that there their as".split())
ABSTAIN = "The course does not cover this."


def _tok(text):
    return [t for t in re.findall(r"[a-z0-9]+", text.lower()) if t not in STOP]


def _pipeline(questions, client, model, passages, *, k=3, threshold=11.0, use_guard=True, use_cache=True,
              verify=True, call_first=False):
    index = BM25Okapi([_tok(p.title + " " + p.text) for p in passages])
    cache, out = {}, []
    for q in questions:
        flat = " ".join(q.lower().split())
        if use_guard and (len(q) > 300 or any(p in flat for p in INJECTION)):
            out.append({"answer": ABSTAIN, "citations": [], "abstained": True, "reason": "guard"})
            continue
        key = flat.rstrip("?!.").strip() if use_cache else object()
        if key not in cache:
            scores = index.get_scores(_tok(q))
            order = [int(i) for i in np.argsort(-scores, kind="stable")[:k]]
            given = [passages[i] for i in order]
            block = "\n\n".join(f"[{p.id}] {p.text}" for p in given)
            reply = None
            if call_first or scores[order[0]] >= threshold:
                reply = client.chat.completions.create(model=model, max_tokens=80, messages=[
                    {"role": "user", "content": f"{block}\n\nQuestion: {q}"}]).choices[0].message.content
            if scores[order[0]] < threshold:
                cache[key] = {"answer": ABSTAIN, "citations": [], "abstained": True, "reason": "low_score"}
            else:
                cited = list(dict.fromkeys(CITATION.findall(reply)))
                if verify:
                    cited = [c for c in cited if c in {p.id for p in given}]
                    for c in set(CITATION.findall(reply)) - set(cited):
                        reply = reply.replace(f"[{c}]", "")
                cache[key] = ({"answer": reply, "citations": cited, "abstained": False, "reason": ""} if cited else
                              {"answer": ABSTAIN, "citations": [], "abstained": True, "reason": "no_valid_citation"})
        out.append(dict(cache[key]))
    return out


def ask_course__trusts_the_citations(questions, client, model, passages):
    """Shows every citation the model wrote, the made-up one included."""
    return _pipeline(questions, client, model, passages, verify=False)


def ask_course__never_abstains(questions, client, model, passages):
    """Answers every question however weak the evidence: the model makes up answers to what the course
    does not cover."""
    return _pipeline(questions, client, model, passages, threshold=float("-inf"))


def ask_course__abstains_on_everything_but_the_obvious(questions, client, model, passages):
    """A threshold so high that answerable questions are abstained on as well."""
    return _pipeline(questions, client, model, passages, threshold=25.0)


def ask_course__stuffs_the_corpus(questions, client, model, passages):
    """Sends the 60 best passages instead of a few: recall is perfect, latency and cost are not."""
    return _pipeline(questions, client, model, passages, k=60)


def ask_course__calls_before_abstaining(questions, client, model, passages):
    """Calls the model, then decides to abstain: abstentions still cost a call."""
    return _pipeline(questions, client, model, passages, call_first=True)


def ask_course__no_cache(questions, client, model, passages):
    """Asks the model again for every repeat of a question."""
    return _pipeline(questions, client, model, passages, use_cache=False)


def ask_course__no_guardrail(questions, client, model, passages):
    """Sends prompt injections and over-long questions straight to retrieval and the model."""
    return _pipeline(questions, client, model, passages, use_guard=False, threshold=0.0)
