"""The notebook client for grading: output capped per cell, and a cell limit that holds against a cell that
ignores its interrupt.

nbclient interrupts a cell at its limit and then waits for it as long again, and again, forever: a cell that
ignores SIGINT (or sits in C code, or is a 5 MB expression being compiled) runs on to the notebook limit.
Here the interrupt gets a short grace; then the kernel is killed and `Stuck` names the cell, so the
caller can run the notebook again in a fresh kernel without it.
"""

from __future__ import annotations

import asyncio
import json
import time

from jupyter_client.utils import ensure_async
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError
from traitlets import Any, Float, Integer


class Stuck(DeadKernelError):
    """A cell ran past its limit and ignored the interrupt, so its kernel was killed. A dead kernel to
    nbclient, which then cancels its listeners (a timeout would leave them polling the dead kernel's
    sockets)."""

    def __init__(self, index: int):
        super().__init__(f"cell {index + 1} ignored its interrupt")
        self.index = index


class GradingClient(NotebookClient):
    output_kb = Integer(1024, help="output kept per cell, in KB").tag(config=True)
    probe_kb = Integer(65536, help="output kept for the last cell, the probe, whose output carries every case's "
                                   "return value (a tokenized corpus is megabytes)").tag(config=True)
    grace_s = Float(5.0, help="how long an interrupted cell may take to stop before its kernel is killed")
    stuck = Any(None, help="a list that receives the index of a cell whose kernel was killed")
    on_started = Any(None, help="called once the kernel has answered, before the first cell runs")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._used: dict[int, int] = {}
        self._truncated: set[int] = set()
        self._interrupted: set[int] = set()

    def output(self, outs, msg, display_id, cell_index):
        """Keeps at most `output_kb` of output per cell, so a flood of prints cannot exhaust the grader."""
        self._used[cell_index] = self._used.get(cell_index, 0) + len(json.dumps(msg.get("content", {}), default=str))
        cap = self.probe_kb if cell_index == len(self.nb.cells) - 1 else self.output_kb
        if self._used[cell_index] > cap * 1024:
            self._truncated.add(cell_index)
            return None
        return super().output(outs, msg, display_id, cell_index)

    async def async_start_new_kernel_client(self):
        kc = await super().async_start_new_kernel_client()
        if self.on_started is not None:
            self.on_started()
        return kc

    async def _async_handle_timeout(self, timeout, cell=None):
        """Interrupt; if no reply comes within the grace, kill the kernel and raise `Stuck`."""
        index = next((i for i, c in enumerate(self.nb.cells) if c is cell), -1)
        if index not in self._interrupted:  # a second time-out of the same cell means the first was ignored
            self._interrupted.add(index)
            await ensure_async(self.km.interrupt_kernel())
            deadline = time.monotonic() + self.grace_s
            while time.monotonic() < deadline:
                if await ensure_async(self.kc.shell_channel.msg_ready()):
                    return None  # an answer is there: nbclient reads it as usual
                await asyncio.sleep(0.05)
        if self.stuck is not None:
            self.stuck.append(index)
        await ensure_async(self.km.shutdown_kernel(now=True))
        raise Stuck(index)
