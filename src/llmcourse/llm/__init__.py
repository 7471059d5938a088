"""Talk to a language model: the embedded SmolLM2 by default, any OpenAI-compatible provider by env."""

from . import ledger, server
from .connect import chat, client, default_client, model_name, provider
from .explain import explain

__all__ = ["chat", "client", "default_client", "explain", "ledger", "model_name", "provider", "server"]
