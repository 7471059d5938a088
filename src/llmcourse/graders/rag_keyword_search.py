"""Grader for rag_keyword_search: recall@k of one ranking, and reciprocal rank fusion of several."""

from llmcourse.grading import Case


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
        Case("one ranking comes back unchanged", ([["c", "a", "b"]],), expect=["c", "a", "b"]),
        Case("empty rankings fuse to nothing", ([[], []],), expect=[]),
    ]
