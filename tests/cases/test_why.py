"""A case's `why` is about that case's point: a failure is never explained by another case's rule."""

from llmcourse.cases import grade
from tests.conftest import load_wrong

wrong_assertions = load_wrong("evals_assertions")


def test_a_missed_letter_case_is_not_blamed_on_stopping_early():
    report = grade("evals_assertions.summary_failures", wrong_assertions.summary_failures__case_sensitive_preamble)
    failed = [r for r in report.results if not r.passed]
    assert failed, "a case-sensitive preamble check must fail"
    for result in failed:
        assert "do not stop at the first failure" not in result.message, result
        assert "letter case" in result.message, result


def test_stopping_at_the_first_failure_is_named_as_such():
    def first_only(ticket, summary, min_words=5, max_words=25):
        return ["mentions_order_id"] if ticket["order_id"] not in summary else []
    report = grade("evals_assertions.summary_failures", first_only)
    listed = next(r for r in report.results if r.name.startswith("every failure is listed"))
    assert not listed.passed and "do not stop at the first failure" in listed.message


def test_a_wrong_casing_variant_is_not_explained_as_a_wrong_typo():
    def upper_always(needle, seed=0):
        return {"exact": needle, "casing": needle.upper(), "typo": needle}
    report = grade("evals_overemphasis.needle_variants", upper_always)
    caps = next(r for r in report.results if r.name == "an all-caps needle gets lower case")
    assert not caps.passed and "'casing'" in caps.message and "lower case" in caps.message
    assert "random.Random" not in caps.message
