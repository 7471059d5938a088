"""`python -m llmcourse.llm.embedded_server ARGS`: llama-cpp-python's OpenAI-compatible server, made portable.

llama.cpp built by pip on the learner's machine targets that machine's CPU. Where the CPU advertises
AMX but the virtual machine does not let a process use it, llama.cpp's AMX weight buffers stop the server
with an illegal instruction on its first request (seen on a 2-core cloud VM with a Xeon that lists
amx_tile). Extra buffer types only repack weights for such kernels; the course's Q4_1 model gains
nothing from them, so they are always off, and every machine computes the same way.
"""

from __future__ import annotations

import llama_cpp.llama_cpp as bindings

_defaults = bindings.llama_model_default_params


def _portable_params():
    params = _defaults()
    params.use_extra_bufts = False
    return params


def main() -> None:
    bindings.llama_model_default_params = _portable_params
    from llama_cpp.server.__main__ import main as serve
    serve()


if __name__ == "__main__":
    main()
