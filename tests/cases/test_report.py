"""A report reads well as text and as HTML: one line for an untouched exercise, scores that say what they
are made of, learner text escaped, backticks shown as code."""

from llmcourse.cases import CaseResult, Report, grade

TODO = "not implemented yet: replace `raise NotImplementedError` with your code"


def _report(results):
    return Report("rag_keyword_search.recall_at_k", "Recall@k of one ranked list", 5, 3, results)


def test_an_untouched_exercise_is_one_line_not_one_per_case():
    report = _report([CaseResult(f"case {i}", False, TODO, todo=True) for i in range(8)])
    text = str(report)
    assert text.splitlines()[0].startswith("NOT STARTED  rag_keyword_search.recall_at_k")
    assert "not started: replace the NotImplementedError in recall_at_k" in text
    assert "case 3" not in text and TODO not in text
    assert len(text.splitlines()) == 3


def test_a_partial_score_says_what_it_is_made_of():
    report = _report([CaseResult("a", True), CaseResult("b", False, "expected 1, got 2")] + [CaseResult("c", True)])
    assert "(2 of 3 cases pass: 3.33/5 points)" in str(report)
    assert "✘ b\n      expected 1, got 2" in str(report)


def test_repr_is_the_readable_text_not_a_field_dump():
    report = grade("rag_keyword_search.recall_at_k", lambda ranked, relevant, k: 0.5)
    assert repr(report) == str(report)
    assert "CaseResult(" not in repr(report) and "Report(" not in repr(report)


def test_html_escapes_learner_text_and_shows_backticks_as_code():
    evil = "expected 1, got '<img src=x onerror=alert(1)>' (at line 3: `return <b>`)"
    html = _report([CaseResult("<script>", False, evil)])._repr_html_()
    assert "<img" not in html and "<script>" not in html and "<b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<code>return &lt;b&gt;</code>" in html
    assert "<code>llmcourse hint rag_keyword_search.recall_at_k</code>" in html


def test_untouched_html_is_one_line_too():
    html = _report([CaseResult(f"case {i}", False, TODO, todo=True) for i in range(8)])._repr_html_()
    assert html.count("<li>") == 1 and "NOT STARTED" in html
