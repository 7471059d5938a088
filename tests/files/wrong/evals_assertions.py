"""Known-wrong answers for evals_assertions: each must fail its grader."""

import re

CRITERIA = ("mentions_order_id", "length", "no_apology", "no_preamble")
PREAMBLES = ("sure", "here is", "here's", "certainly", "as an ai")


def summary_failures__hardcoded(ticket, summary, min_words=5, max_words=25):
    """Returns the answer of the first case whatever the input."""
    return []


def summary_failures__substring_id(ticket, summary, min_words=5, max_words=25):
    """Finds the order id as a substring, so A-10423 counts as A-1042."""
    failed = []
    if ticket["order_id"].lower() not in summary.lower():
        failed.append("mentions_order_id")
    if not min_words <= len(summary.split()) <= max_words:
        failed.append("length")
    if re.search(r"\b(sorry|apolog\w*)\b", summary, re.I):
        failed.append("no_apology")
    if summary.lstrip(" \"'").lower().startswith(PREAMBLES):
        failed.append("no_preamble")
    return failed


def summary_failures__off_by_one(ticket, summary, min_words=5, max_words=25):
    """Treats the word limit as exclusive, so a 25-word summary fails."""
    failed = []
    if not re.search(rf"\b{re.escape(ticket['order_id'])}\b", summary, re.I):
        failed.append("mentions_order_id")
    if not min_words <= len(summary.split()) < max_words:
        failed.append("length")
    if re.search(r"\b(sorry|apolog\w*)\b", summary, re.I):
        failed.append("no_apology")
    if summary.lstrip(" \"'").lower().startswith(PREAMBLES):
        failed.append("no_preamble")
    return failed


def summary_failures__case_sensitive(ticket, summary, min_words=5, max_words=25):
    """Looks for 'sorry' and the preambles in lower case only, so 'Sorry' slips through."""
    failed = []
    if not re.search(rf"\b{re.escape(ticket['order_id'])}\b", summary):
        failed.append("mentions_order_id")
    if not min_words <= len(summary.split()) <= max_words:
        failed.append("length")
    if "sorry" in summary or "apolog" in summary:
        failed.append("no_apology")
    if summary.startswith(PREAMBLES):
        failed.append("no_preamble")
    return failed


def summary_failures__first_failure_only(ticket, summary, min_words=5, max_words=25):
    """Stops at the first failing criterion, hiding the others."""
    if not re.search(rf"\b{re.escape(ticket['order_id'])}\b", summary, re.I):
        return ["mentions_order_id"]
    if not min_words <= len(summary.split()) <= max_words:
        return ["length"]
    if re.search(r"\b(sorry|apolog\w*)\b", summary, re.I):
        return ["no_apology"]
    if summary.lstrip(" \"'").lower().startswith(PREAMBLES):
        return ["no_preamble"]
    return []


def regressions__hardcoded(before, after):
    """Returns the answer of the first case whatever the input."""
    return ["b"]


def regressions__any_failure_after(before, after):
    """Reports every sample failing after the change, even ones that failed before."""
    return sorted(i for i in after if after[i])


def regressions__unsorted(before, after):
    """Right set, but in dict order rather than sorted."""
    return [i for i in before if i in after and not before[i] and after[i]]


def regressions__keyerror_on_new(before, after):
    """Assumes both runs hold the same ids, so an added sample crashes it."""
    return sorted(i for i in after if not before[i] and after[i])


def summary_failures__case_sensitive_preamble(ticket, summary, min_words=5, max_words=25):
    """Checks every criterion but matches the preamble in lower case only, so 'Sure!' slips through."""
    failed = []
    if not re.search(rf"(?<![\w-]){re.escape(ticket['order_id'])}(?![\w-])", summary, re.I):
        failed.append("mentions_order_id")
    if not min_words <= len(summary.split()) <= max_words:
        failed.append("length")
    if re.search(r"\b(sorry|apolog\w*)\b", summary, re.I):
        failed.append("no_apology")
    if summary.lstrip(" \t\n\"'").startswith(PREAMBLES):
        failed.append("no_preamble")
    return failed
