"""Grader for workflows_deterministic: a plan validator and a deterministic plan executor."""

from llmcourse.cases import Case

PRICES = {"mug": 4.5, "lamp": 20.0, "chair": 35.0}
SHIPPING = {"Lisbon": 6.0, "Oslo": 9.5}


def _unit_price(item):
    return PRICES[item]


def _line_total(price, quantity):
    return price * quantity


def _shipping(city):
    return SHIPPING[city]


def _add(a, b):
    return a + b


def _discount(price, off):
    return price - off


def _quote(total):
    return f"{total:.2f} EUR"


def _count(n):
    return n + 1


def _describe(meta):
    return ",".join(f"{k}={v}" for k, v in sorted(meta.items()))


def _broken(city):
    raise KeyError(f"no shipping rate for {city}")


def _sloppy(item):
    return 3  # declared to return a float: an int is a type error at run time


class StepFailed(Exception):
    """Matched by name: the exercise notebook defines its own StepFailed."""


def tools():
    return {
        "unit_price": {"params": {"item": str}, "returns": float, "fn": _unit_price},
        "line_total": {"params": {"price": float, "quantity": int}, "returns": float, "fn": _line_total},
        "shipping": {"params": {"city": str}, "returns": float, "fn": _shipping},
        "add": {"params": {"a": float, "b": float}, "returns": float, "fn": _add},
        "discount": {"params": {"price": float, "off": float}, "returns": float, "fn": _discount},
        "quote": {"params": {"total": float}, "returns": str, "fn": _quote},
        "count": {"params": {"n": int}, "returns": int, "fn": _count},
        "describe": {"params": {"meta": dict}, "returns": str, "fn": _describe},
        "broken_shipping": {"params": {"city": str}, "returns": float, "fn": _broken},
        "sloppy_price": {"params": {"item": str}, "returns": float, "fn": _sloppy},
    }


def ref(step_id):
    return {"ref": step_id}


def step(sid, tool, **args):
    return {"id": sid, "tool": tool, "args": args}


ORDER_PLAN = [
    step("price", "unit_price", item="mug"),
    step("lines", "line_total", price=ref("price"), quantity=3),
    step("ship", "shipping", city="Lisbon"),
    step("total", "add", a=ref("lines"), b=ref("ship")),
    step("text", "quote", total=ref("total")),
]


def _is_set(got):
    return None if isinstance(got, set) else f"returned a {type(got).__name__}; return a set of (step_id, kind) pairs"


def validate_plan():
    return [
        Case("a valid plan has no problems", (ORDER_PLAN, tools()), expect=set(),
             why="Every tool exists, every argument is there with its type, and the references form no cycle."),
        Case("the problems come back as a set", (ORDER_PLAN, tools()), check=_is_set,
             why="Return a set, so the order you find problems in and repeats do not matter."),
        Case("an empty plan is valid", ([], tools()), expect=set()),
        Case("a step may refer to a step listed after it",
             ([step("total", "add", a=ref("ship"), b=2.0), step("ship", "shipping", city="Oslo")], tools()),
             expect=set(),
             why="Validity does not depend on list order: only references define what runs first."),
        Case("a tool the registry does not have",
             ([step("price", "unit_price", item="mug"), step("tax", "vat", rate="high", base=ref("price"))],
              tools()), expect={("tax", "unknown_tool")},
             why="A model can invent a tool. With no signature, do not report its arguments as well."),
        Case("a missing argument",
             ([step("price", "unit_price", item="mug"), step("lines", "line_total", price=ref("price"))], tools()),
             expect={("lines", "missing_arg")},
             why="Every parameter of the tool must be given: line_total needs a quantity."),
        Case("an argument the tool does not take",
             ([step("ship", "shipping", city="Oslo", express=True)], tools()),
             expect={("ship", "unknown_arg")},
             why="An extra argument is a sign the model misread the tool; report it, do not drop it."),
        Case("a renamed argument is both missing and unknown",
             ([step("ship", "shipping", town="Oslo")], tools()),
             expect={("ship", "missing_arg"), ("ship", "unknown_arg")},
             why="'town' is not a parameter, and 'city' was never given: two problems."),
        Case("a reference to a step that does not exist",
             ([step("lines", "line_total", price=ref("price"), quantity=2)], tools()),
             expect={("lines", "unknown_ref")},
             why="The step 'price' is not in the plan. It cannot be type-checked, so it is only unknown_ref."),
        Case("a reference to nowhere is not a cycle",
             ([step("ship", "shipping", city="Oslo"), step("total", "add", a=ref("ghost"), b=ref("ship"))],
              tools()), expect={("total", "unknown_ref")},
             why="Only references to steps in the plan are dependencies; a missing step is not a cycle."),
        Case("a string where an int is needed",
             ([step("price", "unit_price", item="mug"), step("lines", "line_total", price=ref("price"), quantity="3")],
              tools()), expect={("lines", "wrong_type")},
             why="quantity must be an int; the string '3' is the classic output of a model asked for a number."),
        Case("True is not an int",
             ([step("n", "count", n=True)], tools()), expect={("n", "wrong_type")},
             why="bool is a subclass of int, so isinstance lets it through: compare with type(value) is expected."),
        Case("an int is not a float",
             ([step("ship", "shipping", city="Oslo"), step("total", "add", a=ref("ship"), b=5)], tools()),
             expect={("total", "wrong_type")},
             why="The text asks for exact types: 5 is an int, and the parameter is a float."),
        Case("a reference to a step of the wrong type",
             ([step("price", "unit_price", item="mug"), step("label", "quote", total=ref("price")),
               step("total", "add", a=ref("label"), b=1.0)], tools()),
             expect={("total", "wrong_type")},
             why="'label' runs quote, which returns a str; add needs a float. Check a reference by the "
                 "return type of the tool it points to."),
        Case("two wrong arguments, one problem",
             ([step("total", "add", a="1", b="2")], tools()), expect={("total", "wrong_type")},
             why="A step has at most one problem of each kind."),
        Case("a reference to an unknown tool's step is not a type error",
             ([step("tax", "vat", base=1.0), step("total", "add", a=ref("tax"), b=1.0)], tools()),
             expect={("tax", "unknown_tool")},
             why="Nothing is known about what 'tax' returns, so 'total' cannot be judged wrong."),
        Case("a dict with more keys than 'ref' is a literal",
             ([step("d", "describe", meta={"ref": "x", "colour": "blue"})], tools()), expect=set(),
             why="Only a dict whose single key is 'ref' is a reference; this one is a plain dict argument."),
        Case("a step that waits on itself",
             ([step("ship", "shipping", city="Oslo"), step("loop", "add", a=ref("loop"), b=ref("ship"))], tools()),
             expect={("loop", "cycle")},
             why="A step referring to itself can never run."),
        Case("a cycle and the steps downstream of it",
             ([step("ship", "shipping", city="Oslo"),
               step("a", "add", a=ref("b"), b=ref("ship")),
               step("b", "add", a=ref("a"), b=1.0),
               step("total", "add", a=ref("b"), b=ref("ship")),
               step("text", "quote", total=ref("ship"))], tools()),
             expect={("a", "cycle"), ("b", "cycle"), ("total", "cycle")},
             why="a and b wait on each other; total waits on b, so it can never run either. ship and text "
                 "depend on nothing stuck, so they are fine."),
        Case("a long chain listed backwards has no cycle",
             ([step("d", "quote", total=ref("c")), step("c", "add", a=ref("b"), b=1.0),
               step("b", "add", a=ref("a"), b=1.0), step("a", "shipping", city="Oslo")], tools()),
             expect=set(),
             why="Each step can run once the one it refers to has; a single pass in list order is not enough "
                 "to see that, keep going while steps become runnable."),
        Case("an unknown tool can still sit on a cycle",
             ([step("x", "vat", base=ref("y")), step("y", "add", a=ref("x"), b=1.0)], tools()),
             expect={("x", "unknown_tool"), ("x", "cycle"), ("y", "cycle")},
             why="An unknown tool's references still count as dependencies."),
        Case("an unknown tool can still have an unknown reference",
             ([step("x", "vat", base=ref("nowhere"))], tools()),
             expect={("x", "unknown_tool"), ("x", "unknown_ref")},
             why="Check references for every step, whatever its tool."),
        Case("an extra argument that refers to nowhere",
             ([step("ship", "shipping", city="Oslo", after=ref("nowhere"))], tools()),
             expect={("ship", "unknown_arg"), ("ship", "unknown_ref")},
             why="The argument is unknown, and so is the step it names: both are problems."),
        Case("the whole order plan with three mistakes",
             ([step("price", "unit_price", item="mug"),
               step("lines", "line_total", price=ref("price"), quantity=3.0),
               step("ship", "shipping", city="Lisbon", express=True),
               step("total", "add", a=ref("lines"), b=ref("shipping")),
               step("text", "quote", total=ref("total"))], tools()),
             expect={("lines", "wrong_type"), ("ship", "unknown_arg"), ("total", "unknown_ref")},
             why="Report every problem of every step, not only the first one you find."),
    ]


def execute_plan():
    return [
        Case("the order plan runs and returns every step's result",
             (ORDER_PLAN, tools()),
             expect=[("price", 4.5), ("lines", 13.5), ("ship", 6.0), ("total", 19.5), ("text", "19.50 EUR")],
             why="Return a list of (step_id, result) pairs, in the order the steps ran."),
        Case("an empty plan returns an empty list", ([], tools()), expect=[]),
        Case("a step listed before its input waits for it",
             ([step("total", "add", a=ref("ship"), b=2.0), step("ship", "shipping", city="Oslo")], tools()),
             expect=[("ship", 9.5), ("total", 11.5)],
             why="A reference must have run before the step that uses it."),
        Case("the first runnable step in plan order goes next",
             ([step("a", "shipping", city="Oslo"), step("b", "add", a=ref("c"), b=1.0),
               step("c", "shipping", city="Lisbon"), step("d", "unit_price", item="lamp")], tools()),
             expect=[("a", 9.5), ("c", 6.0), ("b", 7.0), ("d", 20.0)],
             why="After 'c' runs, 'b' is runnable and comes before 'd' in the plan, so it runs next. Look for "
                 "the first runnable step from the top of the plan at every turn."),
        Case("arguments are passed by name",
             ([step("price", "unit_price", item="chair"), step("net", "discount", off=5.0, price=ref("price"))],
              tools()), expect=[("price", 35.0), ("net", 30.0)],
             why="Call the tool with keyword arguments: the order of args in the plan need not match the "
                 "function's signature."),
        Case("a result feeds every step that refers to it",
             ([step("ship", "shipping", city="Lisbon"), step("double", "add", a=ref("ship"), b=ref("ship"))], tools()),
             expect=[("ship", 6.0), ("double", 12.0)],
             why="Pass the referenced step's result, not the {'ref': ...} dict."),
        Case("a literal dict that is not a reference is passed as it is",
             ([step("d", "describe", meta={"ref": "x", "colour": "blue"})], tools()),
             expect=[("d", "colour=blue,ref=x")],
             why="Only a dict whose single key is 'ref' is a reference."),
        Case("int results are kept as ints",
             ([step("one", "count", n=1), step("two", "count", n=ref("one"))], tools()),
             expect=[("one", 2), ("two", 3)]),
        Case("an invalid plan is refused with ValueError",
             ([step("price", "unit_price", item="mug"), step("tax", "vat", base=ref("price"))], tools()),
             raises=ValueError,
             why="Validate the whole plan first and raise ValueError before calling any tool."),
        Case("a plan with a wrong type is refused before it runs",
             ([step("ship", "broken_shipping", city="Oslo"), step("lines", "line_total", price=1.0, quantity="2")],
              tools()), raises=ValueError,
             why="Validation comes before execution: the first step's tool must never be called, so its "
                 "failure must not be what you report."),
        Case("a plan with a cycle is refused, not run forever",
             ([step("a", "add", a=ref("b"), b=1.0), step("b", "add", a=ref("a"), b=1.0)], tools()),
             raises=ValueError, timeout_s=5.0,
             why="A cycle can never finish: validate first, and raise ValueError."),
        Case("a failing tool stops the run with StepFailed",
             ([step("price", "unit_price", item="mug"), step("ship", "broken_shipping", city="Faro"),
               step("total", "add", a=ref("price"), b=ref("ship"))], tools()),
             raises=StepFailed,
             why="Wrap a tool's exception in a StepFailed that names the step, so the failure is traced "
                 "to one step of the plan."),
        Case("a tool returning the wrong type stops the run with TypeError",
             ([step("price", "sloppy_price", item="mug"), step("text", "quote", total=ref("price"))], tools()),
             raises=TypeError,
             why="sloppy_price declares a float and returns the int 3: check each result against the "
                 "tool's returns type before any later step uses it."),
    ]
