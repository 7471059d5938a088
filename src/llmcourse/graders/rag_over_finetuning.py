"""Grader for rag_over_finetuning: a per-tenant search over a log of adds and deletes, graded adversarially."""

from llmcourse.cases import Case

EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {}

A, B = "acme", "bolt"


def tenant_search():
    return [
        Case("the document that matches is found",
             ([("add", A, "refunds", "Refunds within 30 days"), ("add", A, "hours", "Open 9 to 5")], A, "refund days"),
             expect=["refunds"], why="Only 'refunds' shares a term with the query ('days'); a document scoring 0 "
                                     "is not returned. ('refund' is not 'refunds': terms must match exactly.)"),
        Case("the same id in two tenants is two documents",
             ([("add", A, "d1", "red apples"), ("add", B, "d1", "green pears")], A, "pears"), expect=[],
             why="bolt's d1 mentions pears, acme's d1 does not. Key documents by (tenant, id): a store keyed by id "
                 "alone lets one tenant's text overwrite, or leak into, another's."),
        Case("the other tenant's document with the same id survives",
             ([("add", A, "d1", "red apples"), ("add", B, "d1", "green pears")], B, "pears"), expect=["d1"],
             why="bolt added d1 after acme did; that must not replace acme's d1, and acme's must not replace bolt's."),
        Case("a deleted document is gone",
             ([("add", A, "d1", "red apples"), ("delete", A, "d1")], A, "apples"), expect=[],
             why="After ('delete', acme, d1) nothing of d1 may be returned."),
        Case("a delete in one tenant leaves the other's document",
             ([("add", A, "d1", "red apples"), ("add", B, "d1", "red apples"), ("delete", B, "d1")], A, "apples"),
             expect=["d1"], why="bolt deleted its d1; acme's d1 is another document and stays."),
        Case("delete then re-add: the document is back, with its new text only",
             ([("add", A, "d1", "refunds within 30 days"), ("delete", A, "d1"), ("add", A, "d1", "refunds within 14 days")],
              A, "30"), expect=[],
             why="The re-added d1 says 14 days; its deleted text (30 days) must not match any more."),
        Case("delete then re-add: the new text is found",
             ([("add", A, "d1", "refunds within 30 days"), ("delete", A, "d1"), ("add", A, "d1", "refunds within 14 days")],
              A, "14"), expect=["d1"], why="An explicit add after a delete brings the document back."),
        Case("an add with an existing id replaces the text",
             ([("add", A, "d1", "ships from Oslo"), ("add", A, "d1", "ships from Bergen")], A, "oslo"), expect=[],
             why="The second add replaced d1: an index that only appends the new terms still finds it by 'oslo'."),
        Case("a replaced document is returned once",
             ([("add", A, "d1", "ships from Oslo"), ("add", A, "d1", "ships from Bergen")], A, "ships"),
             expect=["d1"], why="d1 is one document with its latest text, not two versions."),
        Case("an empty tenant gives nothing", ([("add", A, "d1", "red apples")], B, "apples"), expect=[],
             why="bolt has no documents: search it and find nothing, never fall back to every tenant's documents."),
        Case("no events at all", ([], A, "apples"), expect=[]),
        Case("deleting a document that is not there does nothing",
             ([("delete", A, "ghost"), ("add", A, "d1", "red apples"), ("delete", B, "d1")], A, "apples"),
             expect=["d1"], why="A delete of a missing document is a no-op, not an error."),
        Case("more shared terms rank higher",
             ([("add", A, "a", "tent pegs"), ("add", A, "b", "tent warranty years"), ("add", A, "c", "warranty")],
              A, "tent warranty years"), expect=["b", "a", "c"],
             why="b shares 3 distinct terms, a and c one each; a and c tie and go by id."),
        Case("distinct terms: a repeated word counts once",
             ([("add", A, "a", "tent tent tent tent"), ("add", A, "b", "tent warranty")], A, "tent warranty tent"),
             expect=["b", "a"], why="Score the number of distinct query terms in the document: b has 2, a has 1, "
                                    "however often 'tent' occurs."),
        Case("ties by id, and at most k",
             ([("add", A, "z", "apples"), ("add", A, "m", "apples"), ("add", A, "b", "apples")], A, "apples", 2),
             expect=["b", "m"], why="Three documents tie; sort them by id ascending and keep the first k = 2."),
        Case("matching ignores case and punctuation",
             ([("add", A, "d1", "Returns: within 45 DAYS.")], A, "RETURNS days?"), expect=["d1"],
             why="Lower-case both sides and split on anything that is not a letter or digit."),
        Case("k defaults to 3",
             ([("add", A, d, "apples") for d in "abcde"], A, "apples"), expect=["a", "b", "c"],
             why="Without a k argument, return at most 3 ids."),
        Case("k = 1 returns the single best document",
             ([("add", A, "a", "apples"), ("add", A, "b", "apples pears")], A, "apples pears", 1), expect=["b"],
             why="k = 1 is valid: only k < 1 is an error."),
        Case("a k above 3 is honoured",
             ([("add", A, d, "apples") for d in "abcde"], A, "apples", 4), expect=["a", "b", "c", "d"],
             why="Use the k you are given, not a fixed 3."),
        Case("k below 1 is an error", ([("add", A, "d1", "apples")], A, "apples", 0), raises=ValueError),
        Case("an unknown action is an error", ([("update", A, "d1", "apples")], A, "apples"), raises=ValueError,
             why="Only 'add' and 'delete' exist: silently skipping an 'update' would leave stale text in the index."),
    ]
