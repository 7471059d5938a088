"""Talk to a language model: the embedded SmolLM2 by default, any OpenAI-compatible provider by env.

The names load on first use, so a notebook that imports the course pays for the openai client only
when it talks to a model.
"""

from importlib import import_module

_FROM = {"chat": "connect", "client": "connect", "default_client": "connect", "model_name": "connect",
         "provider": "connect", "explain": "advice"}
_MODULES = ("ledger", "server", "recording")

__all__ = sorted([*_FROM, *_MODULES])


def __getattr__(name: str):
    if name in _MODULES:
        return import_module(f"{__name__}.{name}")
    if name in _FROM:
        return getattr(import_module(f"{__name__}.{_FROM[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return __all__
