"""The shared server: one per session, inspectable, stoppable, and clear when it cannot start."""

import dataclasses
import json
import socket
import subprocess

import pytest

from llmcourse.errors import CourseError
from llmcourse.llm import server


@pytest.mark.model
def test_ensure_running_reuses_the_running_server():
    first = server.ensure_running()
    again = server.ensure_running()
    assert again.pid == first.pid and again.port == first.port
    assert server.status().pid == first.pid


def test_a_slow_server_that_still_listens_is_kept_not_killed(monkeypatch, tmp_path):
    monkeypatch.setenv("LLMCOURSE_HOME", str(tmp_path))
    monkeypatch.setattr(server, "_answers", lambda url, timeout=2.0: False)  # busy with another request
    busy = subprocess.Popen(["sleep", "60"], start_new_session=True)
    try:
        with socket.socket() as listener:
            listener.bind(("127.0.0.1", 0))
            listener.listen()
            info = server.ServerInfo(pid=busy.pid, port=listener.getsockname()[1], model_path="m", log_path="l",
                                     started_at=0.0)
            server._state_file().write_text(json.dumps(dataclasses.asdict(info)))
            assert server.ensure_running() == info
        assert busy.poll() is None, "the shared server was killed while it was only busy"
    finally:
        busy.kill()
        busy.wait()


def test_a_taken_port_is_a_clear_error_with_the_next_step(monkeypatch):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        monkeypatch.setenv("LLMCOURSE_PORT", str(holder.getsockname()[1]))
        with pytest.raises(CourseError, match="already in use") as info:
            server._pick_port()
    assert "unset LLMCOURSE_PORT" in info.value.next_step


def test_a_missing_model_file_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("LLMCOURSE_MODEL_PATH", str(tmp_path / "nope.gguf"))
    with pytest.raises(CourseError, match="is missing") as info:
        server.model_path()
    assert "pip install" in info.value.next_step


def test_a_server_that_dies_at_start_up_reports_its_log(monkeypatch, tmp_path):
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"not a model")
    monkeypatch.setenv("LLMCOURSE_MODEL_PATH", str(broken))
    monkeypatch.setenv("LLMCOURSE_HOME", str(tmp_path / "home"))
    with pytest.raises(CourseError, match="exited during start-up") as info:
        server.ensure_running()
    assert "llmcourse model start" in info.value.next_step
    assert server.status() is None
