"""`llmcourse model status|start|stop`: see, start and stop the model the course talks to."""

from __future__ import annotations

from rich.console import Console

from . import connect, server
from .advice import explain


def run(action: str, console: Console) -> int:
    prov = connect.provider()
    if action == "stop":
        info = server.stop()
        console.print(f"stopped the embedded model server (pid {info.pid}, port {info.port})" if info
                      else "no embedded model server was running")
        return 0
    if not prov.embedded:
        console.print(f"provider: {prov.base_url} (from OPENAI_BASE_URL)" if prov.base_url
                      else "provider: the OpenAI API (OPENAI_API_KEY is set and OPENAI_BASE_URL is not)")
        try:
            names = [m.id for m in connect.client(cache=False).models.list().data]
        except Exception as exc:  # noqa: BLE001 - report, do not crash
            problem = explain(exc)
            console.print(f"[red]unreachable:[/] {problem or exc}")
            return 1
        console.print(f"reachable; it serves {len(names)} model(s): {', '.join(names[:10])}")
        console.print(f"the course uses: {connect.model_name()}")
        return 0
    info = server.status() if action == "status" else server.ensure_running()
    if info is None:
        console.print("the embedded model server is not running; it starts by itself when a notebook "
                      "needs it.\nnext: llmcourse model start")
        return 0
    console.print(f"embedded model: {server.MODEL_ALIAS}\n  file: {info.model_path}\n  url:  {info.base_url}\n"
                  f"  pid:  {info.pid}\n  log:  {info.log_path}\nstop it with: llmcourse model stop")
    return 0
