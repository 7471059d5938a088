"""Grader for prompting_context_tokens: a context packer that removes duplicates, keeps the latest
passage of each topic and fits a token budget, with the token counter passed in."""

from llmcourse.cases import Case

EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {
    "pack_context": {
        "constant: ' '.join -> ' X'.join":
            "the key is only compared with other keys built the same way; the words are lower-cased, so an "
            "upper-case X marks a separator unambiguously and equal keys still mean equal normalised texts",
    },
}


def _words(text):
    """The counting rule of most cases: one token per whitespace-separated word."""
    return len(text.split())


def _chars(text):
    """Another counting rule, so an answer that counts words itself instead of calling count_tokens fails."""
    return len(text)


def _p(pid, text, date="2024-01-01", topic=None):
    passage = {"id": pid, "text": text, "date": date}
    if topic is not None:
        passage["topic"] = topic
    return passage


A = _p("a", "Returns are accepted within 45 days.", topic="returns")          # 6 words
B = _p("b", "Orders ship from Lisbon.")                                        # 4 words
C = _p("c", "A service costs 79 euros.", topic="service")                      # 5 words
OLD = _p("old", "Returns are accepted within 30 days.", "2019-05-01", "returns")
NEW = _p("new", "Returns are accepted within 60 days.", "2025-02-01", "returns")


def pack_context():
    return [
        Case("everything fits and nothing repeats", ([A, B, C], 100, _words), expect=["a", "b", "c"],
             why="With no duplicates, no conflicts and room for all, return every id in input order."),
        Case("an exact duplicate is dropped", ([A, B, _p("a2", A["text"]), C], 100, _words),
             expect=["a", "b", "c"], why="Keep the first of two passages with the same text; drop the later one."),
        Case("duplicates ignore case and spacing",
             ([B, _p("b2", "  orders   SHIP from\nLisbon. ")], 100, _words), expect=["b"],
             why="Compare texts after lower-casing, stripping and collapsing whitespace to one space."),
        Case("different texts are not duplicates",
             ([B, _p("b2", "Orders ship from Porto.")], 100, _words), expect=["b", "b2"],
             why="Only texts equal after normalising are duplicates."),
        Case("the latest date wins a conflict", ([OLD, B, NEW], 100, _words), expect=["b", "new"],
             why="Passages that share a topic conflict: keep only the one with the latest date, wherever it is."),
        Case("the latest date wins even when it comes first", ([NEW, B, OLD], 100, _words), expect=["new", "b"],
             why="Keep the latest date, not the last passage in the list."),
        Case("equal dates: the first one wins",
             ([_p("x", "Open until 18:00.", "2024-03-01", "hours"), _p("y", "Open until 17:00.", "2024-03-01", "hours")],
              100, _words), expect=["x"],
             why="On equal dates keep the passage that comes first; only a strictly later date replaces it."),
        Case("three versions of one topic", ([OLD, NEW, _p("mid", "Returns within 45 days.", "2022-01-01", "returns")],
                                             100, _words), expect=["new"],
             why="Compare every passage of the topic: the latest of all three wins."),
        Case("passages without a topic never conflict",
             ([_p("n1", "Orders ship from Lisbon."), _p("n2", "Shipping is free over 500 euros.", "2020-01-01"),
               _p("n3", "Delivery takes 3 to 5 days.", "2021-01-01", "")], 100, _words), expect=["n1", "n2", "n3"],
             why="A passage with no topic key, or a topic of None or \"\", has no topic: it is never dropped as a conflict."),
        Case("a topic of None is no topic",
             ([{"id": "m1", "text": "One thing.", "date": "2020-01-01", "topic": None},
               {"id": "m2", "text": "Another thing.", "date": "2021-01-01", "topic": None}], 100, _words),
             expect=["m1", "m2"], why="A topic of None is no topic, so the two passages do not conflict."),
        Case("duplicates go before conflicts",
             ([_p("d1", "Returns within 45 days.", "2020-01-01", "returns"),
               _p("d2", "returns within 45 days.", "2025-01-01", "returns"), B], 100, _words),
             expect=["d1", "b"],
             why="Drop duplicates first: the later copy is gone before the conflict rule looks at dates."),
        Case("the budget keeps a prefix", ([A, B, C], 10, _words), expect=["a", "b"],
             why="Walk in order: 6 + 4 = 10 fits a budget of 10; adding 5 more would not."),
        Case("a passage that exactly fills the budget is kept", ([A], 6, _words), expect=["a"],
             why="Keep a passage when the total plus its tokens is at most the budget: equal counts as fitting."),
        Case("a passage too big is skipped, a later one may fit", ([A, C, B], 9, _words), expect=["a"],
             why="6 fits; 6 + 5 = 11 does not, so skip c; 6 + 4 = 10 does not fit either."),
        Case("skip and go on", ([C, A, B], 9, _words), expect=["c", "b"],
             why="5 fits; 5 + 6 = 11 does not, so skip a and go on: 5 + 4 = 9 fits."),
        Case("a zero budget keeps nothing", ([A, B], 0, _words), expect=[],
             why="No passage has zero tokens here, so nothing fits a budget of 0."),
        Case("an empty text costs nothing", ([_p("e", ""), A], 0, _words), expect=["e"],
             why="A passage of 0 tokens fits a budget of 0; use count_tokens, do not assume every passage costs 1."),
        Case("count with the counter you are given", ([B, C], 30, _chars), expect=["b"],
             why="Call count_tokens(text) on the original text: with this counter b costs 24 and c 25."),
        Case("the original text is counted, not the normalised one",
             ([_p("s", "a    b"), _p("t", "cc")], 6, _chars), expect=["s"],
             why="Count the passage's original text (6 characters here), not the collapsed copy used to find duplicates."),
        Case("budget after conflicts", ([OLD, NEW, B], 10, _words), expect=["new", "b"],
             why="Spend the budget only on passages that survive the first two rules."),
        Case("no passages", ([], 10, _words), expect=[], why="An empty list packs to an empty list."),
        Case("a negative budget", ([A], -1, _words), raises=ValueError,
             why="A negative budget is a caller's mistake: raise ValueError."),
    ]
