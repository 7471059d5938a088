"""Execute a notebook with nbclient under cell and whole-notebook time limits."""

from __future__ import annotations

import asyncio
import atexit
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from .errors import CourseError

# what a kernel needs from the caller's environment; everything else (secrets included) stays out
PASSED_ENV = ("PATH", "PYTHONPATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "USER", "XDG_CACHE_HOME", "VIRTUAL_ENV",
              "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
PASSED_PREFIXES = ("LLMCOURSE_", "OPENAI_")


@dataclass
class CellError:
    index: int
    ename: str
    evalue: str
    source: str


@dataclass
class Execution:
    nb: nbformat.NotebookNode
    errors: list[CellError] = field(default_factory=list)
    timed_out: str = ""
    truncated: set = field(default_factory=set)  # cells whose output passed the client's cap


def kernel_env(extra: dict | None = None, with_provider: bool = True) -> dict:
    """A minimal environment for the kernel; provider keys only when `with_provider`."""
    env = {k: v for k, v in os.environ.items()
           if k in PASSED_ENV or (k.startswith(PASSED_PREFIXES) and (with_provider or not k.startswith("OPENAI_")))}
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    env.setdefault("PATH", os.path.dirname(sys.executable))
    env.update(extra or {})
    return env


def _errors(nb: nbformat.NotebookNode, cell_timeout: float) -> list[CellError]:
    found = []
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error" and "raises-exception" not in cell.metadata.get("tags", []):
                ename, evalue = out.get("ename", ""), out.get("evalue", "")
                if ename == "KeyboardInterrupt":  # our own interrupt at the cell limit
                    ename, evalue = "a time-out", f"it ran past the {cell_timeout:g} s cell limit and was stopped"
                found.append(CellError(index, ename, evalue, cell.source))
    return found


def run(nb: nbformat.NotebookNode, cwd: Path, *, cell_timeout: float = 300, total_timeout: float = 1800,
        allow_errors: bool = False, env: dict | None = None) -> Execution:
    """Execute `nb` in `cwd`; errors are collected (allow_errors) or raised as a CourseError naming the cell."""
    result = asyncio.run(arun(nb, cwd, cell_timeout=cell_timeout, total_timeout=total_timeout, env=env))
    if not allow_errors and (result.errors or result.timed_out):
        raise CourseError(describe(result), "run the notebook in Jupyter to see the failing cell in context")
    return result


async def arun(nb: nbformat.NotebookNode, cwd: Path, *, cell_timeout: float, total_timeout: float,
               env: dict | None = None, km=None, client_class: type[NotebookClient] = NotebookClient,
               **client_options) -> Execution:
    """Execute `nb` in `cwd` and collect what went wrong; `km` runs it in a kernel of the caller's making."""
    if km is None:
        with tempfile.TemporaryDirectory(prefix="llmcourse-kernel-") as sockets:
            km = local_kernel(Path(sockets))
            try:
                return await arun(nb, cwd, cell_timeout=cell_timeout, total_timeout=total_timeout, env=env,
                                  km=km, client_class=client_class, **client_options)
            finally:
                # nbclient leaves a kernel it was handed running; its work is done, so no graceful goodbye
                if km.has_kernel:
                    await km.shutdown_kernel(now=True)
    # a cell past its limit is interrupted and execution goes on, so later cells (and grading) still run
    client = client_class(nb, km=km, timeout=cell_timeout, kernel_name="python3", allow_errors=True,
                          interrupt_on_timeout=True, resources={"metadata": {"path": str(cwd)}},
                          record_timing=False, **client_options)
    result = Execution(nb)
    started = time.monotonic()
    try:
        await asyncio.wait_for(client.async_execute(env=env if env is not None else kernel_env()),
                               timeout=total_timeout)
    except CellTimeoutError:  # a subclass of TimeoutError: test it first
        result.timed_out = f"a cell ran past its {cell_timeout:g} s limit"
    except TimeoutError:  # asyncio.wait_for's, since Python 3.11
        result.timed_out = f"the notebook ran past its {total_timeout:g} s limit"
    except DeadKernelError as exc:
        # nbclient's own clean-up, cancelled at the notebook limit, can surface as a dead kernel
        late = time.monotonic() - started >= total_timeout
        result.timed_out = (f"the notebook ran past its {total_timeout:g} s limit and was stopped" if late
                            else f"the kernel died ({exc}): the notebook crashed it, or it ran out of memory")
    except CellExecutionError as exc:  # only when a cell is tagged to stop execution
        result.timed_out = str(exc)
    except RuntimeError as exc:  # jupyter_client's "Kernel died before replying to kernel_info"
        result.timed_out = f"the kernel did not start ({exc})"
    finally:
        # nbclient registers a clean-up at exit that fails once the kernel is gone; ours has run by now
        atexit.unregister(client._cleanup_kernel)
    result.errors = _errors(nb, cell_timeout)
    result.truncated = set(getattr(client, "_truncated", ()))
    return result


def local_kernel(sockets: Path) -> AsyncKernelManager:
    """A python3 kernel talking over IPC sockets in `sockets`: nothing listens on a network port, so
    ipykernel has no unencrypted TCP to warn about and no other user on the machine can connect."""
    return AsyncKernelManager(kernel_name="python3", transport="ipc", ip=str(sockets / "kernel"),
                              connection_file=str(sockets / "kernel.json"))


def marked_json(cell: nbformat.NotebookNode, marker: str):
    """The JSON a cell printed behind `marker` (its stdout may arrive in pieces), or None if there is none."""
    text = "".join(o.get("text", "") for o in cell.get("outputs", [])
                   if o.get("output_type") == "stream" and o.get("name") == "stdout")
    for line in text.splitlines():
        if line.startswith(marker):
            try:
                return json.loads(line[len(marker):])
            except json.JSONDecodeError:
                return None
    return None


def describe(result: Execution) -> str:
    """One paragraph naming what went wrong, cell by cell."""
    parts = [result.timed_out] if result.timed_out else []
    for err in result.errors:
        first = err.source.strip().splitlines()[0] if err.source.strip() else ""
        parts.append(f"cell {err.index + 1} (`{first[:60]}`) raised {err.ename}: {err.evalue}")
    return "; ".join(parts)
