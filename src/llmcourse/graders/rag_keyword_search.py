"""Grader for rag_keyword_search: recall@k of one ranking, and reciprocal rank fusion of several."""

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {
    "reciprocal_rank_fusion": {
        "constant: Fraction(0) -> Fraction(1)":
            "every document's sum starts one higher, so all scores shift equally and the order stays",
        "constant: 1 / Fraction(k + rank) -> 2 / Fraction(k + rank)":
            "doubling every exact score keeps their order and their ties",
    },
}


def recall_at_k():
    return [
        Case("one of two relevant documents in the top 2", (["a", "b", "c", "d"], {"b", "d"}, 2), expect=0.5,
             tol=1e-9, why="b is in the top 2 and d is not, so half of the relevant documents were found."),
        Case("a relevant document below the cut-off does not count", (["x", "a", "b"], {"b"}, 1), expect=0.0,
             tol=1e-9, why="Slice the ranking to its first k results before comparing it with the relevant set."),
        Case("divide by the number of relevant documents, not by k", (["a", "b", "c", "d", "e"], {"a"}, 5),
             expect=1.0, tol=1e-9,
             why="The only relevant document was found, so recall is 1.0; dividing by k would give 0.2."),
        Case("k larger than the ranking", (["a", "b"], {"a", "c"}, 10), expect=0.5, tol=1e-9,
             why="A ranking shorter than k is fine: the missing positions simply hold nothing relevant."),
        Case("a repeated result counts once", (["a", "a", "b"], {"a", "c"}, 3), expect=0.5, tol=1e-9,
             why="Finding the same document twice does not find a second relevant document: count distinct ids."),
        Case("nothing relevant retrieved", (["x", "y", "z"], {"a", "b"}, 3), expect=0.0, tol=1e-9),
        Case("three of four relevant documents in the top 3", (["d", "c", "b", "a"], {"a", "b", "c", "d"}, 3),
             expect=0.75, tol=1e-9),
        Case("a query with no relevant documents is an error", (["a", "b"], set(), 2), raises=ValueError,
             why="With nothing to find, recall is undefined: raise ValueError instead of returning a number that "
                 "would quietly skew the average over queries."),
    ]


# At k = 60, first place in one ranking (1/61) and 62nd place in two (1/122 + 1/122) score exactly the same.
_FILLER = [f"p{i:02d}" for i in range(1, 62)]
_TIED_AT_60 = [["b"], ["c"], _FILLER + ["a"], _FILLER + ["a"], _FILLER + ["d"], _FILLER + ["d"]]


def _abcd_in_order(got) -> str | None:
    """a, b, c and d tie at the default k: only their order among themselves is judged."""
    if not isinstance(got, list):
        return f"return a list of ids, got {type(got).__name__}"
    order = [doc for doc in got if doc in ("a", "b", "c", "d")]
    return None if order == ["a", "b", "c", "d"] else f"a, b, c and d came out as {order}, not ['a', 'b', 'c', 'd']"


def reciprocal_rank_fusion():
    return [
        Case("two rankings fused", ([["a", "b", "c"], ["c", "b"]],), expect=["c", "b", "a"],
             why="c scores 1/63 + 1/61, b scores 1/62 + 1/62 (slightly less), a only 1/61."),
        Case("ranks start at 1", ([["x", "y"], ["z", "y"]],), kwargs={"k": 1}, expect=["y", "x", "z"],
             why="With k=1 the first result is worth 1/(1+1) and the second 1/(1+2): y gets 1/3 + 1/3, more "
                 "than x or z. Counting the first result as rank 0 would make all three tie."),
        Case("a document in only one ranking is kept", ([["a", "b"], ["c"]],), expect=["a", "c", "b"],
             why="Return every document that appears in any ranking; a missing document adds nothing for that "
                 "ranking but is not dropped. a and c tie at 1/61 and are ordered by id."),
        Case("ties are broken by document id", ([["b"], ["a"]],), expect=["a", "b"],
             why="a and b have the same score; sort ties by id ascending so the output is the same every run."),
        Case("the default k is 60", ([["a"], ["c", "d", "b"], ["e", "f", "b"]],), expect=["b", "a", "c", "e", "d", "f"],
             why="With k=60 two third places (2/63) beat one first place (1/61); use the k argument, default 60."),
        Case("k changes the order", ([["a", "b", "c", "x"], ["d", "e", "f", "x"]],), kwargs={"k": 1},
             expect=["a", "d", "x", "b", "e", "c", "f"],
             why="k sets how much a top place counts against agreement: with k=1, a first place (1/2) beats x's "
                 "two fourth places (1/5 + 1/5), while with k=60 x's two votes (2/64) beat one first place (1/61). "
                 "Use the k you are given in 1 / (k + rank), never a fixed 60."),
        Case("exact ties are ties, whatever the order of the sums",
             ([["x", "a", "b", "c", "d", "e", "y"], ["f", "y", "g", "h", "i", "j", "x"], ["y", "x", "k"]],),
             expect=["x", "y", "f", "a", "b", "g", "k", "c", "h", "d", "i", "e", "j"],
             why="x and y both score exactly 1/61 + 1/62 + 1/67, so the tie goes to the smaller id, x. Added as "
                 "floats in a different order the two sums can differ in the last bit, and y comes first by "
                 "accident: add the scores as fractions.Fraction so equal sums are equal."),
        Case("the default k is 60 and ranks start at 1", (_TIED_AT_60,), check=_abcd_in_order,
             why="With k=60, a and d (62nd place in two rankings: 2/122) tie exactly with b and c (first place "
                 "once: 1/61), so the four come out by id. Any other k, or ranks counted from 0, splits them."),
        Case("a document repeated in one ranking counts once, at its first rank",
             ([["a", "b", "a"], ["c", "b"]],), kwargs={"k": 1}, expect=["b", "a", "c"],
             why="One ranking gives a document one vote, at its best place: a earns 1/2 from the first ranking, "
                 "not 1/2 + 1/4, so b (1/3 + 1/3) comes first; a and c tie at 1/2 and go by id."),
        Case("one ranking comes back unchanged", ([["c", "a", "b"]],), expect=["c", "a", "b"]),
        Case("empty rankings fuse to nothing", ([[], []],), expect=[]),
    ]
