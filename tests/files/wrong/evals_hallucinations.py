"""Known-wrong answers for evals_hallucinations: each must fail its grader."""

import re

CITATION = re.compile(r"\[\s*([A-Za-z]+\d+(?:\s*,\s*[A-Za-z]+\d+)*)\s*\]")
QUOTE = re.compile(r'"([^"]*)"|“([^”]*)”')


def _norm(text):
    return " ".join(text.lower().split())


def _citations(answer):
    return [(m.start(), [i.strip() for i in m.group(1).split(",")]) for m in CITATION.finditer(answer)]


def _quotes(answer):
    for m in QUOTE.finditer(answer):
        quote = m.group(1) if m.group(1) is not None else m.group(2)
        if quote.strip():
            yield m.start(), quote


def _verify(answer, sources, *, haystack_ids=None, norm=_norm):
    citations = _citations(answer)
    cited = {i for _, ids in citations for i in ids if i in sources}
    texts = [norm(sources[i]) for i in (cited if haystack_ids is None else haystack_ids)]
    problems = [(s, f"unknown source {i}") for s, ids in citations for i in ids if i not in sources]
    problems += [(s, f'quote not found: "{q}"') for s, q in _quotes(answer)
                 if not any(norm(q) in t for t in texts)]
    return [m for _, m in sorted(problems, key=lambda p: p[0])]


def verify_citations__hardcoded(answer, sources):
    """Returns the answer of the first case whatever the input."""
    return []


def verify_citations__quote_in_any_source(answer, sources):
    """Accepts a quote found in any source, even one the answer does not cite."""
    return _verify(answer, sources, haystack_ids=list(sources))


def verify_citations__case_sensitive(answer, sources):
    """Compares quotes exactly, so a change of case or a line break makes a true quote 'not found'."""
    return _verify(answer, sources, norm=lambda text: text)


def verify_citations__ids_before_quotes(answer, sources):
    """Right problems, but all unknown ids first and then all quotes, not in order of appearance."""
    problems = _verify(answer, sources)
    return [p for p in problems if p.startswith("unknown")] + [p for p in problems if p.startswith("quote")]


def verify_citations__straight_quotes_only(answer, sources):
    """Ignores curly quotes, so a made-up quote in “...” slips through."""
    return [p for p in _verify(answer, sources)
            if not any(p == f'quote not found: "{q}"' for _, q in _quotes(answer)
                       if f"“{q}”" in answer and f'"{q}"' not in answer)]


def verify_citations__unknown_ids_as_set(answer, sources):
    """Reports each unknown id once, however often it is cited."""
    seen, out = set(), []
    for p in _verify(answer, sources):
        if p.startswith("unknown") and p in seen:
            continue
        seen.add(p)
        out.append(p)
    return out


def unsupported_rate__hardcoded(run):
    """Returns the answer of the second case whatever the input."""
    return 0.25


def unsupported_rate__ignores_no_citation(run):
    """Counts only answers with a verify problem, so an answer that cites nothing looks supported."""
    if not run:
        raise ValueError("empty run")
    return sum(1 for a, s in run if _verify(a, s)) / len(run)


def unsupported_rate__counts_problems(run):
    """Divides the number of problems, not of unsupported answers, by the number of answers."""
    if not run:
        raise ValueError("empty run")
    return sum(len(_verify(a, s)) + (0 if CITATION.search(a) else 1) for a, s in run) / len(run)


def unsupported_rate__empty_is_zero(run):
    """Returns 0.0 for an empty run instead of raising ValueError."""
    if not run:
        return 0.0
    return sum(1 for a, s in run if _verify(a, s) or not CITATION.search(a)) / len(run)


def unsupported_rate__first_sources_for_all(run):
    """Checks every answer against the sources of the first pair."""
    if not run:
        raise ValueError("empty run")
    sources = run[0][1]
    return sum(1 for a, _ in run if _verify(a, sources) or not CITATION.search(a)) / len(run)
