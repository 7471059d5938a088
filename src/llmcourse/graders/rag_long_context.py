"""Grader for rag_long_context: choose the number of retrieved documents k under a per-query token budget."""

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {
    "choose_k": {
        "branch dropped: if not queries: -> pass":
            "max() over no rankings raises ValueError anyway, so an empty list of queries is still refused",
        "constant: max((len(ranking) for ranking, _ in queries)) + 1 -> max((len(ranking) for ranking, _ in queries)) + 2":
            "a k past the longest ranking slices the same documents, so it ties and the smaller k is kept",
    },
}

_TOKENS = {"a": 10, "b": 10, "c": 10, "d": 10, "x": 10, "y": 10, "z": 10, "long": 50, "w": 0}


def choose_k():
    return [
        Case("recall grows while the budget allows",
             ([(["x", "a", "y"], {"a"}), (["b", "c", "z"], {"b", "c"})], _TOKENS, 25), expect=(2, 1.0), tol=1e-9,
             why="k=2 costs 20 tokens for each query and finds every relevant id; k=3 would cost 30, over 25."),
        Case("a tie goes to the smaller k",
             ([(["a", "x", "y"], {"a"}), (["b", "z", "x"], {"b"})], _TOKENS, 100), expect=(1, 1.0), tol=1e-9,
             why="k=1, 2 and 3 all fit and all recall 1.0: keep the smallest, the cheapest context that recalls "
                 "as much. Replace the best k only when the recall is strictly higher."),
        Case("a context exactly at the budget fits",
             ([(["x", "a", "y"], {"a"})], _TOKENS, 20), expect=(2, 1.0), tol=1e-9,
             why="The first two documents take 10 + 10 = 20 tokens, equal to the budget, and equal fits."),
        Case("the budget holds for every query, not on average",
             ([(["a", "x"], {"a", "x"}), (["b", "long"], {"b", "long"}), (["c", "y"], {"c", "y"})], _TOKENS, 40),
             expect=(1, 0.5), tol=1e-9,
             why="At k=2 the second query's prompt is 10 + 50 = 60 tokens, over the budget of 40, even though "
                 "the mean over the three queries (33.3) is under it. One overflowing prompt rules k=2 out."),
        Case("recall divides by each query's relevant ids and is averaged over queries",
             ([(["a", "b", "x"], {"a", "b", "c", "d"}), (["y", "z", "c"], {"c"})], _TOKENS, 30),
             expect=(3, 0.75), tol=1e-9,
             why="At k=3 the first query finds 2 of its 4 relevant ids (0.5) and the second 1 of 1 (1.0): the "
                 "mean is 0.75. Dividing by k, or pooling all queries' ids, gives another number."),
        Case("a shorter ranking is used whole",
             ([(["a"], {"a"}), (["x", "y", "b"], {"b"})], _TOKENS, 30), expect=(3, 1.0), tol=1e-9,
             why="The first query has one document: its first 3 are just that one (10 tokens). k runs up to the "
                 "longest ranking, 3, where the second query finds b."),
        Case("nothing relevant is ever retrieved",
             ([(["x", "y"], {"a"}), (["z"], {"b"})], _TOKENS, 100), expect=(0, 0.0), tol=1e-9,
             why="Every k recalls 0.0, so the tie goes to the smallest, k=0: no context at all recalls as much."),
        Case("a budget smaller than any first document",
             ([(["a", "b"], {"a"})], _TOKENS, 5), expect=(0, 0.0), tol=1e-9,
             why="Even one document (10 tokens) overflows a budget of 5, so only k=0 fits."),
        Case("documents of zero tokens still count",
             ([(["w", "a"], {"a"}), (["b"], {"b"})], _TOKENS, 10), expect=(2, 1.0), tol=1e-9,
             why="w takes 0 tokens, so k=2 costs 10 for the first query and 10 for the second: it fits."),
        Case("a larger budget does not always need a larger k",
             ([(["a", "x", "b", "y", "z"], {"a", "b"})], _TOKENS, 45), expect=(3, 1.0), tol=1e-9,
             why="k=3 finds both relevant ids; k=4 fits too (40 tokens) but recalls no more, so 3 it is."),
        Case("a budget of zero fits documents of zero tokens",
             ([(["w", "a"], {"w"})], _TOKENS, 0), expect=(1, 1.0), tol=1e-9,
             why="A budget of 0 is a valid budget: w takes 0 tokens, so k=1 fits it and finds w."),
        Case("no queries is an error", ([], _TOKENS, 100), raises=ValueError,
             why="A k chosen on no labelled queries means nothing: raise ValueError."),
        Case("a query without relevant ids is an error", ([(["a"], {"a"}), (["b"], set())], _TOKENS, 100),
             raises=ValueError,
             why="Recall has no value for a query with nothing to find; raise ValueError instead of counting 0."),
        Case("a negative budget is an error", ([(["a"], {"a"})], _TOKENS, -1), raises=ValueError,
             why="No context can take fewer than 0 tokens: raise ValueError for a negative budget."),
    ]
