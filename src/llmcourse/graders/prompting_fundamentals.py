"""Cases for prompting_fundamentals: pick balanced, deduplicated worked examples and ground the question
with a way out."""

from __future__ import annotations

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {}

WAY_OUT = ("Answer only from the context. If the context does not contain the answer, reply exactly: "
           "insufficient information")


def _turns(*pairs: tuple[str, str]) -> list[dict]:
    out = []
    for text, label in pairs:
        out += [{"role": "user", "content": text}, {"role": "assistant", "content": label}]
    return out


def _q(question: str, context: str | None = None) -> list[dict]:
    if context is None:
        return [{"role": "user", "content": question}]
    return [{"role": "user", "content": f"Context:\n{context}\n\nQuestion: {question}\n{WAY_OUT}"}]


POOL = [("card late", "card_arrival"), ("card still not here", "card_arrival"), ("where is my card", "card_arrival"),
        ("what rate do you use", "exchange_rate"), ("pin locked", "pin_blocked"), ("rate for euros", "exchange_rate")]


def grounded_few_shot() -> list[Case]:
    return [
        Case("balanced across labels", args=("Q?", POOL, 3),
             expect=_turns(("card late", "card_arrival"), ("what rate do you use", "exchange_rate"),
                           ("pin locked", "pin_blocked")) + _q("Q?"),
             why="The first three examples of the pool are all card_arrival: a prompt made of them pulls the "
                 "model's answers towards that label. Round one takes the first example of each label, in the "
                 "order the labels first appear"),
        Case("a second round", args=("Q?", POOL, 5),
             expect=_turns(("card late", "card_arrival"), ("what rate do you use", "exchange_rate"),
                           ("pin locked", "pin_blocked"), ("card still not here", "card_arrival"),
                           ("rate for euros", "exchange_rate")) + _q("Q?"),
             why="After one example of every label, round two takes the second example of each label that has "
                 "one (pin_blocked has none), in the same label order"),
        Case("stop mid-round at k", args=("Q?", POOL, 4),
             expect=_turns(("card late", "card_arrival"), ("what rate do you use", "exchange_rate"),
                           ("pin locked", "pin_blocked"), ("card still not here", "card_arrival")) + _q("Q?"),
             why="Stop as soon as k examples are picked, even in the middle of a round"),
        Case("k larger than the pool", args=("Q?", POOL, 50),
             expect=_turns(("card late", "card_arrival"), ("what rate do you use", "exchange_rate"),
                           ("pin locked", "pin_blocked"), ("card still not here", "card_arrival"),
                           ("rate for euros", "exchange_rate"), ("where is my card", "card_arrival")) + _q("Q?"),
             why="When the examples run out before k, return all of them, in round order: fewer than k is not "
                 "an error"),
        Case("zero-shot", args=("Where is my card?", POOL, 0), expect=_q("Where is my card?"),
             why="k = 0 means no worked examples: the prompt is the question alone"),
        Case("an empty pool", args=("Where is my card?", [], 3), expect=_q("Where is my card?"),
             why="With no examples collected yet the prompt is zero-shot; that is not an error"),
        Case("duplicates after folding", args=("Q?", [("Card  late", "card_arrival"), ("card late ", "card_arrival"),
                                                       ("CARD LATE", "card_arrival"), ("pin locked", "pin_blocked"),
                                                       ("card\tlate\n", "card_arrival"), ("lost it", "card_arrival")], 10),
             expect=_turns(("Card  late", "card_arrival"), ("pin locked", "pin_blocked"),
                           ("lost it", "card_arrival")) + _q("Q?"),
             why="'Card  late', 'card late ', 'CARD LATE' and 'card\\tlate\\n' are one example once runs of "
                 "whitespace become one space, the ends are trimmed and case is folded: keep the first, "
                 "unchanged, and drop the rest. A repeated example wastes a slot and over-weights its label"),
        Case("a duplicate with another label", args=("Q?", [("rate?", "exchange_rate"), ("lost pin", "pin_blocked"),
                                                            ("Rate?", "card_arrival"), ("late card", "card_arrival")], 10),
             expect=_turns(("rate?", "exchange_rate"), ("lost pin", "pin_blocked"),
                           ("late card", "card_arrival")) + _q("Q?"),
             why="A later copy of a text is dropped whatever its label: the first one wins, and a label whose "
                 "only examples were duplicates does not appear until it has a kept example"),
        Case("label order is first appearance, not alphabetical",
             args=("Q?", [("z1", "zebra"), ("a1", "apple"), ("z2", "zebra"), ("m1", "mango")], 3),
             expect=_turns(("z1", "zebra"), ("a1", "apple"), ("m1", "mango")) + _q("Q?"),
             why="List the labels in the order each first appears in the pool (zebra, apple, mango), not sorted"),
        Case("the order of labels comes from the kept examples",
             args=("Q?", [("x", "b"), ("X", "a"), ("y", "a"), ("w", "c"), ("v", "b")], 4),
             expect=_turns(("x", "b"), ("y", "a"), ("w", "c"), ("v", "b")) + _q("Q?"),
             why="'X' duplicates 'x' and is dropped, so label a first appears with 'y': labels run b, a, c"),
        Case("a grounded question names the way out",
             args=("When will my card arrive?", POOL, 1),
             kwargs={"context": "Cards are posted within 3 working days."},
             expect=_turns(("card late", "card_arrival")) + _q("When will my card arrive?",
                                                               "Cards are posted within 3 working days."),
             why="With a context, the last turn is f\"Context:\\n{context}\\n\\nQuestion: {question}\\n{WAY_OUT}\": "
                 "the model is told the exact phrase to give when the context lacks the answer, and your code "
                 "can test for that phrase"),
        Case("text is copied unchanged", args=("  Why was my top-up declined?  ", [("  Top-up FAILED ", "top_up_failed")], 2),
             kwargs={"context": " Top-ups fail when the card issuer refuses them. "},
             expect=_turns(("  Top-up FAILED ", "top_up_failed"))
             + _q("  Why was my top-up declined?  ", " Top-ups fail when the card issuer refuses them. "),
             why="Folding is only for comparing texts: the messages carry the example, the question and the "
                 "context exactly as given"),
        Case("no context means no way-out clause", args=("Q?", POOL, 1), kwargs={"context": None},
             expect=_turns(("card late", "card_arrival")) + _q("Q?"),
             why="context=None is an ungrounded prompt: the last turn is the question alone"),
        Case("an empty question", args=("   ", POOL, 2), raises=ValueError,
             why="A question of only whitespace cannot be answered: raise ValueError"),
        Case("an empty question string", args=("", POOL, 2), raises=ValueError,
             why="An empty question cannot be answered: raise ValueError"),
        Case("a negative k", args=("Q?", POOL, -1), raises=ValueError,
             why="k counts examples: -1 is a bug in the caller, raise ValueError"),
        Case("an empty context", args=("Q?", POOL, 2), kwargs={"context": "  \n"}, raises=ValueError,
             why="A blank context grounds nothing, and sending the way-out clause with it invites "
                 "'insufficient information' for everything: raise ValueError (pass None for no context)"),
        Case("an example without a label", args=("Q?", [("card late", "card_arrival"), ("pin?", " ")], 1),
             raises=ValueError,
             why="Every example in the pool needs a text and a label, even one that would not be picked: raise "
                 "ValueError"),
        Case("an example without a text", args=("Q?", [("", "card_arrival")], 0), raises=ValueError,
             why="An example with an empty text teaches nothing: raise ValueError, whatever k is"),
    ]
