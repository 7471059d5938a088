"""A kernel of its own for each submission: no network, private paths covered, resources capped."""

from __future__ import annotations

import functools
import os
import secrets
import shlex
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import AsyncKernelManager

from .. import paths
from ..errors import CourseError

FIRST_UID = 61000  # as root, each submission runs as an unprivileged user of its own, from this id up
UID_RANGE = 60000
# Several grade runs on one machine (shards of a cohort, say) must never share a user: each run reaps
# whatever its users leave running, which would kill the other run's kernels. So each run claims a block
# of ids of its own.
UID_BLOCK = 1000
_uid_claim: list = []  # (socket, block) once claimed: the socket holds the claim for the process's life
# the shared scratch folders every user may write to: in the jail they are the kernel's own capped tmpfs
SCRATCH_DIRS = (Path("/tmp"), Path("/var/tmp"), Path("/dev/shm"))


@dataclass
class Limits:
    cell_s: float = 60
    notebook_s: float = 300
    memory_mb: int = 2048
    processes: int = 64
    file_mb: int = 64
    output_kb: int = 1024
    probe_kb: int = 65536  # the probe cell's output holds every return value as JSON
    scratch_mb: int = 256  # working folder, home, /tmp and /dev/shm together
    grace_s: float = 5  # an interrupted cell's time to stop before its kernel is killed


@dataclass
class Jail:
    """How kernels are confined: what they may not see, and whether namespaces are in use."""

    covered: list[Path] = field(default_factory=list)  # folders under an empty tmpfs in the kernel
    namespaces: bool = True


@functools.cache
def namespaces_work() -> bool:
    """Whether this machine lets us make network, mount and process namespaces."""
    if not shutil.which("unshare"):
        return False
    flags = [] if os.geteuid() == 0 else ["--map-root-user"]
    try:
        done = subprocess.run(["unshare", "--net", "--mount", "--pid", "--fork", *flags, "true"],
                              capture_output=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def graders_dir() -> Path:
    # found by place, not by import: the code jail for lessons uses this module, and a lesson must not
    # depend on the graders (their changes would re-execute every lesson page)
    return Path(__file__).resolve().parent.parent / "graders"


def private_paths(extra: list[Path]) -> list[Path]:
    """What a submission must not read: solutions, tests, the graders, history, caches, the user's home, the
    cohort. The graders too: the kernel gets each case's inputs from the grader, never by importing them. And
    the course's own instructors/ folder (the capstone's example hidden set), whichever --hidden-tests is used."""
    root = paths.root()
    found = [root / name for name in ("solutions", "tests", ".git", "build", ".cache", "workspace", "instructors")]
    found += [graders_dir(), Path.home(), paths.state_dir(), *extra]
    return [p.resolve() for p in found if p.exists()]


def needed(covered: list[Path], own: Path) -> list[Path]:
    """What the kernel must still reach inside covered or scratch folders: Python, the course, its own folder."""
    wanted = [Path(sys.prefix), Path(sys.base_prefix), paths.root(), own]
    covered = [*covered, *SCRATCH_DIRS]
    return [p.resolve() for p in wanted if any(p.resolve().is_relative_to(h) for h in covered)]


def _uid_block() -> int:
    """This run's block of user ids, claimed by binding an abstract Unix socket named after it: the claim is
    atomic between processes, leaves no file behind, and ends with the process however it ends."""
    if not _uid_claim:
        for block in range(UID_RANGE // UID_BLOCK):
            claim = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)  # not inherited by the kernels
            try:
                claim.bind(f"\0llmcourse-grade-uids-{FIRST_UID + block * UID_BLOCK}")
            except OSError:
                claim.close()
                continue
            _uid_claim.append((claim, block))
            break
        else:
            raise CourseError(f"every block of sandbox user ids is taken by {UID_RANGE // UID_BLOCK} other grade runs "
                              "on this machine.", "wait for one of them to finish, then run the same command again")
    return _uid_claim[0][1]


def uid_for(n: int) -> int:
    """The user the n-th submission runs as: its own, so nothing one leaves behind counts against the next
    (ids come round again after UID_BLOCK submissions, each reaped long before); -1 (no change) when the
    grader is not root and cannot switch users."""
    return FIRST_UID + _uid_block() * UID_BLOCK + n % UID_BLOCK if os.geteuid() == 0 else -1


def tasks_of(uid: int) -> list[tuple[int, int]]:
    """(pid, threads) of every process whose real user is `uid`."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if f"\nUid:\t{uid}\t" in text:
            threads = text.split("Threads:\t", 1)[1].split()[0] if "Threads:\t" in text else "1"
            found.append((int(status.parent.name), int(threads)))
    return found


def reap(uid: int) -> None:
    """Kill whatever still runs as `uid` once its kernel is gone (a fork bomb's stragglers, say)."""
    if uid < 0:
        return
    for pid, _ in tasks_of(uid):
        try:
            os.kill(pid, 9)
        except OSError:
            continue


def argv(jail: Jail, own: Path, limits: Limits, uid: int) -> list[str]:
    """The kernel's command line: unshare, then the jail, then the ordinary ipykernel launcher."""
    inner = [sys.executable, "-m", "llmcourse.cohort.jail",
             "--memory-mb", str(limits.memory_mb), "--processes", str(process_cap(limits.processes)),
             "--file-mb", str(limits.file_mb), "--scratch", str(own / "scratch"),
             "--scratch-mb", str(limits.scratch_mb), "--workdir", str(workdir(own))]
    if uid >= 0 and jail.namespaces:
        # without a mount namespace the interpreter may sit in a home folder that user cannot enter
        inner += ["--uid", str(uid)]
    if not jail.namespaces:
        return [*inner, "--no-mounts", "--", sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    for path in jail.covered:
        inner += ["--cover", str(path)]
    for path in needed(jail.covered, own):
        inner += ["--keep", str(path)]
    # if the grader itself is killed, its kernels go with it: setpriv passes the death signal to unshare,
    # unshare to the namespace's first process, and the kernel takes every process of the namespace along
    outer = ["setpriv", "--pdeathsig", "KILL"] if shutil.which("setpriv") else []
    # --ipc: System V shared memory and message queues outlive their process; in a namespace of its own they
    # go when the kernel does, and cannot reach the grader's
    outer += ["unshare", "--net", "--mount", "--pid", "--ipc", "--fork", "--kill-child", "--mount-proc"]
    if os.geteuid() != 0:
        outer.append("--map-root-user")
    command = shlex.join([*outer, *inner, "--", sys.executable, "-m", "ipykernel_launcher", "-f"])
    # an interrupt at the cell limit goes to the whole process group: unshare must ignore it or it would
    # exit and take the kernel with it; the jail gives the kernel its interrupt back before exec
    return ["/bin/sh", "-c", f'trap "" INT; exec {command} "$0"', "{connection_file}"]


def process_cap(allowed: int) -> int:
    """The process limit to set. It counts every process of the user: as root each submission has a user of its
    own, otherwise the limit sits `allowed` above what the instructor is running already."""
    if os.geteuid() == 0:
        return allowed
    return sum(threads for _, threads in tasks_of(os.getuid())) + allowed


class _OneSpec(KernelSpecManager):
    """A kernel spec manager that knows one spec, built at run time (so no files in the user's Jupyter dirs)."""

    def __init__(self, spec: KernelSpec, **kwargs):
        super().__init__(**kwargs)
        self._spec = spec

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        return self._spec


def prepare(own: Path, uid: int) -> None:
    """The submission's folder. `ipc` holds the connection file and sockets, which the kernel's user creates;
    `scratch` is where the jail mounts the kernel's capped tmpfs (without namespaces: plain folders)."""
    for sub in ("ipc", "scratch/cwd", "scratch/home", "scratch/tmp"):
        (own / sub).mkdir(parents=True, exist_ok=True)
    own.chmod(0o711)
    (own / "ipc").chmod(0o700)
    if uid >= 0:
        for path in [own / "ipc", own / "scratch", *(own / "scratch").rglob("*")]:
            os.chown(path, uid, uid)


def lock(own: Path, uid: int) -> None:
    """Once the kernel has bound its sockets it needs no more files there: the folder goes back to root, so
    the kernel's user cannot write past its capped scratch space onto the grader's disk."""
    if uid >= 0:
        os.chown(own / "ipc", 0, 0)
        os.chmod(own / "ipc", 0o711)


def workdir(own: Path) -> Path:
    return own / "scratch" / "cwd"


class _SlotKernelManager(AsyncKernelManager):
    """Hands the connection file to the submission's user, who could not read it otherwise, and keeps the
    kernel's own output away from the grader's terminal."""

    sandbox_uid: int = -1

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        # not the instructor's terminal: a notebook could write escape sequences to it, and ipykernel prints
        # a connection banner there when it has no parent pid to watch
        kw.update(stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return await super()._async_launch_kernel(kernel_cmd, **kw)

    def write_connection_file(self, **kwargs):
        super().write_connection_file(**kwargs)
        if self.sandbox_uid >= 0:
            os.chown(self.connection_file, self.sandbox_uid, self.sandbox_uid)


def kernel_manager(jail: Jail, own: Path, limits: Limits, uid: int) -> AsyncKernelManager:
    spec = KernelSpec(argv=argv(jail, own, limits, uid), display_name="llmcourse sandbox", language="python")
    # IPC sockets in the submission's folder: there is no loopback inside a fresh network namespace
    km = _SlotKernelManager(kernel_spec_manager=_OneSpec(spec), kernel_name="llmcourse-sandbox",
                            # named afresh for each kernel, so nothing still listening on an earlier one's sockets
                            # can pick up this one's messages
                            transport="ipc", ip=str(own / "ipc" / f"k{secrets.token_hex(4)}"),
                            connection_file=str(own / "ipc" / "kernel.json"))
    km.sandbox_uid = uid
    return km


# passed on from the grader's environment when set: how Python finds the course, and CPU quirks of the host
PASSED = ("PYTHONPATH", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


def env(own: Path) -> dict:
    """Built from nothing: no provider keys, no secrets, no PATH of the grader's user; every home and cache
    points into the kernel's scratch space. (The jail also drops JPY_PARENT_PID, which the launcher adds.)"""
    home = own / "scratch" / "home"
    passed = {k: os.environ[k] for k in PASSED if os.environ.get(k)}
    return {**passed, "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "LANG": "C.UTF-8",
            "HOME": str(home), "TMPDIR": str(own / "scratch" / "tmp"), "MPLCONFIGDIR": str(home / ".matplotlib"),
            "IPYTHONDIR": str(home / ".ipython"), "XDG_CACHE_HOME": str(home / ".cache"),
            "MPLBACKEND": "module://matplotlib_inline.backend_inline", "PYDEVD_DISABLE_FILE_VALIDATION": "1",
            "LLMCOURSE_ROOT": str(paths.root()), "LLMCOURSE_HOME": str(home / "state"),
            "LLMCOURSE_WORKSPACE": str(workdir(own)), "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1", "LLMCOURSE_SANDBOX": "1"}


def require(jail_wanted: bool) -> bool:
    """Whether to use namespaces: always when wanted, and then a clear error if the machine forbids them."""
    if not jail_wanted:
        return False
    if namespaces_work():
        return True
    raise CourseError("this machine does not allow the namespaces that keep submissions apart "
                      "(unshare --net --mount --pid failed).",
                      "grade in a VM or container that allows user namespaces, or accept weaker isolation: "
                      "llmcourse grade ... --no-sandbox")
