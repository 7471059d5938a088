"""Cases for product_human_in_the_loop: labels and preference pairs from a log of accept, edit and dismiss events."""

from __future__ import annotations

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {"training_data": {}}


def _e(seller: str, product: str, suggested: str, final: str, action: str, seconds: float = 5.0,
       changed_later: bool = False, **extra) -> dict:
    return {"seller": seller, "product": product, "suggested": suggested, "final": final, "action": action,
            "seconds": seconds, "changed_later": changed_later, **extra}


def _pos(product: str, category: str) -> dict:
    return {"product": product, "category": category, "label": 1}


def _neg(product: str, category: str) -> dict:
    return {"product": product, "category": category, "label": 0}


def _pair(product: str, chosen: str, rejected: str) -> dict:
    return {"product": product, "chosen": chosen, "rejected": rejected}


_BASIC = [_e("s1", "p1", "toys", "toys", "accept"),
          _e("s1", "p2", "books", "kitchen", "edit"),
          _e("s2", "p3", "outdoor", "", "dismiss"),
          _e("s2", "p4", "clothing", "clothing", "accept", seconds=2.5)]
_BASIC_OUT = {"labels": [_pos("p1", "toys"), _neg("p2", "books"), _pos("p2", "kitchen"), _pos("p4", "clothing")],
              "pairs": [_pair("p2", "kitchen", "books")]}

# s9 has 10 events, 9 of them accepts: a share of exactly 0.9, so a rubber-stamper. s8 has 9 events,
# all accepts: too few to judge at the default min_events=10.
_STAMP = ([_e("s9", f"a{i}", "toys", "toys", "accept") for i in range(9)]
          + [_e("s9", "a9", "toys", "books", "edit")]
          + [_e("s8", f"b{i}", "books", "books", "accept") for i in range(9)])
_STAMP_OUT = {"labels": [_neg("a9", "toys"), _pos("a9", "books")] + [_pos(f"b{i}", "books") for i in range(9)],
              "pairs": [_pair("a9", "books", "toys")]}

# With min_seconds=3, stamp_share=0.5 and min_events=2: s1 (2 events, 1 accept: share 0.5) is a
# rubber-stamper; s2 (2 accepts in 5 events: 0.4) is not, and its 2.9 s accept is too fast while its 3.0 s
# accept is trusted; s3 has one event only, too few to judge.
_PARAMS = [_e("s1", "p1", "toys", "toys", "accept", seconds=8.0),
           _e("s1", "p2", "toys", "books", "edit"),
           _e("s2", "p3", "kitchen", "kitchen", "accept", seconds=2.9),
           _e("s2", "p4", "kitchen", "kitchen", "accept", seconds=3.0),
           _e("s2", "p5", "outdoor", "", "dismiss"),
           _e("s2", "p5b", "outdoor", "", "dismiss"),
           _e("s2", "p5c", "toys", "", "dismiss"),
           _e("s3", "p6", "books", "books", "accept", seconds=3.5)]
_PARAMS_OUT = {"labels": [_neg("p2", "toys"), _pos("p2", "books"), _pos("p4", "kitchen"), _pos("p6", "books")],
               "pairs": [_pair("p2", "books", "toys")]}


def _shape(got) -> str | None:
    if not isinstance(got, dict) or set(got) != {"labels", "pairs"}:
        return "return a dict with exactly two keys, 'labels' and 'pairs', each a list"
    if not all(isinstance(got[k], list) for k in got):
        return "'labels' and 'pairs' should both be lists"
    return None


def training_data() -> list[Case]:
    return [
        Case("accept, edit, dismiss, accept", args=(_BASIC,), expect=_BASIC_OUT,
             why="An accept is one positive label for the suggestion; an edit is a negative label for the "
                 "suggestion, then a positive one for the seller's choice, and a pair preferring the choice; "
                 "a dismiss gives nothing. Keep the order of the log"),
        Case("the result has labels and pairs", args=(_BASIC,), check=_shape),
        Case("an instant accept is not a review",
             args=([_e("s1", "p1", "toys", "toys", "accept", seconds=0.4),
                    _e("s1", "p2", "books", "books", "accept", seconds=1.0),
                    _e("s1", "p3", "kitchen", "kitchen", "accept", seconds=0.99)],),
             expect={"labels": [_pos("p2", "books")], "pairs": []},
             why="An accept faster than min_seconds was not read, so it says nothing about the suggestion: drop "
                 "it. Exactly min_seconds (1.0 s here) is trusted"),
        Case("an accept changed later is dropped",
             args=([_e("s1", "p1", "toys", "toys", "accept", changed_later=True),
                    _e("s1", "p2", "books", "books", "accept", changed_later=False)],),
             expect={"labels": [_pos("p2", "books")], "pairs": []},
             why="When the seller changed an accepted category later, the accept was not an endorsement: drop it "
                 "(neither a positive nor a negative label)"),
        Case("a rubber-stamper's accepts are dropped, their edits kept", args=(_STAMP,), expect=_STAMP_OUT,
             why="A seller with at least min_events events and an accept share of at least stamp_share (9 of 10 "
                 "is exactly 0.9 here) accepts without looking: drop their accepts but keep their edits. A seller "
                 "with fewer than min_events events (9 here) is not judged at all"),
        Case("a no-op edit and an empty edit give nothing",
             args=([_e("s1", "p1", "toys", "toys", "edit"), _e("s1", "p2", "toys", "", "edit"),
                    _e("s1", "p3", "toys", "outdoor", "edit")],),
             expect={"labels": [_neg("p3", "toys"), _pos("p3", "outdoor")], "pairs": [_pair("p3", "outdoor", "toys")]},
             why="An edit that ends on the suggested category, or on nothing, is neither a correction nor an "
                 "endorsement: no label and no pair"),
        Case("the pair prefers the seller's choice",
             args=([_e("s1", "p7", "electronics", "toys", "edit")],),
             expect={"labels": [_neg("p7", "electronics"), _pos("p7", "toys")], "pairs": [_pair("p7", "toys", "electronics")]},
             why="In a preference pair, 'chosen' is what the seller picked (final) and 'rejected' is the model's "
                 "suggestion; the negative label comes before the positive one"),
        Case("the thresholds are parameters", args=(_PARAMS,),
             kwargs={"min_seconds": 3.0, "stamp_share": 0.5, "min_events": 2}, expect=_PARAMS_OUT,
             why="Use min_seconds, stamp_share and min_events as given, not the default values: with 3.0, 0.5 and 2 "
                 "a 2.9 s accept is too fast, and a seller with 1 accept in 2 events is a rubber-stamper"),
        Case("a seller just under the accept share is trusted",
             args=([_e("s5", f"c{i}", "books", "books", "accept") for i in range(8)]
                   + [_e("s5", "c8", "books", "", "dismiss"), _e("s5", "c9", "books", "", "dismiss")],),
             expect={"labels": [_pos(f"c{i}", "books") for i in range(8)], "pairs": []},
             why="8 accepts in 10 events is a share of 0.8, below stamp_share 0.9: this seller's accepts count. "
                 "Dismisses count as events in the share"),
        Case("an empty log", args=([],), expect={"labels": [], "pairs": []},
             why="No events, no training data: return both keys with empty lists"),
        Case("extra keys are ignored",
             args=([_e("s1", "p1", "toys", "toys", "accept", day=3, event="e1", true_category="toys")],),
             expect={"labels": [_pos("p1", "toys")], "pairs": []},
             why="A real log has more columns: read only the keys the rules use, and return only product, "
                 "category and label"),
        Case("an unknown action is an error", args=([_e("s1", "p1", "toys", "toys", "approve")],), raises=ValueError,
             why="'approve' is not accept, edit or dismiss: the log is broken, so raise ValueError rather than guess"),
        Case("an unknown action late in the log is still an error",
             args=([_e("s1", "p1", "toys", "toys", "accept"), _e("s1", "p2", "toys", "books", "edit"),
                    _e("s1", "p3", "toys", "toys", "Accept")],), raises=ValueError,
             why="Check every event's action (case matters: 'Accept' is not 'accept') and raise before returning "
                 "any labels"),
    ]
