"""Turn the openai client's exceptions into messages that say what to do next."""

from __future__ import annotations

import os

import openai

from ..errors import CourseError


def explain(exc: BaseException) -> CourseError | None:
    """A CourseError with a next step for a provider failure, or None when it is not one."""
    where = os.environ.get("OPENAI_BASE_URL") or ("the OpenAI API" if os.environ.get("OPENAI_API_KEY")
                                                   else "the embedded model server")
    if isinstance(exc, openai.UnprocessableEntityError) and (exc.code == "recording_missing"):
        return CourseError(f"{exc.message}",
                           "unset LLMCOURSE_RECORDINGS (replay is the default) to let new requests reach the model")
    if isinstance(exc, openai.AuthenticationError):
        return CourseError(f"{where} refused the API key (HTTP 401).",
                           "check OPENAI_API_KEY, or unset it to use the embedded model: unset OPENAI_API_KEY OPENAI_BASE_URL")
    if isinstance(exc, openai.NotFoundError):
        return CourseError(f"{where} does not know the model or endpoint asked for ({exc.message}).",
                           "set LLMCOURSE_MODEL to a model the provider serves; llmcourse model status lists them")
    if isinstance(exc, openai.APITimeoutError):
        return CourseError(f"{where} did not answer in time.",
                           "llmcourse model status   # is it up? a smaller max_tokens also helps")
    if isinstance(exc, openai.APIConnectionError):
        if os.environ.get("OPENAI_BASE_URL"):
            return CourseError(f"could not connect to {where}.",
                               "check that the server at OPENAI_BASE_URL is running, or unset OPENAI_BASE_URL "
                               "OPENAI_API_KEY for the embedded model")
        if os.environ.get("OPENAI_API_KEY"):  # OPENAI_BASE_URL is not set: do not send the learner after it
            return CourseError("could not connect to the OpenAI API (api.openai.com): OPENAI_API_KEY is set, so the "
                               "course asks OpenAI, and this machine cannot reach it (offline, or a proxy or "
                               "firewall in the way).",
                               "get online, or unset OPENAI_API_KEY to use the embedded model, which needs no network")
        return CourseError(f"could not connect to {where}.",
                           "llmcourse model status   # restarts nothing, shows what is wrong; llmcourse model stop "
                           "clears a stale server")
    if isinstance(exc, openai.BadRequestError):
        return CourseError(f"{where} rejected the request: {exc.message}",
                           "the embedded server supports response_format type 'json_object' with a 'schema', not 'json_schema'")
    return None
