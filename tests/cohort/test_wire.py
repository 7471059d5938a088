"""Values cross the sandbox boundary as data: types JSON loses come back, objects never do."""

import math

import numpy as np

from llmcourse.cohort import wire


def test_data_round_trips_with_its_types():
    value = {"t": (1, 2.5, "x"), 3: [None, True, {"s": {1, 2}}], (1, 2): frozenset({"a"}), "nan": math.inf}
    assert wire.loads(wire.dumps(value)) == value


def test_numpy_values_stay_numpy():
    back = wire.loads(wire.dumps([np.float64(0.5), np.bool_(True), np.arange(3)]))
    assert type(back[0]) is np.float64 and type(back[1]) is np.bool_ and back[2].tolist() == [0, 1, 2]


def test_an_object_with_tricky_equality_equals_nothing():
    class AlwaysEqual:
        def __eq__(self, other):
            return True

    back = wire.loads(wire.dumps(AlwaysEqual()))
    assert isinstance(back, wire.Opaque) and back != [] and back != back
    assert not wire.plain([1, AlwaysEqual()]) and wire.plain({"a": (1, 2)})


def test_subclasses_of_builtins_do_not_pass_as_builtins():
    class Sneaky(list):
        def __eq__(self, other):
            return True

    assert isinstance(wire.loads(wire.dumps(Sneaky())), wire.Opaque)


def test_a_pydantic_model_crosses_as_its_class_name_and_fields():
    from pydantic import BaseModel

    class Product(BaseModel):
        name: str
        price: float

    class Other(BaseModel):
        name: str
        price: float

    back = wire.loads(wire.dumps(Product(name="Lamp", price=1.5)))
    assert isinstance(back, wire.ModelValue) and repr(back) == "Product(name='Lamp', price=1.5)"
    assert back == Product(name="Lamp", price=1.5) and Product(name="Lamp", price=1.5) == back
    assert back != Product(name="Lamp", price=2.0) and back != Other(name="Lamp", price=1.5)
    assert back != {"name": "Lamp", "price": 1.5}
